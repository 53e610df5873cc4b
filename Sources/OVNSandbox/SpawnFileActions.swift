#if canImport(Glibc)
import Glibc
#endif

/// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34+): Swift's Glibc module does not
/// import it (it is a GNU extension), so it is looked up once at run time.
public enum SpawnFileActions {
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// Resolved once by the lazy static initialiser.
    private static let closeFromFunction: CloseFrom? = {
        // A null handle is RTLD_DEFAULT: the symbol as the process's libraries define it.
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()

    /// Makes the child close every descriptor from `lowest` up; false when glibc lacks it.
    @discardableResult
    public static func closeFrom(_ actions: inout posix_spawn_file_actions_t, _ lowest: Int32) -> Bool {
        guard let closeFromFunction else { return false }
        return closeFromFunction(&actions, lowest) == 0
    }
}

import EdgeAPI
import EdgeStore
import Foundation

/// The first start's admin token: when the database has no token at all, `serve` issues an
/// admin token named `admin` and writes its bearer value to a file only the owner can read.
enum AdminTokenFile {
    static func createIfNoToken(_ store: Store, path: String) throws {
        guard try store.tokens.count() == 0 else { return }
        let (record, bearer) = try TokenIssuer.issue(store, role: .admin, project: nil, name: "admin")
        try write(bearer + "\n", to: path)
        say("first start: admin token \(record.id) written to \(path) (mode 0600)")
    }

    /// Creates the file with mode 0600 from the start (never readable by others, even briefly),
    /// replacing a stale one.
    static func write(_ text: String, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard Glibc.write(fd, bytes, bytes.count) == bytes.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }
}

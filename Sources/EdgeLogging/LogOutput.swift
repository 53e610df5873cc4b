import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A file descriptor log lines go to (`standardError` for `serve`).
///
/// Each `write` hands its bytes to the kernel under a lock, looping over short writes, so lines of
/// concurrent writers never interleave; the access log writes a whole batch of lines in one call.
public final class LogOutput: Sendable {
    public static let standardError = LogOutput(descriptor: STDERR_FILENO)

    private let descriptor: Mutex<Int32>

    public init(descriptor: Int32) {
        self.descriptor = Mutex(descriptor)
    }

    public func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        descriptor.withLock { descriptor in
            bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return }
                var offset = 0
                while offset < raw.count {
                    let written = Glibc.write(descriptor, base + offset, raw.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0, errno == EINTR {
                        continue
                    } else {
                        // A closed or non-blocking full descriptor: the rest is dropped, since
                        // a log that cannot be written must not stop the service.
                        return
                    }
                }
            }
        }
    }
}

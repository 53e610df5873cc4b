import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder under /tmp with a short path (unix socket paths are limited to 108 bytes).
public struct TemporaryDirectory: Sendable {
    public let path: String

    public init(prefix: String = "oe") throws {
        var template = Array("/tmp/\(prefix).XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let created else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        path = String(cString: created)
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}

import Foundation
import OVNSandbox
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Programs the tests start (daemons that `--detach` and live on) inherit none of the test
/// process's descriptors, also those opened without close-on-exec: an inherited socket stays
/// open after the test closes its own copy, so its peer never sees the FIN or reset.
@Suite struct SpawnTests {
    @Test func childrenInheritOnlyTheStandardDescriptors() throws {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)  // no SOCK_CLOEXEC on purpose
        try #require(socketFD >= 0)
        defer { close(socketFD) }
        let result = try spawnAndWait("/bin/sh", ["-c", "ls /proc/$$/fd"])
        #expect(result.status == 0, "\(result.stderr)")
        let inherited = result.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }
        #expect(inherited.contains(0) && inherited.contains(2))
        #expect(!inherited.contains(socketFD), "\(inherited)")
        #expect(inherited.allSatisfy { $0 <= 2 || $0 >= 10 }, "only 0-2 and the shell's own: \(inherited)")
    }
}

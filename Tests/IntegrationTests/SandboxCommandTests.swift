import Foundation
import OVNSandbox
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `ovn-edge sandbox …` run as a real program against real OVN daemons.
@Suite struct SandboxCommandTests {
    let binary = ProcessRunner.ovnEdgeBinary()

    @Test func startIsIdempotentAndStopLeavesNothing() throws {
        let dir = try TemporaryDirectory(prefix: "sbx")
        defer { _ = try? ProcessRunner.result(binary, ["sandbox", "stop", "--dir", dir.path]); dir.remove() }

        let first = try ProcessRunner.run(binary, ["sandbox", "start", "--dir", dir.path])
        #expect(first.contains("OVN_NB_DB=unix:\(dir.path)/nb.sock"))
        #expect(first.contains("OVN_SB_DB=unix:\(dir.path)/sb.sock"))
        let sandbox = try OVNSandbox(directory: dir.path)
        let pids = sandbox.status().compactMap(\.pid)
        #expect(pids.count == 3)

        // The printed NB works with the stock tool.
        try sandbox.nbctl("ls-add", "sandbox-probe")
        #expect(try sandbox.nbctl("show").contains("sandbox-probe"))

        // A second start keeps the same three daemons.
        let second = try ProcessRunner.result(binary, ["sandbox", "start", "--dir", dir.path])
        #expect(second.status == 0)
        #expect(second.stderr.contains("already running"))
        #expect(sandbox.status().compactMap(\.pid) == pids)

        let status = try ProcessRunner.result(binary, ["sandbox", "status", "--dir", dir.path])
        #expect(status.status == 0)
        #expect(status.stdout.contains("northd: running"))

        try ProcessRunner.run(binary, ["sandbox", "stop", "--dir", dir.path])
        for pid in pids { #expect(!processIsAlive(pid), "pid \(pid) survived stop") }
        let after = try ProcessRunner.result(binary, ["sandbox", "status", "--dir", dir.path])
        #expect(after.status == 3)
        #expect(after.stdout.contains("nb: stopped"))
    }

    @Test func restartKeepsTheDatabase() throws {
        let dir = try TemporaryDirectory(prefix: "sbx")
        let sandbox = try OVNSandbox(directory: dir.path)
        defer { sandbox.destroy() }
        try sandbox.start(.northboundOnly)
        try sandbox.nbctl("lr-add", "kept-router")
        sandbox.stop()
        try sandbox.start(.northboundOnly)
        #expect(try sandbox.nbctl("lr-list").contains("kept-router"))
    }

    @Test func missingOVNNamesTheDebianPackages() {
        #expect {
            try OVNInstallation.locate(environment: ["PATH": "/nonexistent"], systemFolders: false)
        } throws: { error in
            let text = "\(error)"
            return text.contains("ovn-central") && text.contains("openvswitch-common") && text.contains("ovsdb-server")
        }
    }

    @Test func serveStartsAndStopsAnEmbeddedSandbox() async throws {
        let dir = try TemporaryDirectory(prefix: "srv")
        defer { dir.remove() }
        let server = try BackgroundProcess(binary, ["serve", "--data-dir", dir.path])
        defer { server.terminate() }
        let sandbox = try OVNSandbox(directory: dir.path + "/ovn")
        try await waitUntil(timeout: 20) { sandbox.status().allSatisfy(\.running) }
        let pids = sandbox.status().compactMap(\.pid)
        #expect(try sandbox.nbctl("show").isEmpty)

        #expect(server.terminate() == 0)
        for pid in pids { #expect(!processIsAlive(pid), "pid \(pid) outlived serve") }
    }
}

/// The throwaway sandbox of the test harness.
@Suite struct TestHarnessTests {
    @Test func harnessGivesARealNorthbound() async throws {
        let listing = try await withOVN { sandbox in
            try sandbox.nbctl("ls-add", "harness-switch")
            return try sandbox.nbctl("--bare", "--columns=name", "list", "Logical_Switch")
        }
        #expect(listing.trimmingCharacters(in: .whitespacesAndNewlines) == "harness-switch")
    }

    @Test func harnessTearsDownWhenTheBodyThrows() async throws {
        struct Boom: Error {}
        nonisolated(unsafe) var seen: (dir: String, pids: [Int32]) = ("", [])
        await #expect(throws: Boom.self) {
            try await withOVN(.full) { sandbox in
                seen = (sandbox.directory, sandbox.status().compactMap(\.pid))
                throw Boom()
            }
        }
        #expect(seen.pids.count == 3)
        for pid in seen.pids { #expect(!processIsAlive(pid)) }
        #expect(!FileManager.default.fileExists(atPath: seen.dir))
    }
}

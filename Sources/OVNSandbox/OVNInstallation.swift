import Foundation

/// Where the OVN and OVSDB programs and schemas of this machine live.
///
/// Looked up on PATH and in the sbin folders, because Debian installs `ovsdb-server` in
/// `/usr/sbin`, which is not on an ordinary user's PATH.
public struct OVNInstallation: Sendable {
    public let ovsdbServer: String
    public let ovsdbTool: String
    public let ovnNorthd: String
    public let nbSchema: String
    public let sbSchema: String

    /// The Debian packages that provide everything above.
    public static let debianPackages = ["ovn-central", "ovn-common", "openvswitch-common"]

    /// - Parameter systemFolders: also look in the usual sbin/bin and share folders (tests turn
    ///   this off to see the not-installed message).
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              systemFolders: Bool = true) throws -> OVNInstallation {
        let systemPrograms = systemFolders ? ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/sbin"] : []
        let searchPath = (environment["PATH"] ?? "").split(separator: ":").map(String.init) + systemPrograms
        var missing: [String] = []
        func program(_ name: String) -> String {
            for dir in searchPath where FileManager.default.isExecutableFile(atPath: dir + "/" + name) {
                return dir + "/" + name
            }
            missing.append(name)
            return name
        }
        func schema(_ name: String) -> String {
            let dirs = [environment["OVN_SCHEMA_DIR"]].compactMap { $0 }
                + (systemFolders ? ["/usr/share/ovn", "/usr/local/share/ovn"] : [])
            for dir in dirs where FileManager.default.fileExists(atPath: dir + "/" + name) {
                return dir + "/" + name
            }
            missing.append(name)
            return name
        }
        let found = OVNInstallation(
            ovsdbServer: program("ovsdb-server"),
            ovsdbTool: program("ovsdb-tool"),
            ovnNorthd: program("ovn-northd"),
            nbSchema: schema("ovn-nb.ovsschema"),
            sbSchema: schema("ovn-sb.ovsschema")
        )
        guard missing.isEmpty else { throw OVNSandboxError.notInstalled(missing: missing) }
        return found
    }

    /// Finds a companion tool such as `ovn-nbctl` next to the others, for tests and diagnostics.
    public static func tool(_ name: String) -> String {
        for dir in ["/usr/bin", "/usr/sbin", "/usr/local/bin"] where FileManager.default.isExecutableFile(atPath: dir + "/" + name) {
            return dir + "/" + name
        }
        return name
    }
}

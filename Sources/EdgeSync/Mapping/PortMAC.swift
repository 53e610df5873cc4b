import EdgeCore
import Foundation
import OVSDB

/// The MAC of a logical switch port as NB has it: the first word of an `addresses` entry
/// (`"00:00:00:48:38:46 192.168.0.4"`), or of `dynamic_addresses`.
enum PortMAC {
    static func mac(of port: Row) -> Result<String, SyncProblem> {
        let candidates = port.strings("addresses").sorted() + [port.optionalString("dynamic_addresses") ?? ""]
        for entry in candidates {
            if let first = entry.split(separator: " ").first, MACAddress(String(first)) != nil { return .success(String(first)) }
        }
        return .failure(.portHasNoMAC(port.string("name")))
    }
}

import EdgeCore
import GRDB

extension Repository where Spec == ExternalNetworkSpec {
    /// Counts of the network's pools, from a pool built over committed rows.
    public func usage(_ reference: ResourceReference) throws -> NetworkUsage {
        try store.read { db in
            let (_, network) = try behavior.require(reference, in: db)
            var pool = NetworkIPAM(network: network.spec)
            let rows = try Row.fetchAll(db, sql: "SELECT ip_v4, ip_v6, mac FROM eips WHERE network_id = ?", arguments: [network.id.text])
            for row in rows {
                guard let mac = MACAddress(row["mac"] as String) else { continue }
                pool.reserve(AddressAllocation(ipV4: (row["ip_v4"] as String?).flatMap(IPv4Address.init),
                                               ipV6: (row["ip_v6"] as String?).flatMap(IPv6Address.init), mac: mac))
            }
            let gateways = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM router_gateways WHERE network_id = ?", arguments: [network.id.text]) ?? 0
            let nodeGateways = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM node_gateways WHERE network_id = ?", arguments: [network.id.text]) ?? 0
            func family<A>(_ pool: AddressPool<A>?) -> NetworkUsage.Family? {
                pool.map { NetworkUsage.Family(usable: $0.usableCount, allocated: $0.usableCount - $0.freeCount, free: $0.freeCount) }
            }
            return NetworkUsage(eips: rows.count, routerGateways: gateways, nodeGateways: nodeGateways, v4: family(pool.v4), v6: family(pool.v6))
        }
    }
}

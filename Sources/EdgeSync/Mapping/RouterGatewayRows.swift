import EdgeCore
import Foundation
import OVSDB

/// A router gateway connects a router to an external network's switch:
/// * `Logical_Router_Port` `<router>-<switch>` (uuid = the gateway's id) with the EIP's MAC and
///   `ip/prefix` per family, on `Logical_Router.ports`;
/// * its peer `Logical_Switch_Port` `<switch>-<router>` (`type=router`,
///   `options:router-port`) on the switch;
/// * one `Gateway_Chassis` `<lrp>-<chassis>` per chassis, priority 100, 99, …;
/// * with `default_route`, a `Logical_Router_Static_Route` 0.0.0.0/0 (and ::/0) via the
///   network's gateway.
enum RouterGatewayRows {
    static func rows(_ gateway: RouterGateway, in context: MappingContext) -> Result<[DesiredRow], SyncProblem> {
        let key = ObjectKey(kind: .routerGateway, id: gateway.id)
        let spec = gateway.spec
        let view = context.view
        guard let eipReference = spec.eip else { return .failure(.missingObject(.eip, nil)) }
        return view.router(spec.router).flatMap { router in
            context.network(spec.network).flatMap { network in
                let switchName = MappingContext.switchName(of: network)
                return view.logicalSwitch(switchName).flatMap { logicalSwitch in
                    context.eip(eipReference).flatMap { eip in
                        build(gateway, key: key, router: router, network: network, switchRow: logicalSwitch, eip: eip, view: view)
                    }
                }
            }
        }
    }

    private static func build(_ gateway: RouterGateway, key: ObjectKey, router: Row, network: ExternalNetwork,
                              switchRow: Row, eip: EIPAddressing, view: NBView) -> Result<[DesiredRow], SyncProblem> {
        let routerName = router.string("name"), switchName = switchRow.string("name")
        let lrpName = "\(routerName)-\(switchName)", lspName = "\(switchName)-\(routerName)"
        if let problem = view.foreignNamed("Logical_Router_Port", lrpName, notOwnedBy: key) { return .failure(problem) }
        if let problem = view.foreignNamed("Logical_Switch_Port", lspName, notOwnedBy: key) { return .failure(problem) }
        var networks: [String] = []
        if let ip = eip.ipV4, let cidr = network.spec.cidrV4 { networks.append("\(ip)/\(cidr.prefixLength)") }
        if let ip = eip.ipV6, let cidr = network.spec.cidrV6 { networks.append("\(ip)/\(cidr.prefixLength)") }
        if networks.isEmpty { return .failure(.noAddress(eip: eip.id, family: .v4)) }
        let ids = { (role: String) in MappingContext.externalIDs(key, gateway.revision, role: role) }

        var rows = [
            DesiredRow(table: "Logical_Router_Port", uuid: gateway.id, columns: [
                "name": .string(lrpName), "mac": .string(eip.mac.description), "networks": .stringSet(networks), "external_ids": ids("lrp"),
            ], references: [RowReference(table: "Logical_Router", uuid: router.uuid, column: "ports")]),
            DesiredRow(table: "Logical_Switch_Port", uuid: DerivedUUID.make(gateway.id, role: "lsp"), columns: [
                "name": .string(lspName), "type": .string("router"), "addresses": .stringSet(["router"]),
                "options": .stringMap(["router-port": lrpName]), "external_ids": ids("lsp"),
            ], references: [RowReference(table: "Logical_Switch", uuid: switchRow.uuid, column: "ports")]),
        ]
        let chassis = gateway.spec.gatewayChassis.isEmpty ? network.spec.gatewayChassis : gateway.spec.gatewayChassis
        for (position, name) in chassis.enumerated() {
            let rowName = "\(lrpName)-\(name)"
            if let problem = view.foreignNamed("Gateway_Chassis", rowName, notOwnedBy: key) { return .failure(problem) }
            rows.append(DesiredRow(table: "Gateway_Chassis", uuid: DerivedUUID.make(gateway.id, role: "gateway-chassis:\(name)"), columns: [
                "name": .string(rowName), "chassis_name": .string(name), "priority": .integer(max(0, 100 - position)),
                "external_ids": ids("gateway-chassis"),
            ], references: [RowReference(table: "Logical_Router_Port", uuid: gateway.id, column: "gateway_chassis")]))
        }
        if gateway.spec.defaultRoute {
            let routes: [(IPFamily, String, String?)] = [(.v4, "0.0.0.0/0", network.spec.gatewayV4?.description),
                                                           (.v6, "::/0", network.spec.gatewayV6?.description)]
            for (family, prefix, nexthop) in routes {
                guard let nexthop else { continue }
                if let problem = routeConflict(router, prefix: prefix, key: key, view: view) { return .failure(problem) }
                rows.append(DesiredRow(table: "Logical_Router_Static_Route", uuid: DerivedUUID.make(gateway.id, role: "route-\(family.rawValue)"), columns: [
                    "ip_prefix": .string(prefix), "nexthop": .string(nexthop), "route_table": .string(""),
                    "policy": .optional(nil as String?), "external_ids": ids("route-\(family.rawValue)"),
                ], references: [RowReference(table: "Logical_Router", uuid: router.uuid, column: "static_routes")]))
            }
        }
        return .success(rows)
    }

    /// A default route on the router's main table that is not ours.
    private static func routeConflict(_ router: Row, prefix: String, key: ObjectKey, view: NBView) -> SyncProblem? {
        let tag = Ownership.tag(key)
        for uuid in router.uuids("static_routes") {
            guard let route = view.row("Logical_Router_Static_Route", uuid), view.owner(of: route) != tag,
                  route.string("ip_prefix") == prefix, route.string("route_table").isEmpty,
                  (route.optionalString("policy") ?? "dst-ip") == "dst-ip" else { continue }
            let who = view.ownerDescription(of: route)
            return .conflict(table: "Logical_Router_Static_Route", uuid: uuid,
                             detail: "router \(router.string("name")) already has \(prefix) via \(route.string("nexthop")) (\(who))")
        }
        return nil
    }
}

import EdgeCore
import GRDB

/// A row of `external_networks`.
struct ExternalNetworkRecord: ResourceRecord {
    static let databaseTableName = "external_networks"

    var common: CommonColumns
    var logicalSwitch: String?
    var cidrV4: String?
    var gatewayV4: String?
    var cidrV6: String?
    var gatewayV6: String?
    var exclude: String            // JSON array
    var gatewayChassis: String     // JSON array
    var mode: String
    var localnetNetwork: String?

    init(row: Row) {
        common = CommonColumns(row: row)
        logicalSwitch = row["logical_switch"]
        cidrV4 = row["cidr_v4"]
        gatewayV4 = row["gateway_v4"]
        cidrV6 = row["cidr_v6"]
        gatewayV6 = row["gateway_v6"]
        exclude = row["exclude"]
        gatewayChassis = row["gateway_chassis"]
        mode = row["mode"]
        localnetNetwork = row["localnet_network"]
    }

    init(common: CommonColumns, spec: ExternalNetworkSpec) throws {
        self.common = common
        logicalSwitch = spec.logicalSwitch
        cidrV4 = spec.cidrV4?.description
        gatewayV4 = spec.gatewayV4?.description
        cidrV6 = spec.cidrV6?.description
        gatewayV6 = spec.gatewayV6?.description
        exclude = try JSONCoding.encode(spec.exclude)
        gatewayChassis = try JSONCoding.encode(spec.gatewayChassis)
        mode = spec.mode.rawValue
        localnetNetwork = spec.localnetNetwork
    }

    func encode(to container: inout PersistenceContainer) {
        common.encode(to: &container)
        container["logical_switch"] = logicalSwitch
        container["cidr_v4"] = cidrV4
        container["gateway_v4"] = gatewayV4
        container["cidr_v6"] = cidrV6
        container["gateway_v6"] = gatewayV6
        container["exclude"] = exclude
        container["gateway_chassis"] = gatewayChassis
        container["mode"] = mode
        container["localnet_network"] = localnetNetwork
    }

    func spec() throws -> ExternalNetworkSpec {
        ExternalNetworkSpec(
            logicalSwitch: logicalSwitch,
            cidrV4: try parse(cidrV4, column: "cidr_v4"), gatewayV4: try parse(gatewayV4, column: "gateway_v4"),
            cidrV6: try parse(cidrV6, column: "cidr_v6"), gatewayV6: try parse(gatewayV6, column: "gateway_v6"),
            exclude: try JSONCoding.decode([IPRange].self, from: exclude),
            gatewayChassis: try JSONCoding.decode([String].self, from: gatewayChassis),
            mode: try parse(mode, as: DistributionMode.self, column: "mode"),
            localnetNetwork: localnetNetwork
        )
    }
}

import Foundation
import Testing
import TestSupport
import OVNSandbox
import OVSDB

/// An online schema upgrade (`ovsdb-client convert`, as an OVN upgrade does): the change-aware
/// client gets `monitor_canceled`, reconnects with the new schema, keeps its rows, tolerates
/// the new columns and reports the new capabilities.
@Suite struct SchemaConversionTests {
    /// The installed NB schema as if it were 7.0.4+: Mirror `both`/`local`, NAT `match`/`priority`.
    static func upgradedSchema(from path: String) throws -> JSON {
        guard case .object(var schema) = try JSONParser.parse(try String(contentsOfFile: path, encoding: .utf8)),
              case .object(var tables)? = schema["tables"],
              case .object(var mirror)? = tables["Mirror"], case .object(var mirrorColumns)? = mirror["columns"],
              case .object(var nat)? = tables["NAT"], case .object(var natColumns)? = nat["columns"] else {
            throw OVSDBError.protocolViolation("unexpected schema shape")
        }
        func enumColumn(_ values: [JSON]) -> JSON {
            ["type": ["key": ["type": "string", "enum": ["set", .array(values)]]]]
        }
        mirrorColumns["filter"] = enumColumn(["from-lport", "to-lport", "both"])
        mirrorColumns["type"] = enumColumn(["gre", "erspan", "local"])
        mirror["columns"] = .object(mirrorColumns)
        natColumns["match"] = ["type": "string"]
        natColumns["priority"] = ["type": ["key": ["type": "integer", "minInteger": 0, "maxInteger": 32767]]]
        nat["columns"] = .object(natColumns)
        tables["Mirror"] = .object(mirror)
        tables["NAT"] = .object(nat)
        schema["tables"] = .object(tables)
        schema["version"] = "7.0.4"
        schema["cksum"] = nil
        return .object(schema)
    }

    @Test func clientFollowsAnOnlineSchemaUpgrade() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            try await TestClient.with(sandbox.nbRemote, ) { client in
                #expect(client.capabilities?.mirrorFilterBoth == false)
                let router = NB.LogicalRouter(name: "r")
                let nat = NB.NAT(type: .snat, externalIP: "172.16.0.1", logicalIP: "10.0.0.0/24")
                _ = try await client.transact([.insert(nat), .insert(router),
                                               .addReferences(NB.LogicalRouter.self, router.uuid, column: "nat", [nat.uuid])])

                let schemaPath = sandbox.path("nb-7.0.4.ovsschema")
                try Data(JSONWriter.encode(try Self.upgradedSchema(from: OVNInstallation.locate().nbSchema))).write(to: URL(fileURLWithPath: schemaPath))
                try ProcessRunner.run(OVNInstallation.tool("ovsdb-client"), ["convert", sandbox.nbRemote, schemaPath])

                try await waitUntil(timeout: 20) { client.isReady && client.schema?.version == SchemaVersion(7, 0, 4) }
                let capabilities = try #require(client.capabilities)
                #expect(capabilities.mirrorFilterBoth && capabilities.mirrorTypeLocal && capabilities.natMatchAndPriority)
                let snapshot = client.cache.snapshot()
                let row = try #require(snapshot["NAT"][nat.uuid])
                #expect(row["priority"] == .integer(0) && row["match"] == .string(""))
                #expect(NB.NAT(row: row).externalIP == "172.16.0.1")
                #expect(snapshot.get(NB.LogicalRouter.self, router.uuid)?.nat == [nat.uuid])
                _ = try await client.transact([.insert(NB.Mirror(name: "m", type: "local", index: 1, filter: "both", sink: ""))])
                #expect(client.cache.snapshot().all(NB.Mirror.self).first?.filter == "both")
            }
        }
    }

    @Test func capabilitiesOfTheInstalledSchema() throws {
        let installed = try DatabaseSchema(text: String(contentsOfFile: OVNInstallation.locate().nbSchema, encoding: .utf8))
        let current = NorthboundCapabilities(schema: installed)
        #expect(current.version == SchemaVersion(7, 0, 0))
        #expect(!current.mirrorFilterBoth && !current.mirrorTypeLocal && !current.natMatchAndPriority)
        #expect(current.mirrorTypes == ["gre", "erspan"])
        #expect(installed["NAT"]?.isRoot == false && installed["Load_Balancer"]?.isRoot == true)
        #expect(installed["Logical_Switch_Port"]?.indexes == [["name"]])
        #expect(installed["Logical_Router"]?["load_balancer"]?.type.key.refType == .weak)
        let upgraded = try DatabaseSchema(json: try Self.upgradedSchema(from: OVNInstallation.locate().nbSchema))
        #expect(NorthboundCapabilities(schema: upgraded).mirrorFilterBoth)
        #expect(SchemaVersion("7.0.4")! > SchemaVersion("7.0.0")!)
    }
}

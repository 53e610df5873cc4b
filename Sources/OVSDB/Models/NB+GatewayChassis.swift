import Foundation

extension NB {
    /// `Gateway_Chassis` (non-root, kept by `Logical_Router_Port.gateway_chassis`; `name` is unique).
    public struct GatewayChassis: NorthboundModel {
        public static let tableName = "Gateway_Chassis"

        public var uuid: UUID
        /// Convention: `<lrp>_<chassis>`.
        public var name: String
        public var chassisName: String
        /// 0…32767, highest is active.
        public var priority: Int
        public var options: [String: String]
        public var externalIDs: [String: String]

        public init(uuid: UUID = UUID(), name: String, chassisName: String, priority: Int, externalIDs: [String: String] = [:]) {
            self.uuid = uuid
            self.name = name
            self.chassisName = chassisName
            self.priority = priority
            self.options = [:]
            self.externalIDs = externalIDs
        }

        public init(row: Row) {
            uuid = row.uuid
            name = row.string("name")
            chassisName = row.string("chassis_name")
            priority = row.integer("priority")
            options = row.stringMap("options")
            externalIDs = row.stringMap("external_ids")
        }

        public var columns: [String: Value] {
            [
                "name": .string(name), "chassis_name": .string(chassisName), "priority": .integer(priority),
                "options": .stringMap(options), "external_ids": .stringMap(externalIDs),
            ]
        }
    }
}

import Foundation

extension NB {
    /// `Mirror` (root: must be deleted explicitly; `name` is unique). On NB 7.0.0 `filter` is only
    /// `from-lport`/`to-lport` and `type` only `gre`/`erspan`: check `NorthboundCapabilities`.
    public struct Mirror: NorthboundModel {
        public static let tableName = "Mirror"

        public var uuid: UUID
        public var name: String
        public var filter: String
        /// Remote IP of the tunnel.
        public var sink: String
        public var type: String
        /// GRE key or ERSPAN index.
        public var index: Int
        public var externalIDs: [String: String]

        public init(uuid: UUID = UUID(), name: String, type: String, index: Int, filter: String, sink: String,
                    externalIDs: [String: String] = [:]) {
            self.uuid = uuid
            self.name = name
            self.filter = filter
            self.sink = sink
            self.type = type
            self.index = index
            self.externalIDs = externalIDs
        }

        public init(row: Row) {
            uuid = row.uuid
            name = row.string("name")
            filter = row.string("filter")
            sink = row.string("sink")
            type = row.string("type")
            index = row.integer("index")
            externalIDs = row.stringMap("external_ids")
        }

        public var columns: [String: Value] {
            [
                "name": .string(name), "filter": .string(filter), "sink": .string(sink), "type": .string(type),
                "index": .integer(index), "external_ids": .stringMap(externalIDs),
            ]
        }
    }
}

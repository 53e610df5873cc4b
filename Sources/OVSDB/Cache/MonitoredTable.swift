/// A table the client keeps in its cache, with the columns to fetch (nil = all the schema has).
public struct MonitoredTable: Sendable, Hashable, ExpressibleByStringLiteral {
    public var name: String
    public var columns: [String]?

    public init(_ name: String, columns: [String]? = nil) {
        self.name = name
        self.columns = columns
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// The tables the ovn-edge reconciler works with.
    public static let northboundEdge: [MonitoredTable] = [
        "NAT", "Load_Balancer", "Logical_Router", "Logical_Router_Port", "Logical_Switch",
        "Logical_Switch_Port", "Gateway_Chassis", "Logical_Router_Static_Route", "Mirror", "NB_Global",
    ]
}

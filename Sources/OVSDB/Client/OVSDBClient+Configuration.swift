import Foundation
import Logging

extension OVSDBClient {
    public struct Configuration: Sendable {
        /// Servers to try in order (cluster members, or one server).
        public var remotes: [Remote]
        public var database: String
        /// Tables to keep in the cache. Empty: no data monitor.
        public var monitoredTables: [MonitoredTable]
        public var tls: TLSConfiguration?
        /// Talk only to the cluster leader (writes avoid a forwarding hop; reads are fresh).
        public var leaderOnly: Bool
        /// Seconds of silence before an `echo` is sent on tcp/ssl (twice that drops the
        /// connection). nil: no client probe. Unix sockets never probe.
        public var inactivityProbe: Double?
        public var backoff: Backoff
        public var connectTimeout: Double
        /// Default time a request (or a transaction with its retries) may take.
        public var requestTimeout: Double
        /// Time the initial monitor reply may take (big databases take seconds).
        public var monitorTimeout: Double
        /// Newest monitor method to try; older ones are used when the server does not know it.
        public var preferredMonitorMethod: MonitorMethod
        public var logger: Logger

        public init(remotes: [Remote], database: String = "OVN_Northbound",
                    monitoredTables: [MonitoredTable] = MonitoredTable.northboundEdge,
                    tls: TLSConfiguration? = nil, leaderOnly: Bool = true, inactivityProbe: Double? = 5,
                    backoff: Backoff = Backoff(), connectTimeout: Double = 5, requestTimeout: Double = 30,
                    monitorTimeout: Double = 120, preferredMonitorMethod: MonitorMethod = .monitorCondSince,
                    logger: Logger = Logger(label: "ovn-edge.ovsdb")) {
            self.remotes = remotes
            self.database = database
            self.monitoredTables = monitoredTables
            self.tls = tls
            self.leaderOnly = leaderOnly
            self.inactivityProbe = inactivityProbe
            self.backoff = backoff
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.monitorTimeout = monitorTimeout
            self.preferredMonitorMethod = preferredMonitorMethod
            self.logger = logger
        }

        /// `remotes` in ovsdb notation: `unix:/run/ovn/ovnnb_db.sock` or `tcp:a:6641,tcp:b:6641`.
        public init(remotes: String, database: String = "OVN_Northbound",
                    monitoredTables: [MonitoredTable] = MonitoredTable.northboundEdge) throws {
            self.init(remotes: try Remote.list(remotes), database: database, monitoredTables: monitoredTables)
        }
    }
}

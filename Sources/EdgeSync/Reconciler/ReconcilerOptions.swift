import Foundation
import OVSDB

/// Tuning of the reconciler; the defaults suit production.
public struct ReconcilerOptions: Sendable {
    /// The OVSDB lock that makes one ovn-edge the writer; nil: the deployment's own
    /// (`OwnershipScope.lockName`), so replicas of one deployment take turns and other
    /// deployments on the same NB write alongside.
    public var lockName: String?
    /// Rows written by an ovn-edge from before deployments (an owner key, no deployment key)
    /// whose object is not in our store are ours to remove as orphans (`serve --adopt-legacy-rows`).
    /// Off: they are left alone, since another deployment may own them.
    public var adoptLegacyRows = false
    /// Most ops per NB transaction.
    public var maxOperationsPerTransaction: Int
    /// Batches of one tier sent before the first reply is back (NB works on one while the
    /// reconciler plans and encodes the next and reads the previous ones' updates). Four keep
    /// ovsdb-server busy while `serve` is slow to read a reply on two shared cores: after a
    /// bulk of 10,000 FIPs the NB writes took a median 0.93 s with four against 1.19 s with
    /// two (seven runs each, load 2-6; six: 1.04 s).
    public var transactionsInFlight = 4
    /// Seconds between full resyncs (drift the monitor could not show, orphans).
    public var fullResyncInterval: Double
    /// Seconds to let NB changes settle before a drift pass, so a burst makes one pass. Short:
    /// a drift pass plans only the objects the drift concerns, so a burst split in two costs
    /// little, and the loop is busy (coalescing) while a pass runs anyway.
    public var driftDebounce: Double
    /// Seconds to wait after a pass failed for a reason that is not an object's (connection).
    public var retryDelay: Double
    /// NB client timeouts.
    public var requestTimeout: Double
    public var inactivityProbe: Double?
    /// Private key, certificate and CA for `ssl:` remotes.
    public var tls: TLSConfiguration?
    /// Tests: after every pass compare the kept NB view with one built afresh from the cache
    /// (O(NB) per pass; results in `Reconciler.viewAudit`).
    var auditKeptView = false

    public init(lockName: String? = nil, maxOperationsPerTransaction: Int = 800, fullResyncInterval: Double = 300,
                driftDebounce: Double = 0.02, retryDelay: Double = 1, requestTimeout: Double = 30, inactivityProbe: Double? = 5) {
        self.lockName = lockName
        self.maxOperationsPerTransaction = maxOperationsPerTransaction
        self.fullResyncInterval = fullResyncInterval
        self.driftDebounce = driftDebounce
        self.retryDelay = retryDelay
        self.requestTimeout = requestTimeout
        self.inactivityProbe = inactivityProbe
    }
}

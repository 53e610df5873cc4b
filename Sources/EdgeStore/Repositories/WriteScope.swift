import EdgeCore
import Foundation
import GRDB

/// Everything one write transaction needs: the connection, one timestamp for all its rows, who
/// asked, and the IPAM pools it touched (dropped again if the transaction fails).
final class WriteScope {
    let db: Database
    let now: Date
    let context: ChangeContext
    let ipam: IPAMRegistry
    /// Where resolved EIPs' addresses go for the reply (`EIPAddressCache`).
    let eipAddresses: EIPAddressCache
    /// Where created EIPs' addressing goes for the reconciler.
    let eipAddressing: EIPAddressingCache
    /// Pools changed in this transaction; rebuilt from the database if it rolls back.
    var touchedNetworks: Set<UUID> = []
    /// Pools whose shape changed (network updates); rebuilt after the transaction either way.
    var reshapedNetworks: Set<UUID> = []
    /// EIPs this transaction allocated on behalf of a router gateway.
    var ownedEIPs: Set<UUID> = []
    /// What the reconciler's `FreshObjects` learn once this write committed.
    private(set) var freshChanges: [FreshObjects.Change] = []
    /// `now` as stored, formatted once for every change-log row of the scope (a bulk create
    /// writes two per object).
    private(set) lazy var nowText = StoreTime.format(now)

    init(db: Database, now: Date, context: ChangeContext, ipam: IPAMRegistry, eipAddresses: EIPAddressCache, eipAddressing: EIPAddressingCache) {
        self.db = db
        self.now = now
        self.context = context
        self.ipam = ipam
        self.eipAddresses = eipAddresses
        self.eipAddressing = eipAddressing
    }

    /// A synced object as this write stores it, at the change sequence it is stored with.
    func stored<Spec: ResourceSpec>(_ resource: Resource<Spec>, changeSeq: Int64) {
        freshChanges.append(.stored(FreshObjects.Entry(kind: Spec.kind, id: resource.id, changeSeq: changeSeq, object: resource)))
    }

    /// The object's row changed in a way its fresh copy does not show (status), or is gone.
    func dropFresh(_ kind: ResourceKind, _ id: UUID) {
        freshChanges.append(.dropped(kind, id))
    }

    /// Appends a change-log row and returns its id (the new change sequence).
    @discardableResult
    func log(_ action: ChangeAction, _ kind: ResourceKind, _ id: UUID, before: String?, after: String?) throws -> Int64 {
        // Cached: compiling it (GRDB's authorizer runs while SQLite compiles) showed in every
        // write's profile.
        try db.cachedStatement(sql: """
            INSERT INTO change_log (time, actor, request_id, action, object_kind, object_id, before, after)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).executeBound(.text(nowText), BoundValue(context.actor), BoundValue(context.requestID), .text(action.rawValue),
                              .text(kind.rawValue), .text(id.text), BoundValue(before), BoundValue(after))
        return db.lastInsertedRowID
    }

    /// Resolves a reference to an object's id. `field` names the request field for the error.
    /// Objects being deleted cannot be newly referenced.
    func resolve(_ reference: ResourceReference, kind: ResourceKind, field: String?) throws -> UUID {
        let table = TableNames.table(of: kind)
        let row: Row?
        switch reference {
        case .id(let id): row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, name, phase FROM \(table) WHERE id = ?"), arguments: [id.text])
        case .name(let name): row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, name, phase FROM \(table) WHERE name = ?"), arguments: [name])
        }
        guard let row else { throw StoreError.notFound(kind: kind, reference: reference.description, field: field) }
        let id = try uuid(row["id"])
        if row["phase"] == SyncPhase.deleting.rawValue {
            throw StoreError.deleting(ObjectReference(kind: kind, id: id, name: row["name"]))
        }
        return id
    }

    /// Runs `body` on a network's pool, loading it from committed rows first if needed.
    func withPool<T>(_ network: UUID, _ body: (inout NetworkIPAM) throws -> T) throws -> T {
        touchedNetworks.insert(network)
        return try ipam.withPool(network, load: { try loadPool(network) }, body)
    }

    private func loadPool(_ network: UUID) throws -> NetworkIPAM {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM external_networks WHERE id = ?", arguments: [network.text]) else {
            throw StoreError.notFound(kind: .externalNetwork, reference: network.text, field: "network")
        }
        var pool = NetworkIPAM(network: try ExternalNetworkRecord(row: row).spec())
        let rows = try Row.fetchCursor(db, sql: "SELECT ip_v4, ip_v6, mac FROM eips WHERE network_id = ?", arguments: [network.text])
        while let row = try rows.next() {
            pool.reserve(AddressAllocation(
                ipV4: try parse(row["ip_v4"] as String?, column: "ip_v4"),
                ipV6: try parse(row["ip_v6"] as String?, column: "ip_v6"),
                mac: try parse(row["mac"] as String, column: "mac")
            ))
        }
        return pool
    }
}

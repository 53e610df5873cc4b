import EdgeCore
import Foundation
import Synchronization

/// Synced objects exactly as this process's last committed write left them, for the
/// reconciler's next pass: it takes an object from here instead of reading back and decoding
/// the row the writer just had in memory (for a bulk of 10,000 FIPs that read was most of the
/// pass's load). SQLite stays the truth: an entry is taken only at the change sequence the
/// rows list the object pending at, and every write of a row goes through the one writer,
/// which keeps the entry in step — creates, updates and deletes replace it once committed,
/// status write-backs and purges drop it. Bounded: a full buffer starts over (whatever it
/// held is simply read from the rows).
public final class FreshObjects: Sendable {
    struct Key: Hashable {
        let kind: ResourceKind
        let id: UUID
    }

    /// One object as a write stored it, at the change sequence of that write.
    struct Entry: Sendable {
        let kind: ResourceKind
        let id: UUID
        let changeSeq: Int64
        let object: any Sendable
    }

    /// What one write did to the buffer, applied in write order once its transaction committed.
    enum Change: Sendable {
        case stored(Entry)
        case dropped(ResourceKind, UUID)
    }

    private let entries = Mutex<[Key: Entry]>([:])
    let capacity: Int

    init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    /// After the commit that made them, in the order of the writes.
    func apply(_ changes: [Change]) {
        guard !changes.isEmpty else { return }
        entries.withLock { entries in
            if entries.count + changes.count > capacity { entries.removeAll(keepingCapacity: true) }
            for change in changes {
                switch change {
                case .stored(let entry): entries[Key(kind: entry.kind, id: entry.id)] = entry
                case .dropped(let kind, let id): entries.removeValue(forKey: Key(kind: kind, id: id))
                }
            }
        }
    }

    /// Removes and returns the object if it is here as the pending list shows its row: at
    /// that change sequence, revision, phase and observed revision. (Another `serve` on the same
    /// file may have written the row's status since: its writes do not reach this buffer.)
    public func take<Spec: ResourceSpec>(_ item: SyncItem, as type: Spec.Type) -> Resource<Spec>? {
        entries.withLock { entries in
            let key = Key(kind: Spec.kind, id: item.id)
            guard let entry = entries[key], entry.changeSeq == item.changeSeq, let object = entry.object as? Resource<Spec> else { return nil }
            entries.removeValue(forKey: key)
            let same = object.revision == item.revision && object.status.phase == item.phase
                && object.status.observedRevision == item.observedRevision
            return same ? object : nil
        }
    }

    /// How many objects wait here (tests).
    public var count: Int { entries.withLock { $0.count } }
}

import Foundation

/// EIP addresses the writer has just read (resolving a NAT rule's EIP), for the API's reply to
/// that very write (`Repository.addresses(of:)`), which otherwise reads them back in a read
/// transaction of its own. Safe without invalidation: an EIP's addresses never change (an update
/// cannot touch them) and ids are never reused, so an entry is either right or names an EIP no
/// stored rule can point at (one created and rolled back, or released after its rules were
/// purged). Bounded: emptied when full.
final class EIPAddressCache: @unchecked Sendable {
    // Safe: `entries` is only touched under `lock`.
    private let lock = NSLock()
    private var entries: [UUID: EIPAddresses] = [:]
    let capacity: Int

    init(capacity: Int = 16_384) {
        self.capacity = capacity
    }

    func remember(_ id: UUID, _ addresses: EIPAddresses) {
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[id] = addresses
        }
    }

    func addresses(_ id: UUID) -> EIPAddresses? {
        lock.withLock { entries[id] }
    }
}

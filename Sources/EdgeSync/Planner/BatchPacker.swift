import Foundation

/// Packs object plans into transactions of at most `maxOperations` ops (an object larger than
/// that goes alone): few transactions when many objects are pending, none too big for the
/// server (ovsdb-server is fastest at ~100–1000 ops per transaction).
enum BatchPacker {
    static func pack(_ plans: [ObjectPlan], maxOperations: Int) -> [[ObjectPlan]] {
        var batches: [[ObjectPlan]] = []
        var current: [ObjectPlan] = []
        var count = 0
        for plan in plans {
            let size = plan.operations.count
            guard size > 0 else { continue }
            if !current.isEmpty && count + size > maxOperations {
                batches.append(current)
                current = []
                count = 0
            }
            current.append(plan)
            count += size
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }
}

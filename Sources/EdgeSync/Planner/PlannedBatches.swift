import Foundation

/// A tier's keys planned a chunk at a time, as the writer asks for its next batch, and packed
/// into transactions of at most `maxOperations` ops (ovsdb-server is fastest at ~100–1000 ops
/// per transaction; an object larger than that goes alone): the first transactions of a large pass go to NB while the rest is
/// still being planned (planning 10,000 FIPs took ~80 ms before anything was sent). Plans
/// that need no write (up to date, blocked) collect in `settled` for the caller to report.
struct PlannedBatches {
    private var keys: ArraySlice<ObjectKey>
    private let chunk: Int
    private let maxOperations: Int
    private let plan: ([ObjectKey]) -> [ObjectPlan]
    private var full: [[ObjectPlan]] = []
    private var current: [ObjectPlan] = []
    private var count = 0
    /// Plans of objects that need no write, since the last `takeSettled`.
    private var done: [ObjectPlan] = []
    private var failed: [(ObjectPlan, SyncProblem)] = []

    /// `plan` must plan every key it is given (in order) against one view; `chunk` keys are
    /// planned at a time.
    init(_ keys: [ObjectKey], chunk: Int, maxOperations: Int, plan: @escaping ([ObjectKey]) -> [ObjectPlan]) {
        self.keys = keys[...]
        self.chunk = max(1, chunk)
        self.maxOperations = maxOperations
        self.plan = plan
    }

    /// Plans made beforehand (orphans), packed the same way.
    init(plans: [ObjectPlan], maxOperations: Int) {
        self.init([], chunk: 1, maxOperations: maxOperations) { _ in [] }
        take(plans)
    }

    /// The next batch to send, nil when every key is planned and sent.
    mutating func next() -> [ObjectPlan]? {
        while full.isEmpty && !keys.isEmpty { planChunk() }
        if full.isEmpty && !current.isEmpty { close() }
        return full.isEmpty ? nil : full.removeFirst()
    }

    /// Every key planned so far that needs no write; empties the list.
    mutating func takeSettled() -> (done: [ObjectPlan], failed: [(ObjectPlan, SyncProblem)]) {
        defer { done = []; failed = [] }
        return (done, failed)
    }

    private mutating func planChunk() {
        let taken = keys.prefix(chunk)
        keys = keys.dropFirst(taken.count)
        take(plan(Array(taken)))
    }

    private mutating func take(_ plans: [ObjectPlan]) {
        for plan in plans {
            switch plan.action {
            case .upToDate: done.append(plan)
            case .blocked(let problem): failed.append((plan, problem))
            case .write(let operations): add(plan, size: operations.count)
            }
        }
    }

    /// A batch is closed before it would exceed `maxOperations`, or as soon as it is full (so
    /// that a chunk of 400 two-op objects is a batch without planning the next chunk).
    private mutating func add(_ plan: ObjectPlan, size: Int) {
        guard size > 0 else { return }
        if !current.isEmpty && count + size > maxOperations { close() }
        current.append(plan)
        count += size
        if count >= maxOperations { close() }
    }

    private mutating func close() {
        full.append(current)
        current = []
        count = 0
    }
}

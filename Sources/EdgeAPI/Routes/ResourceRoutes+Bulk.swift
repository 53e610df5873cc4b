import EdgeCore
import EdgeStore
import HTTPServer
import HTTPTypes

/// `POST <path>:bulk` — `{"items": [<create body>, …]}` creates up to `maximumItems` objects in
/// one store transaction: every item is read and checked like a single create, all problems are
/// reported at once with fields such as `items[3].eip`, and a request that fails stores nothing.
/// The reply lists the objects in request order. It is how a portal (or a migration from another
/// system) hands over thousands of rules without thousands of round trips and transactions.
extension ResourceRoutes {
    static var maximumItems: Int { 10_000 }
    /// Field errors listed in one 422 (the detail still counts them all).
    static var listedErrors: Int { 100 }

    func bulkCreate(_ request: Request, _ context: RequestContext) async throws -> Response {
        let wait = try WaitParameter.parse(request)
        let scope = scope(context)
        return try await IdempotentRequest(environment: environment).run(request, context) {
            let inputs = try readBulk(request, scope: scope)
            if scope.project != nil {
                let projects = try environment.store.eips.projects(of: inputs.compactMap { ProjectScope.eipReference($0.spec) })
                for (index, input) in inputs.enumerated() {
                    do {
                        try scope.checkReferences(input.spec, eipProjects: projects)
                    } catch let problem as Problem {
                        throw problem.under("items[\(index)]")
                    }
                }
            }
            let created: [Resource<W.Spec>]
            do {
                created = try await repository.createAll(inputs, context: environment.changeContext(context))
            } catch let failure as BulkItemFailure {
                throw Problem.from(failure.error).under("items[\(failure.index)]")
            }
            environment.signals.raise(.desiredState)
            return try await respondBulk(created, wait: wait)
        }
    }

    /// Every item as an input, or a 422 naming each problem of each item.
    private func readBulk(_ request: Request, scope: ProjectScope) throws -> [ResourceInput<W.Spec>] {
        var body = try RequestBody.reader(request)
        let items = try body.objectArray("items", required: true, maxCount: Self.maximumItems)
        var inputs: [ResourceInput<W.Spec>] = []
        inputs.reserveCapacity(items?.count ?? 0)
        for (index, var item) in (items ?? []).enumerated() {
            do {
                if let input = try readInput(&item, scope: scope) { inputs.append(input) }
            } catch let problem as Problem {
                throw problem.under("items[\(index)]")
            }
            body.adopt(item)
        }
        try finishBulk(&body)
        return inputs
    }

    /// Like `finish()`, but a thousand bad items list only the first problems.
    private func finishBulk(_ body: inout ObjectReader) throws(Problem) {
        do {
            try body.finish()
        } catch {
            guard error.errors.count > Self.listedErrors else { throw error }
            throw Problem(status: error.status, code: error.code, title: error.title,
                          detail: "\(error.errors.count) fields are invalid; the first \(Self.listedErrors) are listed",
                          errors: Array(error.errors.prefix(Self.listedErrors)))
        }
    }

    /// 201 with every object, or 202 when `?wait` ran out before all of them settled.
    private func respondBulk(_ created: [Resource<W.Spec>], wait: Duration?) async throws -> Response {
        var current = created
        var settled = true
        if let wait {
            settled = try await settleAll(created, wait: wait)
            // The objects as they are now (a deleted one keeps its created form).
            current = try repository.refreshed(created)
        }
        let lookup = WireLookup(store: environment.store)
        // One read for every EIP address the items show, not one per item.
        try lookup.prefetchAddresses(current.compactMap { ProjectScope.eipReference($0.spec)?.id })
        let items = try current.map { try ResourceEncoding.encode($0, as: W.self, lookup) }
        return .json(.object([("items", .array(items))]), status: wait == nil || settled ? .created : .accepted)
    }
}

extension ResourceRoutes {
    /// Waits until every object is settled or `wait` ran out; true when all are. On each status
    /// change it checks the objects in creation order from the first one still waiting, 500 at
    /// a time with one status query each, and stops at the first chunk that still has one: the
    /// reconciler writes in that order, so a bulk of 10,000 costs about 20 small queries plus
    /// one per wake-up (one full read per object per wake-up made `?wait` add half a second).
    private func settleAll(_ created: [Resource<W.Spec>], wait: Duration) async throws -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + wait
        var next = created.startIndex // every object before it is settled
        while true {
            let generation = environment.signals.generation(.status)
            while next < created.endIndex {
                let chunk = created[next..<min(next + 500, created.endIndex)]
                let waiting = try repository.unsettled(ids: chunk.map(\.id))
                guard let first = chunk.firstIndex(where: { waiting.contains($0.id) }) else {
                    next = chunk.endIndex
                    continue
                }
                next = first
                break
            }
            let remaining = deadline - clock.now
            if next == created.endIndex || remaining <= .zero { return next == created.endIndex }
            _ = await environment.signals.wait(.status, after: generation, timeout: remaining)
        }
    }
}

extension ResourceWire {
    /// `/v1/fips:bulk`.
    static var bulkPath: String { path + ":bulk" }
    /// Kinds created in numbers (EIPs and NAT rules) say yes.
    static var bulkCreate: Bool { false }
}

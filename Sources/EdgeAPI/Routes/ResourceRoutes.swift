import EdgeCore
import EdgeStore
import Foundation
import HTTPServer
import HTTPTypes

/// Create, read, list, update and delete of one resource kind, the same way for all seven:
///
///     GET    <path>        list (filters, limit, page_token)
///     POST   <path>        create (Idempotency-Key, ?wait)
///     POST   <path>:bulk   create many at once, all or nothing (kinds with `bulkCreate`)
///     GET    <path>/{id}   read (ETag, If-None-Match; cached, inline: ResourceRoutes+Read)
///     PATCH  <path>/{id}   update (If-Match, ?wait)
///     DELETE <path>/{id}   delete (If-Match, ?wait)
///
/// The kind's `ResourceWire` says how bodies are read and objects written out.
struct ResourceRoutes<W: ResourceWire> {
    let environment: APIEnvironment

    var routes: [APIRoute] {
        [
            APIRoute(.get, W.path, list),
            APIRoute(.post, W.path, create),
        ] + (W.bulkCreate ? [APIRoute(.post, W.bulkPath, bulkCreate)] : []) + [
            APIRoute(.get, W.itemPath, inline: true, read),
            APIRoute(.patch, W.itemPath, update),
            APIRoute(.delete, W.itemPath, delete),
        ]
    }

    var repository: Repository<W.Spec> { W.repository(environment.store) }

    // MARK: - Handlers

    func list(_ request: Request, _ context: RequestContext) async throws -> Response {
        var parameters = try ListParameters(request, filters: W.filters)
        var query = try parameters.listQuery()
        try parameters.finish()
        if let project = scope(context).project {
            // Another project's objects do not exist for this token.
            if let asked = query.project, asked != project {
                return .json(.object([("items", .array([])), ("next_page_token", .null)]))
            }
            query.project = project
        }
        let page = try repository.list(query)
        let lookup = WireLookup(store: environment.store)
        let items = try page.items.map { try ResourceEncoding.encode($0, as: W.self, lookup) }
        return .json(.object([
            ("items", .array(items)),
            ("next_page_token", .string(page.nextPageToken.map { parameters.wrap($0) })),
        ]))
    }

    func create(_ request: Request, _ context: RequestContext) async throws -> Response {
        let wait = try WaitParameter.parse(request)
        let scope = scope(context)
        return try await IdempotentRequest(environment: environment).run(request, context) {
            var body = try RequestBody.reader(request)
            let input = try readInput(&body, scope: scope)
            try body.finish()
            guard let input else { throw Problem.internalError("the body was read without errors but yielded no object") }
            try scope.checkReferences(input.spec, store: environment.store)
            let created = try await repository.createAsync(input, context: environment.changeContext(context))
            environment.signals.raise(.desiredState)
            let (current, settled) = try await settle(created, wait: wait)
            var fields = HTTPFields()
            fields[.location] = "\(W.path)/\(created.id.lowercaseText)"
            return try respond(current ?? created, status: wait == nil || settled ? .created : .accepted, fields: fields)
        }
    }

    func update(_ request: Request, _ context: RequestContext) async throws -> Response {
        let wait = try WaitParameter.parse(request)
        let target = try reference(request)
        let scope = scope(context)
        _ = try visible(target, context)
        var body = try RequestBody.reader(request, allowMergePatch: true)
        body.rejectPresent(["project"] + W.immutableFields + (W.nameIsMutable ? [] : ["name"]))
        body.rejectPresent(["id", "revision", "created_at", "updated_at", "status"] + W.outputFields, code: "immutable-field", "is read-only")
        let name = W.nameIsMutable ? body.nullableString("name", maxLength: 1000) : .absent
        let labels = body.labelsPatch("labels")
        if case .value(let changes) = labels {
            body.errors += LabelRules.problems(keys: changes.keys.sorted(), values: changes.values.compactMap { $0 })
        }
        let change = W.readPatch(&body)
        try body.finish()
        let expected = try expectedRevision(request, target)
        let updated = try repository.update(target, expectedRevision: expected, context: environment.changeContext(context)) { input in
            switch name {
            case .absent: break
            case .null: input.name = nil
            case .value(let value): input.name = value
            }
            switch labels {
            case .absent: break
            case .null: input.labels = [:]
            case .value(let changes):
                for (key, value) in changes { input.labels[key] = value }
            }
            change.apply(to: &input.spec)
            try scope.checkReferences(input.spec, store: environment.store)
        }
        environment.signals.raise(.desiredState)
        let (current, settled) = try await settle(updated, wait: wait)
        return try respond(current ?? updated, status: wait == nil || settled ? .ok : .accepted)
    }

    func delete(_ request: Request, _ context: RequestContext) async throws -> Response {
        let wait = try WaitParameter.parse(request)
        let target = try reference(request)
        _ = try visible(target, context)
        let expected = try expectedRevision(request, target)
        let deleted = try repository.delete(target, expectedRevision: expected, context: environment.changeContext(context))
        environment.signals.raise(.desiredState)
        let (current, _) = try await settle(deleted, wait: wait ?? .zero, untilGone: true)
        guard let current else { return Response(status: .noContent) }
        return try respond(current, status: .accepted)
    }

    // MARK: - Helpers

    func scope(_ context: RequestContext) -> ProjectScope {
        ProjectScope(principal: environment.principal(context), kind: W.kind)
    }

    /// The object, or 404 when it is missing or in a project the token does not see.
    func visible(_ target: ResourceReference, _ context: RequestContext) throws -> Resource<W.Spec> {
        let resource = try repository.get(target)
        guard scope(context).sees(resource) else { throw Problem.notFound(W.kind.rawValue, target.description) }
        return resource
    }

    func reference(_ request: Request) throws(Problem) -> ResourceReference {
        guard let text = request.pathParameters["id"], !text.isEmpty else { throw Problem.notFound(W.kind.rawValue, "") }
        return ResourceReference(text)
    }

    /// The revision `If-Match` pins (checked again inside the store's transaction).
    func expectedRevision(_ request: Request, _ target: ResourceReference) throws -> Int64? {
        guard let revisions = EntityTag.ifMatchRevisions(request) else { return nil }
        if revisions.count == 1 { return revisions[0] }
        let current = try repository.get(target)
        guard revisions.contains(current.revision) else {
            throw StoreError.revisionMismatch(expected: revisions.first ?? -1, actual: current.revision)
        }
        return current.revision
    }

    func respond(_ resource: Resource<W.Spec>, status: HTTPResponse.Status, fields: HTTPFields = [:]) throws -> Response {
        var fields = fields
        fields[.eTag] = EntityTag.of(resource)
        return .json(try ResourceEncoding.encode(resource, as: W.self, WireLookup(store: environment.store)), status: status, headerFields: fields)
    }

    /// Waits up to `wait` for the reconciler: until the object is ready for its current
    /// revision or failed (or gone, with `untilGone`). Returns the latest object (nil when gone)
    /// and whether it settled.
    func settle(_ resource: Resource<W.Spec>, wait: Duration?, untilGone: Bool = false) async throws -> (Resource<W.Spec>?, Bool) {
        // Without ?wait there is nothing to wait for: answer with the object as just written
        // instead of reading it back (a read transaction per create).
        if wait == nil && !untilGone { return (resource, Self.isSettled(resource)) }
        let clock = ContinuousClock()
        let deadline = clock.now + (wait ?? .zero)
        while true {
            let generation = environment.signals.generation(.status)
            let current = try repository.find(.id(resource.id))
            let settled = untilGone ? current == nil : current.map(Self.isSettled) ?? true
            let remaining = deadline - clock.now
            if settled || remaining <= .zero { return (current, settled) }
            _ = await environment.signals.wait(.status, after: generation, timeout: remaining)
        }
    }

    static func isSettled(_ resource: Resource<W.Spec>) -> Bool {
        switch resource.status.phase {
        case .ready: resource.status.observedRevision >= resource.revision
        case .error: true
        case .pending, .deleting: false
        }
    }
}

import EdgeCore
import EdgeStore
import HTTPServer

/// `PUT/DELETE /v1/mirrors/{id}/ports/{port}`: attach or detach one logical switch port.
/// Attaching an attached port changes nothing (200); detaching one that is not attached is 404.
struct MirrorPortRoutes {
    let environment: APIEnvironment

    var routes: [APIRoute] {
        [
            APIRoute(.put, MirrorWire.itemPath + "/ports/{port}", attach),
            APIRoute(.delete, MirrorWire.itemPath + "/ports/{port}", detach),
        ]
    }

    var mirrors: ResourceRoutes<MirrorWire> { ResourceRoutes(environment: environment) }

    func attach(_ request: Request, _ context: RequestContext) async throws -> Response {
        try await change(request, context) { ports, port in
            if !ports.contains(port) { ports.append(port) }
        }
    }

    func detach(_ request: Request, _ context: RequestContext) async throws -> Response {
        try await change(request, context) { ports, port in
            guard let index = ports.firstIndex(of: port) else {
                throw Problem(status: 404, code: .notFound, title: "Not found", detail: "port \(port) is not attached to this mirror")
            }
            ports.remove(at: index)
        }
    }

    private func change(
        _ request: Request, _ context: RequestContext, _ edit: (inout [String], String) throws -> Void
    ) async throws -> Response {
        let wait = try WaitParameter.parse(request)
        let target = try mirrors.reference(request)
        _ = try mirrors.visible(target, context)
        let port = request.pathParameters["port"] ?? ""
        guard !port.isEmpty, port.utf8.count <= 255 else {
            throw Problem.validation([FieldProblem(field: "port", code: .invalidValue, message: "must be 1 to 255 characters")])
        }
        let expected = try mirrors.expectedRevision(request, target)
        let updated = try environment.store.mirrors.update(target, expectedRevision: expected, context: environment.changeContext(context)) { input in
            try edit(&input.spec.ports, port)
        }
        environment.signals.raise(.desiredState)
        let (current, settled) = try await mirrors.settle(updated, wait: wait)
        return try mirrors.respond(current ?? updated, status: wait == nil || settled ? .ok : .accepted)
    }
}

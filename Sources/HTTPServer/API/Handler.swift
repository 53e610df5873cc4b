/// A route handler. Handlers are `async` because EdgeAPI awaits the database, waits for sync
/// results (`?wait=`) and streams events; they run on the server's own bounded thread pool (a
/// task executor), never on `DispatchQueue.global()`, so blocking in one cannot starve I/O.
public typealias Handler = @Sendable (Request, RequestContext) async throws -> Response

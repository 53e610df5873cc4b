import HTTPServer

/// One structured log line per request (info; debug for the open operational routes), carrying
/// the request id, the actor once known, method, route, status and duration.
struct AccessLogMiddleware: Middleware {
    func handle(_ request: Request, context: RequestContext, next: Handler) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await next(request, context)
        let elapsed = clock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let route = context.routePattern ?? "unmatched"
        let level: Logger.Level = Access.openPaths.contains(route) ? .debug : .info
        context.logger.log(level: level, "request", metadata: [
            "method": .string(request.method.rawValue), "path": .string(request.path), "route": .string(route),
            "status": .stringConvertible(response.status.code), "ms": .string(String(format: "%.2f", milliseconds)),
            "remote": .string(context.remoteAddress),
        ])
        return response
    }
}

import Foundation
import Logging

import HTTPServer

/// One structured log line per request (info; debug for the open operational routes), carrying
/// the request id, the actor once known, method, route, status and duration.
///
/// Lines are written by `AccessLogWriter` on a queue of its own, in request order: the handler
/// (an inline one runs on a connection's I/O thread) never waits for the log's lock or a `write`
/// to the log file, which stalled other connections' requests.
struct AccessLogMiddleware: Middleware {
    static let writer = AccessLogWriter()

    func handle(_ request: Request, context: RequestContext, next: Handler) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await next(request, context)
        let elapsed = clock.now - start
        let route = context.routePattern ?? "unmatched"
        let level: Logger.Level = Access.openPaths.contains(route) ? .debug : .info
        guard context.logLevel <= level else { return response }
        Self.writer.add(AccessLogLine(
            context: context, level: level, method: request.method.rawValue, path: request.path, route: route,
            status: response.status.code, elapsed: elapsed
        ))
        return response
    }

    /// `12.34`: milliseconds with two decimals, by integer arithmetic (`String(format:)` was
    /// ~3 % of a cached GET's CPU).
    static func milliseconds(_ elapsed: Duration) -> String {
        let (seconds, attoseconds) = elapsed.components
        let hundredths = max(0, seconds * 100_000 + (attoseconds + 5_000_000_000_000) / 10_000_000_000_000)
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

import Foundation
import Logging

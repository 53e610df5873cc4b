import HTTPServer

/// Outermost middleware: times every request and counts it by route pattern, method and status
/// (`unmatched` for 404/405 answers). A streaming response counts when its head is ready.
struct MetricsMiddleware: Middleware {
    let metrics: HTTPMetrics

    func handle(_ request: Request, context: RequestContext, next: Handler) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            record(request, context, status: 500, start: start, clock: clock)
            throw error
        }
        record(request, context, status: response.status.code, start: start, clock: clock)
        return response
    }

    private func record(_ request: Request, _ context: RequestContext, status: Int, start: ContinuousClock.Instant, clock: ContinuousClock) {
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.record(route: context.routePattern ?? "unmatched", method: request.method.rawValue, status: status, seconds: seconds)
    }
}

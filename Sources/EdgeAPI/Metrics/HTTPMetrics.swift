import Foundation

/// Counts of HTTP requests by route pattern, method and status, and their latency by route and
/// method. Route patterns (not paths) keep the label set small.
final class HTTPMetrics: @unchecked Sendable {
    // Safe: `requests` and `latency` are only touched under `lock`.
    struct RequestKey: Hashable, Comparable {
        let route: String
        let method: String
        let status: Int

        static func < (lhs: RequestKey, rhs: RequestKey) -> Bool {
            (lhs.route, lhs.method, lhs.status) < (rhs.route, rhs.method, rhs.status)
        }
    }

    struct RouteKey: Hashable, Comparable {
        let route: String
        let method: String

        static func < (lhs: RouteKey, rhs: RouteKey) -> Bool { (lhs.route, lhs.method) < (rhs.route, rhs.method) }
    }

    private let lock = NSLock()
    private var requests: [RequestKey: Int] = [:]
    private var latency: [RouteKey: Histogram] = [:]

    func record(route: String, method: String, status: Int, seconds: Double) {
        lock.withLock {
            requests[RequestKey(route: route, method: method, status: status), default: 0] += 1
            latency[RouteKey(route: route, method: method), default: Histogram()].observe(seconds)
        }
    }

    func snapshot() -> (requests: [(RequestKey, Int)], latency: [(RouteKey, Histogram)]) {
        lock.withLock {
            (requests.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, latency.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
    }
}

import HTTPServer
import Logging

/// One request's access-log facts, kept as plain values on the request path and turned into
/// metadata only when the writer renders the line (a `Logger.Metadata` dictionary per request
/// was a visible part of a cached GET).
struct AccessLogLine: Sendable {
    let context: RequestContext
    let level: Logger.Level
    let method: String
    let path: String
    let route: String
    let status: Int
    let elapsed: Duration

    static let message = "request"
    /// The module the line is attributed to (the `[source]` of the line).
    static let source = "EdgeAPI"

    /// The line's own fields, sorted by key.
    var fields: [(key: String, value: String)] {
        [
            ("method", method), ("ms", AccessLogMiddleware.milliseconds(elapsed)), ("path", path),
            ("remote", context.remoteAddress), ("route", route), ("status", String(status)),
        ]
    }

    /// `fields` as metadata, for log handlers other than `LineLogHandler`.
    var metadata: Logger.Metadata {
        Logger.Metadata(uniqueKeysWithValues: fields.lazy.map { ($0.key, .string($0.value)) })
    }
}

import Logging

/// `serve`'s log handler: one line per event, in the format of swift-log's `StreamLogHandler`
/// (`<time> <level> <label>: <key=value …> [<source>] <message>`, keys sorted), rendered into bytes
/// and written to a `LogOutput`.
///
/// Unlike `StreamLogHandler` it does no work when metadata is set (request contexts set it per
/// line), formats the time once per second, and lets a caller render many lines into one buffer
/// (`render`): the access log writes each batch with one write(2). Under a GET load the access
/// line through `StreamLogHandler` was ~15 % of `serve`'s CPU (benchmarks/RESULTS.md).
public struct LineLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public let label: String
    public let output: LogOutput

    static let timestamp = LogTimestamp()

    public init(
        label: String, level: Logger.Level = .info, output: LogOutput = .standardError,
        metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider
    ) {
        self.label = label
        self.logLevel = level
        self.output = output
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var explicit = event.metadata ?? [:]
        if let error = event.error {
            explicit["error.message"] = .string("\(error)")
            explicit["error.type"] = .string(String(reflecting: type(of: error)))
        }
        var line: [UInt8] = []
        line.reserveCapacity(192)
        render(level: event.level, message: event.message.description, explicit: explicit.map { ($0.key, $0.value) },
               source: event.source, into: &line)
        output.write(line)
    }
}

import Logging

/// Per-request facts that are not part of the HTTP message: the request id, a logger carrying it,
/// the peer, the matched route and values added by middleware.
public struct RequestContext: Sendable {
    /// `X-Request-ID` of the request, or a generated one; echoed on the response.
    public let requestID: String
    /// Logger with `request-id` metadata. The metadata is added when the logger is read, not for
    /// every request: a log handler may do real work per metadata change (swift-log's
    /// `StreamLogHandler` re-renders all of it), ~6 % of a trivial request's CPU.
    public var logger: Logger {
        get {
            var logger = baseLogger
            var metadata = logger.handler.metadata
            metadata["request-id"] = .string(requestID)
            for (key, value) in addedMetadata { metadata[key] = value }
            // One assignment: one re-render in handlers that render on every change.
            logger.handler.metadata = metadata
            return logger
        }
        set {
            baseLogger = newValue
            addedMetadata = []
        }
    }
    /// The level of `logger`, without building it: check it before logging on a hot path.
    public var logLevel: Logger.Level { baseLogger.logLevel }
    /// The handler `logger` logs through, before the request's metadata is added to it.
    public var baseLogHandler: any LogHandler { baseLogger.handler }
    /// What `logger` adds to `baseLogHandler`'s metadata, later entries winning: the request id,
    /// then what middleware added. For a log writer that merges it itself instead of building
    /// `logger` (a logger per access line was ~3 % of a cached GET).
    public var requestMetadata: [(key: String, value: Logger.MetadataValue)] {
        [("request-id", .string(requestID))] + addedMetadata.map { (key: $0.0, value: $0.1) }
    }
    private var baseLogger: Logger
    private var addedMetadata: [(String, Logger.MetadataValue)] = []

    /// Adds metadata to `logger` without building it now (middleware adds the actor to every
    /// request; most requests never log anything but the access line).
    public mutating func addLoggerMetadata(_ key: String, _ value: Logger.MetadataValue) {
        addedMetadata.append((key, value))
    }
    /// Peer address as `ip:port` (`[ip]:port` for IPv6).
    public let remoteAddress: String
    public let isTLS: Bool
    /// The pattern that matched (`/v1/eips/{id}`), nil for 404/405 answers; handy as a metrics label.
    public let routePattern: String?
    var storage: [ObjectIdentifier: any Sendable]

    public init(requestID: String, logger: Logger, remoteAddress: String = "", isTLS: Bool = false, routePattern: String? = nil) {
        self.init(requestID: requestID, logger: logger, remoteAddress: remoteAddress, isTLS: isTLS, routePattern: routePattern, storage: [:])
    }

    init(
        requestID: String, logger: Logger, remoteAddress: String, isTLS: Bool, routePattern: String?,
        storage: [ObjectIdentifier: any Sendable]
    ) {
        self.storage = storage
        self.requestID = requestID
        self.baseLogger = logger
        self.remoteAddress = remoteAddress
        self.isTLS = isTLS
        self.routePattern = routePattern
    }

    public subscript<Key: RequestContextKey>(key: Key.Type) -> Key.Value? {
        get { storage[ObjectIdentifier(key)] as? Key.Value }
        set { storage[ObjectIdentifier(key)] = newValue }
    }
}

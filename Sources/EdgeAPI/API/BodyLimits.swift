import HTTPTypes

/// Request body caps per route (more is a 413 from the server before any handler runs). Bodies
/// of this API are small objects; external networks and mirrors carry lists (exclude ranges,
/// chassis, ports), so they get more room.
enum BodyLimits {
    static let bodiless = 4 << 10
    static let object = 64 << 10
    static let listBearing = 1 << 20
    /// `POST <path>:bulk`: up to 10,000 objects.
    static let bulk = 16 << 20

    static func limit(_ method: HTTPRequest.Method, _ pattern: String) -> Int {
        switch method {
        case .post where pattern.hasSuffix(":bulk"): bulk
        case .post, .patch, .put:
            pattern.hasPrefix("/v1/external-networks") || pattern.hasPrefix("/v1/mirrors") ? listBearing : object
        default: bodiless
        }
    }
}

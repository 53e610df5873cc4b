import GRDB

/// Raw access to a store's file, for checks the public API deliberately does not offer.
enum GRDBAccess {
    static func queue(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}

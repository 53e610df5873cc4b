import HTTPServer
import Logging

/// Starts a server on an ephemeral 127.0.0.1 port for the body and always shuts it down.
func withServer<T>(
    _ configuration: HTTPServer.Configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0),
    router: Router,
    _ body: (HTTPServer) async throws -> T
) async throws -> T {
    var configuration = configuration
    configuration.host = "127.0.0.1"
    configuration.port = 0
    let server = HTTPServer(configuration: configuration, router: router, logger: Logger(label: "test.http"))
    try server.start()
    do {
        let result = try await body(server)
        await server.shutdown(deadline: .seconds(2))
        return result
    } catch {
        await server.shutdown(deadline: .seconds(2))
        throw error
    }
}

/// Short deadlines for timeout tests.
func quickTimeouts(_ seconds: Double = 0.4) -> HTTPServer.Timeouts {
    let duration = Duration.milliseconds(Int(seconds * 1000))
    return HTTPServer.Timeouts(headerRead: duration, bodyIdle: duration, keepAliveIdle: duration, writeIdle: duration, linger: .milliseconds(200))
}

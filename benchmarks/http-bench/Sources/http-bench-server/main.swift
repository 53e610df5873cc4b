// A trivial route for load generators: `http-bench-server [port]` (default 18080), prints the
// bound port, serves until SIGTERM/SIGINT.
import Foundation
import HTTPServer
import Logging

var router = Router()
router.get("/") { _, _ in .text("hello, world\n") }
router.get("/v1/eips/{id}") { request, _ in
    try .json(["id": request.pathParameters["id"] ?? ""])
}
let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 18080
var logger = Logger(label: "http-bench")
logger.logLevel = .warning
let server = HTTPServer(configuration: HTTPServer.Configuration(host: "127.0.0.1", port: port), router: router, logger: logger)
try server.start()
server.shutdownOnSignals()
print("listening on 127.0.0.1:\(server.port)")
await server.waitUntilStopped()

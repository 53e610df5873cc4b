import Foundation
import HTTPServer
import HTTPTypes

// The product's HTTPServer answering `GET /healthz` with the same bytes as ovn-edge's route
// (and as the Hummingbird peer), so the server core is compared with no EdgeAPI around it.
// Inline, as ovn-edge registers it: the handler answers from memory on the I/O queue.
// Usage: HTTPHello PORT   (listens on 127.0.0.1:PORT; SIGTERM/SIGINT stop it)
let arguments = CommandLine.arguments
guard arguments.count == 2, let port = Int(arguments[1]), (0...65535).contains(port) else {
    print("usage: HTTPHello PORT")
    exit(2)
}

let body = Array(#"{"status":"ok","checks":{"http":"ok"}}"#.utf8)
var router = Router()
router.get("/healthz", inline: true) { _, _ in
    var fields = HTTPFields()
    fields[.contentType] = "application/json"
    return Response(status: .ok, headerFields: fields, bytes: body)
}

let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: port), router: router)
try server.start()
server.shutdownOnSignals()
FileHandle.standardOutput.write(Data("listening on http://127.0.0.1:\(server.port)\n".utf8))
await server.waitUntilStopped()

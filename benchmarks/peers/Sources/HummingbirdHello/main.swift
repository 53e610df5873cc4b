import Foundation
import Hummingbird

// A Hummingbird 2 hello-world: the peer for `GET /healthz` in benchmarks/http.sh.
// Usage: HummingbirdHello PORT   (listens on 127.0.0.1:PORT)
let arguments = CommandLine.arguments
guard arguments.count == 2, let port = Int(arguments[1]), (1...65535).contains(port) else {
    print("usage: HummingbirdHello PORT")
    exit(2)
}

let router = Router()
router.get("healthz") { _, _ -> Response in
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok","checks":{"http":"ok"}}"#)))
}

let app = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil)
)
print("listening on http://127.0.0.1:\(port)")
try await app.runService()

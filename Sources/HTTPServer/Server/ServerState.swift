/// Mutable life-cycle state of an `HTTPServer` (kept under its lock).
struct ServerState {
    var started = false
    var stopping = false
    var stopped = false
    var port = 0
    var core: ServerCore?
    var shards: [IOShard] = []
    var acceptor: Acceptor?
    var signalTokens: [Int] = []
    var stopWaiters: [CheckedContinuation<Void, Never>] = []
}

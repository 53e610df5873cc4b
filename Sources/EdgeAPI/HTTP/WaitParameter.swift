import HTTPServer

/// `?wait=<seconds>` on writes: how long to wait for the reconciler (0…60, fractions allowed).
enum WaitParameter {
    static let maximum = 60.0

    static func parse(_ request: Request) throws(Problem) -> Duration? {
        guard let text = request.queryValue("wait") else { return nil }
        guard let seconds = Double(text), seconds.isFinite, (0...maximum).contains(seconds) else {
            throw Problem.invalidQuery("wait", "must be a number of seconds from 0 to \(Int(maximum))")
        }
        return .milliseconds(Int64(seconds * 1000))
    }
}

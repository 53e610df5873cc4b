import Foundation

/// Batch outcomes on their way from the writer to the status reporter. The reporter takes
/// everything that waits at once: while it writes one report, the outcomes of the batches NB
/// applied meanwhile pile up and go to the store in one transaction. One transaction per NB
/// batch made 25 commits for a bulk of 10,000 FIPs, each rewriting the pages of the rows and
/// indexes it touched to the WAL, on the same two cores as ovsdb-server.
final class OutcomeInbox: Sendable {
    private struct State {
        var waiting: [BatchWriter.Outcome] = []
        var finished = false
        var reader: CheckedContinuation<Void, Never>?
    }

    private let state = Guarded(State())

    func put(_ outcome: BatchWriter.Outcome) {
        let reader = state.update { state -> CheckedContinuation<Void, Never>? in
            state.waiting.append(outcome)
            defer { state.reader = nil }
            return state.reader
        }
        reader?.resume()
    }

    /// No more outcomes will come; `takeAll` returns nil once the last ones are taken.
    func finish() {
        let reader = state.update { state -> CheckedContinuation<Void, Never>? in
            state.finished = true
            defer { state.reader = nil }
            return state.reader
        }
        reader?.resume()
    }

    /// Every outcome waiting, after waiting for one if none does; nil when finished and empty.
    /// One reader at a time.
    func takeAll() async -> [BatchWriter.Outcome]? {
        while true {
            let (taken, finished) = state.update { state in
                defer { state.waiting = [] }
                return (state.waiting, state.finished)
            }
            if !taken.isEmpty { return taken }
            if finished { return nil }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.update { state -> Bool in
                    if !state.waiting.isEmpty || state.finished { return true }
                    state.reader = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        }
    }
}

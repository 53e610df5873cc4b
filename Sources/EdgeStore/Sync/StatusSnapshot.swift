import EdgeCore

/// The change log's JSON of a `SyncStatus` (the bytes `JSONCoding.encode` writes: sorted keys,
/// `message` left out when nil), assembled around a conditions column that already holds
/// `JSONCoding`'s JSON, instead of decoding that column only to encode it again (the status
/// write-back of a 10,000-object pass spent a third of its time there; benchmarks/RESULTS.md).
enum StatusSnapshot {
    static func json(phase: SyncPhase, observedRevision: Int64, message: String?, conditionsJSON: String) throws -> String {
        var out = #"{"conditions":"#
        out += conditionsJSON
        if let message { out += #","message":"# + (try JSONCoding.encode(message)) }
        out += #","observed_revision":"# + String(observedRevision)
        out += #","phase":"# + (try JSONCoding.encode(phase.rawValue)) + "}"
        return out
    }
}

import HTTPServer

/// Feeds a parser the way a socket would and reduces its events to something comparable:
/// body pieces are joined, `.needMore` dropped, parsing stops at the first error.
enum ParserHarness {
    enum Outcome: Equatable, CustomStringConvertible {
        case head(ParsedRequestHead)
        case body([UInt8])
        case end([ParsedField])
        case error(HTTPParseError)
        case incomplete

        var description: String {
            switch self {
            case .head(let head): "head(\(head.method) \(head.target) 1.\(head.minorVersion) \(head.framing))"
            case .body(let bytes): "body(\(String(decoding: bytes, as: UTF8.self)))"
            case .end(let trailers): "end(\(trailers.map { "\($0.name)=\($0.value)" }))"
            case .error(let error): "error(\(error))"
            case .incomplete: "incomplete"
            }
        }
    }

    /// Parses `pieces` in order; `bodyLimit` is applied after every head like a route would.
    static func run(_ pieces: [ArraySlice<UInt8>], limits: HTTPParserLimits = HTTPParserLimits(), bodyLimit: Int? = nil) -> [Outcome] {
        var parser = HTTPParser(limits: limits)
        var outcomes: [Outcome] = []
        func drain() -> Bool {
            while true {
                switch parser.next() {
                case .needMore:
                    return true
                case .head(let head):
                    if let bodyLimit { parser.bodyLimit = bodyLimit }
                    outcomes.append(.head(head))
                case .body(let bytes):
                    if case .body(let previous) = outcomes.last {
                        outcomes[outcomes.count - 1] = .body(previous + bytes)
                    } else {
                        outcomes.append(.body(bytes))
                    }
                case .end(let trailers):
                    outcomes.append(.end(trailers))
                case .error(let error):
                    outcomes.append(.error(error))
                    return false
                }
            }
        }
        for piece in pieces {
            parser.append(contentsOf: piece)
            guard drain() else { return outcomes }
        }
        if !parser.isIdle { outcomes.append(.incomplete) }
        return outcomes
    }

    /// The outcomes of `input` in one piece, after checking that every split into two pieces and
    /// a byte-at-a-time feed give exactly the same.
    static func outcomesAtEverySplit(_ input: String, limits: HTTPParserLimits = HTTPParserLimits(), bodyLimit: Int? = nil) -> (whole: [Outcome], mismatches: [String]) {
        let bytes = Array(input.utf8)
        let whole = run([bytes[...]], limits: limits, bodyLimit: bodyLimit)
        var mismatches: [String] = []
        for split in 0...bytes.count {
            let result = run([bytes[..<split], bytes[split...]], limits: limits, bodyLimit: bodyLimit)
            if result != whole { mismatches.append("split at \(split): \(result)") }
        }
        let single = run(bytes.indices.map { bytes[$0...$0] }, limits: limits, bodyLimit: bodyLimit)
        if single != whole { mismatches.append("byte at a time: \(single)") }
        return (whole, mismatches)
    }

    static func head(_ outcomes: [Outcome]) -> ParsedRequestHead? {
        for outcome in outcomes { if case .head(let head) = outcome { return head } }
        return nil
    }

    static func error(_ outcomes: [Outcome]) -> HTTPParseError? {
        if case .error(let error) = outcomes.last { return error }
        return nil
    }
}

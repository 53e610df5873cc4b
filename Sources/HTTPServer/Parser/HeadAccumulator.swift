/// What the parser has learnt about the request head so far; the framing-relevant fields are
/// classified as each line arrives so the head is checked once, at its end.
struct HeadAccumulator: Sendable, Equatable {
    var emptyLines = 0
    var method = ""
    var target = ""
    var minorVersion = 1
    var fields: [ParsedField] = []
    var hostCount = 0
    var host: String?
    var hostInvalid = false
    var contentLength: Int?
    var contentLengthInvalid = false
    var transferCodings: [String] = []
    var hasTransferEncoding = false
    var connectionClose = false
    var connectionKeepAlive = false
    var expectsContinue = false
    var unsupportedExpectation = false
}

import EdgeLogging
import Foundation
import Logging
import Testing

/// serve's log lines: StreamLogHandler's format, metadata merged and sorted, written whole.
@Suite struct LineLogHandlerTests {
    /// A pipe whose read end collects what a `LogOutput` on its write end wrote.
    final class Capture {
        let pipe = Pipe()
        lazy var output = LogOutput(descriptor: pipe.fileHandleForWriting.fileDescriptor)

        func text() throws -> String {
            try pipe.fileHandleForWriting.close()
            return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
    }

    /// The time prefix StreamLogHandler writes: local time with its offset.
    static let timePattern = #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}"#

    @Test func lineHasStreamLogHandlersLayout() throws {
        let capture = Capture()
        var logger = Logger(label: "ovn-edge.test") { label in LineLogHandler(label: label, level: .info, output: capture.output, metadataProvider: nil) }
        logger[metadataKey: "request-id"] = "r-1"
        logger.info("hello world", metadata: ["b": "2", "a": .stringConvertible(1), "list": ["x", "y"]])
        let text = try capture.text()
        let expected = try Regex(#"^"# + Self.timePattern + #" info ovn-edge\.test: a=1 b=2 list=\["x", "y"\] request-id=r-1 \[EdgeLoggingTests\] hello world\n$"#)
        #expect(text.wholeMatch(of: expected) != nil, "got: \(text)")
    }

    @Test func explicitMetadataWinsOverProviderAndHandler() throws {
        let capture = Capture()
        let provider = Logger.MetadataProvider { ["who": "provider", "p": "1"] }
        var logger = Logger(label: "l") { label in LineLogHandler(label: label, output: capture.output, metadataProvider: provider) }
        logger[metadataKey: "who"] = "handler"
        logger[metadataKey: "h"] = "1"
        logger.warning("m", metadata: ["who": "explicit"])
        logger.warning("n")
        let lines = try capture.text().split(separator: "\n").map { String($0.drop { $0 != " " }.dropFirst()) }
        #expect(lines == ["warning l: h=1 p=1 who=explicit [EdgeLoggingTests] m", "warning l: h=1 p=1 who=provider [EdgeLoggingTests] n"])
    }

    @Test func levelFiltersAndErrorsBecomeMetadata() throws {
        struct Broken: Error {}
        let capture = Capture()
        let logger = Logger(label: "l") { label in LineLogHandler(label: label, level: .notice, output: capture.output, metadataProvider: nil) }
        logger.info("dropped")
        logger.error("failed", error: Broken())
        let lines = try capture.text().split(separator: "\n").map { String($0.drop { $0 != " " }.dropFirst()) }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("error l: error.message=Broken() error.type=") == true)
        #expect(lines.first?.hasSuffix(".Broken [EdgeLoggingTests] failed") == true)
    }

    /// The same events through swift-log's StreamLogHandler give the same lines, time aside.
    @Test func matchesStreamLogHandler() throws {
        final class Collected: TextOutputStream, @unchecked Sendable {
            // Safe: written by the logging calls of this test only, one after the other.
            var text = ""
            func write(_ string: String) { text += string }
        }
        let capture = Capture()
        let collected = Collected()
        for makeHandler in [
            { (label: String) -> any LogHandler in LineLogHandler(label: label, output: capture.output, metadataProvider: nil) },
            { (label: String) -> any LogHandler in StreamLogHandler(label: label, stream: collected, metadataProvider: nil) },
        ] {
            var logger = Logger(label: "ovn-edge.sync", factory: makeHandler)
            logger.info("plain")
            logger[metadataKey: "deployment"] = "d-1"
            logger.notice("with metadata", metadata: ["n": .stringConvertible(3.5), "map": ["k": "v"], "empty": ""])
            logger.critical("last", source: "Custom")
            var unlabelled = Logger(label: "", factory: makeHandler)
            unlabelled.logLevel = .trace
            unlabelled.trace("no label")
        }
        let strip = { (text: String) in text.split(separator: "\n").map { $0.drop { $0 != " " } } }
        let ours = strip(try capture.text())
        #expect(ours.count == 4)
        #expect(ours == strip(collected.text))
    }

    @Test func renderAppendsWholeLinesForOneWrite() throws {
        let capture = Capture()
        let handler = LineLogHandler(label: "", level: .info, output: capture.output, metadataProvider: nil)
        var bytes: [UInt8] = []
        for index in 0..<3 {
            handler.render(level: .info, message: "request", explicit: [("status", .stringConvertible(200 + index))], source: "EdgeAPI", into: &bytes)
        }
        capture.output.write(bytes)
        let lines = try capture.text().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(lines.prefix(3).map { String($0.drop { $0 != " " }.dropFirst()) } == ["info: status=200 [EdgeAPI] request", "info: status=201 [EdgeAPI] request", "info: status=202 [EdgeAPI] request"])
    }
}

extension LineLogHandlerTests {
    /// Sorted text fields render exactly as the same fields given as string metadata.
    @Test func sortedFieldsRenderAsStringMetadata() throws {
        var handler = LineLogHandler(label: "ovn-edge.http", output: LogOutput(descriptor: -1), metadataProvider: .init { ["zone": "a"] })
        handler.metadata = ["request-id": "r-9", "actor": "token:x", "path": "overridden"]
        let fields = [("method", "GET"), ("ms", "0.05"), ("path", "/v1/eips/x"), ("status", "200")]
        var fast: [UInt8] = []
        var general: [UInt8] = []
        handler.render(level: .info, message: "request", sortedFields: fields, source: "EdgeAPI", into: &fast)
        handler.render(level: .info, message: "request", explicit: fields.map { ($0.0, .string($0.1)) }, source: "EdgeAPI", into: &general)
        let text = String(decoding: fast, as: UTF8.self)
        #expect(text == String(decoding: general, as: UTF8.self))
        #expect(text.hasSuffix(" info ovn-edge.http: actor=token:x method=GET ms=0.05 path=/v1/eips/x request-id=r-9 status=200 zone=a [EdgeAPI] request\n"))
    }
}

extension LineLogHandlerTests {
    /// `adding` renders as if it had been set on the handler's metadata first, later entries winning.
    @Test func addingActsAsMetadataSetOnTheHandler() throws {
        var handler = LineLogHandler(label: "l", output: LogOutput(descriptor: -1), metadataProvider: .init { ["zone": "p"] })
        handler.metadata = ["actor": "base", "keep": "1"]
        let adding: [(key: String, value: Logger.MetadataValue)] = [("request-id", "r-1"), ("actor", "token:a"), ("actor", "token:b"), ("zone", "lost")]
        let fields = [("method", "GET"), ("status", "200")]
        var fast: [UInt8] = []
        handler.render(level: .info, message: "request", sortedFields: fields, adding: adding, source: "EdgeAPI", into: &fast)
        var set = handler
        for (key, value) in adding { set.metadata[key] = value }
        var general: [UInt8] = []
        set.render(level: .info, message: "request", explicit: fields.map { ($0.0, .string($0.1)) }, source: "EdgeAPI", into: &general)
        let text = String(decoding: fast, as: UTF8.self)
        #expect(text == String(decoding: general, as: UTF8.self))
        #expect(text.hasSuffix(" info l: actor=token:b keep=1 method=GET request-id=r-1 status=200 zone=p [EdgeAPI] request\n"))
    }
}

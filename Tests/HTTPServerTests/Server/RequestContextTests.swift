import HTTPServer
import Logging
import Testing

/// The request id is in the context's logger whenever it is read, also after middleware added
/// metadata of its own.
@Suite struct RequestContextTests {
    @Test func loggerCarriesTheRequestIDAndAddedMetadata() {
        var logger = Logger(label: "test")
        logger.logLevel = .notice
        var context = RequestContext(requestID: "rid-1", logger: logger)
        #expect(context.logger[metadataKey: "request-id"] == .string("rid-1"))
        #expect(context.logLevel == .notice)
        context.logger[metadataKey: "actor"] = .string("alice")
        #expect(context.logger[metadataKey: "actor"] == .string("alice"))
        #expect(context.logger[metadataKey: "request-id"] == .string("rid-1"))
        context.logger.logLevel = .debug
        #expect(context.logLevel == .debug)
        context.addLoggerMetadata("route", .string("/x"))
        #expect(context.logger[metadataKey: "route"] == .string("/x"))
        #expect(context.logger[metadataKey: "actor"] == .string("alice"))
        #expect(context.logger[metadataKey: "request-id"] == .string("rid-1"))
    }
}

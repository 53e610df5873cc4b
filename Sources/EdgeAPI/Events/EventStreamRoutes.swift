import EdgeStore
import Foundation
import HTTPServer
import HTTPTypes

/// `GET /v1/events/stream`: the change log as Server-Sent Events, live. Each event is one entry:
/// `id:` its change-log id, `event:` its action (`create`, `update`, `status`, …), `data:` the
/// JSON of `/v1/events`. A client that reconnects with `Last-Event-ID` (or `?after=`) gets what
/// it missed first; without either the stream starts at the newest entry. A comment line keeps
/// idle connections alive. The stream ends when the client goes away or the server shuts down
/// (the server cancels the producing task).
struct EventStreamRoutes {
    let environment: APIEnvironment
    /// Seconds between keep-alive comments on an idle stream.
    static let keepAlive: Duration = .seconds(15)

    var routes: [APIRoute] { [APIRoute(.get, "/v1/events/stream", stream)] }

    func stream(_ request: Request, _ context: RequestContext) async throws -> Response {
        var parameters = try ListParameters(request, filters: [])
        let afterText = parameters.take("after")
        try parameters.finish()
        let start: Int64
        if let text = request.header(.lastEventID) ?? afterText {
            guard let id = Int64(text.trimmingCharacters(in: .whitespaces)), id >= 0 else {
                throw Problem.invalidHeader("Last-Event-ID", "must be an event id (a non-negative integer)")
            }
            start = id
        } else {
            start = try environment.store.changeLog.latestID()
        }
        let environment = self.environment
        let principal = environment.principal(context)
        var fields = HTTPFields()
        fields[.contentType] = "text/event-stream"
        fields[.cacheControl] = "no-cache"
        return .stream(headerFields: fields) { writer in
            try await Self.run(environment, principal: principal, after: start, writer: writer)
        }
    }

    static func run(_ environment: APIEnvironment, principal: Principal, after start: Int64, writer: ResponseBodyWriter) async throws {
        var last = start
        try await writer.write("retry: 2000\n\n")
        while !Task.isCancelled {
            let desired = environment.signals.generation(.desiredState)
            let status = environment.signals.generation(.status)
            let page = try environment.store.changeLog.entries(ChangeLogQuery(afterID: last, limit: 200))
            let visibility = EventVisibility(store: environment.store, principal: principal)
            for entry in page.items {
                last = entry.id
                guard try visibility.visible(entry) else { continue }
                try await writer.write(frame(entry))
            }
            if page.nextPageToken != nil { continue }
            if await !wait(environment.signals, desired: desired, status: status) {
                try await writer.write(": keep-alive\n\n")
            }
        }
    }

    /// Waits for either signal; false when the keep-alive interval passed first (or cancelled).
    static func wait(_ signals: StoreSignals, desired: UInt64, status: UInt64) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { await signals.wait(.desiredState, after: desired, timeout: keepAlive) > desired }
            group.addTask { await signals.wait(.status, after: status, timeout: keepAlive) > status }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    static func frame(_ entry: ChangeEntry) -> String {
        let data = String(decoding: JSONWriter.bytes(EventEncoding.encode(entry)), as: UTF8.self)
        return "id: \(entry.id)\nevent: \(entry.action.rawValue)\ndata: \(data)\n\n"
    }
}

extension HTTPField.Name {
    static let lastEventID = HTTPField.Name("Last-Event-ID")!
}

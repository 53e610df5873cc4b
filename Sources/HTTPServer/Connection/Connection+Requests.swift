import HTTPTypes
import Logging

extension Connection {
    /// Runs the parser over buffered input while the connection is between or inside a request.
    func processInput() {
        // Without this guard, N pipelined requests answered inline would nest N loops deep.
        guard !processingInput else { return }
        processingInput = true
        defer { processingInput = false }
        while phase == .idle || phase == .readingHead || phase == .readingBody {
            switch parser.next() {
            case .needMore:
                if phase == .idle && !parser.isIdle {
                    phase = .readingHead
                    if requestsServed > 0 { setDeadline(timeouts.headerRead) }
                }
                return
            case .head(let head):
                beginRequest(head)
            case .body(let bytes):
                if current?.keepsBody == true { current?.body.append(contentsOf: bytes) }
            case .end(let trailers):
                dispatchRequest(trailers: trailers)
            case .error(let error):
                respondToParseError(error)
                return
            }
        }
    }

    func beginRequest(_ head: ParsedRequestHead) {
        let method = HTTPRequest.Method(head.method) ?? .get
        let resolution = core.router.resolve(method: method, path: RequestTarget(head.target).path)
        var routeLimit: Int?
        if case .route(let route, _) = resolution { routeLimit = route.bodyLimit }
        let limit = routeLimit ?? core.configuration.limits.maxBodyBytes
        parser.bodyLimit = limit
        let suppliedID = head.fields.first { ASCII.equalsLowercase($0.name.utf8, "x-request-id") }?.value
        let requestID = suppliedID.flatMap { RequestIDGenerator.isAcceptable($0) ? $0 : nil } ?? shard.requestIDs.next()
        var routed = false
        if case .route = resolution { routed = true }
        current = PendingRequest(head: head, method: method, resolution: resolution, keepsBody: routed, requestID: requestID)
        phase = .readingBody
        setDeadline(timeouts.bodyIdle)
        guard head.expectsContinue else { return }
        if !routed {
            // Answer at once instead of inviting a body nobody wants; the unread body means the
            // connection cannot be reused.
            closeAfterResponse = true
            dispatchRequest(trailers: [])
            return
        }
        if case .contentLength(let length) = head.framing, length > limit { return }  // the parser answers 413
        enqueue(ResponseSerializer.continueResponse)
        flush()
    }

    /// The request is complete: run its handler, on the handler pool or, for an inline route,
    /// here on the loop thread until it first suspends.
    func dispatchRequest(trailers: [ParsedField]) {
        guard let pending = current else { return }
        phase = .responding
        deadline = 0
        responseComplete = false
        if !pending.head.keepAlive || core.isShuttingDown { closeAfterResponse = true }
        if let limit = core.configuration.maxRequestsPerConnection, requestsServed + 1 >= limit { closeAfterResponse = true }
        let (handler, parameters, pattern) = core.router.handler(for: pending.resolution)
        let request = Request(
            method: pending.method, target: pending.head.target, headerFields: Self.fields(pending.head.fields),
            body: pending.body, pathParameters: parameters, version: pending.version, trailerFields: Self.fields(trailers)
        )
        let context = RequestContext(
            requestID: pending.requestID, logger: core.logger, remoteAddress: remoteAddress, isTLS: isTLS, routePattern: pattern
        )
        guard case .route(let route, _) = pending.resolution, route.runsInline else {
            task = Task(executorPreference: core.executor) { [self] in
                deliver(await Self.run(handler, request, context))
            }
            return
        }
        let inline = shard.inline
        inline.begin(owner: ObjectIdentifier(self))
        task = Task(executorPreference: inline) { [self] in
            deliver(await Self.run(handler, request, context), inline: inline)
        }
        inline.drain()
        if let response = inlineResponse {
            inlineResponse = nil
            respond(with: response)
        }
    }

    static func run(_ handler: Handler, _ request: Request, _ context: RequestContext) async -> Response {
        do {
            return try await handler(request, context)
        } catch {
            context.logger.error("handler failed", metadata: ["error": "\(error)", "path": "\(request.path)"])
            return Response(status: .internalServerError)
        }
    }

    /// Hands a finished handler's response to the loop thread. An inline handler that did not
    /// suspend finishes inside `InlineExecutor.drain()` on that thread already: it leaves the
    /// response for `dispatchRequest` (answering from in here would nest the next request's
    /// handler inside this one's task).
    func deliver(_ response: Response, inline: InlineExecutor? = nil) {
        if let inline, inline.isDrainingOnCurrentThread, inline.drainingOwner == ObjectIdentifier(self) {
            inlineResponse = response
        } else {
            shard.loop.execute { [self] in respond(with: response) }
        }
    }

    static func fields(_ parsed: [ParsedField]) -> HTTPFields {
        var fields = HTTPFields()
        fields.reserveCapacity(parsed.count)
        for field in parsed {
            if let name = HTTPField.Name(field.name) { fields.append(HTTPField(name: name, value: field.value)) }
        }
        return fields
    }

    /// The `Connection` field value for the response being written.
    func connectionHeader(version: HTTPVersion) -> String? {
        if closeAfterResponse { return "close" }
        return version.minor == 0 ? "keep-alive" : nil
    }

    /// Writes a handler's response (on the loop thread).
    func respond(with response: Response) {
        guard phase == .responding, let pending = current else { return }
        task = nil
        // Shutdown may have begun while the handler ran: say so in this response.
        if core.isShuttingDown { closeAfterResponse = true }
        let date = shard.date.now()
        switch response.body {
        case .bytes(let body):
            let framing = ResponseSerializer.framing(for: response.status, bodyCount: body.count)
            var bytes = ResponseSerializer.head(
                status: response.status, fields: response.headerFields, framing: framing, date: date,
                requestID: pending.requestID, connection: connectionHeader(version: pending.version),
                extraCapacity: pending.isHead ? 0 : body.count
            )
            if case .contentLength = framing, !pending.isHead { bytes.append(contentsOf: body) }
            responseComplete = true
            enqueue(bytes)
            flush()
        case .stream(let producer):
            let hasBody = ResponseSerializer.framing(for: response.status, bodyCount: 0) != .noBody
            streamChunked = pending.version.minor == 1
            if !streamChunked { closeAfterResponse = true }
            let framing: ResponseFraming = hasBody ? (streamChunked ? .chunked : .untilClose) : .noBody
            let head = ResponseSerializer.head(
                status: response.status, fields: response.headerFields, framing: framing, date: date,
                requestID: pending.requestID, connection: connectionHeader(version: pending.version)
            )
            guard hasBody, !pending.isHead else {
                responseComplete = true
                enqueue(head)
                flush()
                return
            }
            enqueue(head)
            startStream(producer)
            flush()
        }
    }

    /// A request the parser rejected: answer its status and close.
    func respondToParseError(_ error: HTTPParseError) {
        core.logger.debug("rejected request", metadata: ["error": "\(error)", "peer": "\(remoteAddress)"])
        respondAndClose(status: HTTPResponse.Status(code: error.status), requestID: current?.requestID)
    }

    /// Writes a small final response of the connection itself (parse errors, timeouts).
    func respondAndClose(status: HTTPResponse.Status, requestID: String?) {
        phase = .responding
        deadline = 0
        closeAfterResponse = true
        responseComplete = true
        let body = Array("\(status.code) \(status.reasonPhrase)\n".utf8)
        var bytes = ResponseSerializer.head(
            status: status, fields: [.contentType: "text/plain; charset=utf-8"], framing: .contentLength(body.count),
            date: shard.date.now(), requestID: requestID ?? shard.requestIDs.next(), connection: "close",
            extraCapacity: body.count
        )
        bytes.append(contentsOf: body)
        enqueue(bytes)
        flush()
    }

    /// The response is on the wire: next request, or close.
    func finishResponse() {
        responseComplete = false
        current = nil
        task = nil
        requestsServed += 1
        if closeAfterResponse || core.isShuttingDown || (peerClosed && parser.bufferedByteCount == 0) {
            beginLingeringClose()
            return
        }
        phase = .idle
        setDeadline(timeouts.keepAliveIdle)
        resumeReading()
        // Answered inline from inside `processInput`: its loop goes on with the next request,
        // and its caller handles a peer that closed.
        if processingInput { return }
        processInput()
        // A client that sent its requests and then its FIN gets every complete one answered.
        if peerClosed { handlePeerClosed() }
    }

    func deadlineExpired() {
        deadline = 0
        switch phase {
        case .readingHead, .readingBody:
            respondAndClose(status: .requestTimeout, requestID: current?.requestID)
        case .handshake, .idle, .responding, .streaming, .lingering:
            closeNow()
        case .closed:
            break
        }
    }
}

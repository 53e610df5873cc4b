import EdgeCore
import HTTPServer
import HTTPTypes

extension ResourceRoutes {
    /// `GET <path>/{id}` (ETag, If-None-Match), from the read cache while nothing was written
    /// since the object was encoded. Registered inline: a hit answers on the I/O queue; a miss
    /// is one WAL read, which never waits for the writer.
    func read(_ request: Request, _ context: RequestContext) async throws -> Response {
        guard let text = request.pathParameters["id"], !text.isEmpty else { throw Problem.notFound(W.kind.rawValue, "") }
        let encoded = try encodedResource(text)
        // Another project's object answers 404, as if it did not exist.
        guard scope(context).sees(project: encoded.project) else { throw Problem.notFound(W.kind.rawValue, text) }
        if EntityTag.ifNoneMatch(request, matches: encoded.tag) {
            return Response(status: .notModified, headerFields: [.eTag: encoded.tag])
        }
        var fields = HTTPFields()
        fields[.eTag] = encoded.tag
        fields[.contentType] = "application/json"
        return Response(status: .ok, headerFields: fields, body: .bytes(encoded.body))
    }

    /// The object named by `text` (id or name) as the API writes it, cached per database state
    /// under the text as sent (parsing an id is only needed on a miss).
    func encodedResource(_ text: String) throws -> ResourceReadCache.Entry {
        let key = W.kind.rawValue + " " + text
        // Taken before the database read: a write finishing after this point leaves the entry
        // stale under an old stamp, never fresh-looking under the new one.
        let stamp = DatabaseStamp(store: environment.store)
        if let hit = environment.readCache.entry(key, stamp: stamp) { return hit }
        let resource = try repository.get(ResourceReference(text))
        let body = JSONWriter.bytes(try ResourceEncoding.encode(resource, as: W.self, WireLookup(store: environment.store)))
        let entry = ResourceReadCache.Entry(project: resource.metadata.project, tag: EntityTag.of(resource), body: body)
        environment.readCache.store(entry, for: key, stamp: stamp)
        return entry
    }
}

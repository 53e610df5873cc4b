import EdgeCore
import EdgeStore
import HTTPServer

/// The query of a list call: `limit`, `page_token`, `project`, `phase`, `label.<key>=<value>` and
/// the kind's own filters. Unknown fields, repeated fields and bad values are a 400 naming them.
struct ListParameters {
    static let defaultLimit = 100

    private var values: [String: String] = [:]
    private var consumed: Set<String> = []
    private var errors: [FieldProblem] = []
    let filters: [ListFilter]
    /// Every filter (not limit or page_token), for the page token's signature.
    private(set) var signature: UInt64 = 0

    init(_ request: Request, filters: [ListFilter]) throws(Problem) {
        self.filters = filters
        for item in request.queryItems {
            if values.updateValue(item.value ?? "", forKey: item.name) != nil {
                errors.append(FieldProblem(field: item.name, code: "duplicate", message: "is given more than once"))
            }
        }
        var filterValues = values
        filterValues["limit"] = nil
        filterValues["page_token"] = nil
        signature = PageToken.signature(of: filterValues)
    }

    mutating func take(_ name: String) -> String? {
        consumed.insert(name)
        return values[name]
    }

    mutating func fail(_ name: String, _ code: String, _ message: String) {
        errors.append(FieldProblem(field: name, code: code, message: message))
    }

    /// `limit`, 1…1000.
    mutating func limit() -> Int {
        guard let text = take("limit") else { return Self.defaultLimit }
        guard let limit = Int(text), (1...ListQuery.maximumLimit).contains(limit) else {
            fail("limit", "out-of-range", "must be an integer from 1 to \(ListQuery.maximumLimit)")
            return Self.defaultLimit
        }
        return limit
    }

    /// The store cursor inside `page_token`.
    mutating func cursor() -> String? {
        guard let token = take("page_token") else { return nil }
        do {
            return try PageToken.decode(token, expecting: signature).cursor
        } catch {
            errors += error.errors
            return nil
        }
    }

    func wrap(_ cursor: String) -> String { PageToken(cursor: cursor, querySignature: signature).encoded }

    mutating func nonEmpty(_ name: String) -> String? {
        guard let text = take(name) else { return nil }
        guard !text.isEmpty else { fail(name, "invalid-value", "must not be empty"); return nil }
        return text
    }

    /// `label.<key>=<value>` fields.
    mutating func labels() -> [String: String] {
        var labels: [String: String] = [:]
        for (name, value) in values where name.hasPrefix("label.") {
            consumed.insert(name)
            let key = String(name.dropFirst("label.".count))
            if key.isEmpty { fail(name, "invalid-value", "write label selectors as label.<key>=<value>") } else { labels[key] = value }
        }
        return labels
    }

    mutating func listQuery() throws(Problem) -> ListQuery {
        var query = ListQuery(limit: limit(), pageToken: cursor())
        query.project = nonEmpty("project")
        if let phase = take("phase") {
            query.phase = SyncPhase(rawValue: phase)
            if query.phase == nil { fail("phase", "invalid-value", "must be one of pending, ready, error, deleting") }
        }
        query.labels = labels()
        for filter in filters {
            switch filter {
            case .network: query.network = nonEmpty("network").map(ResourceReference.init)
            case .eip: query.eip = nonEmpty("eip").map(ResourceReference.init)
            case .router: query.router = nonEmpty("router")
            case .ip:
                if let text = nonEmpty("ip") {
                    query.ip = IPAddress(text)
                    if query.ip == nil { fail("ip", "invalid-ip", "\(String(reflecting: text)) is not an IP address") }
                }
            case .node: query.node = nonEmpty("node")
            case .usage:
                if let text = take("usage") {
                    query.usage = EIPUsage(rawValue: text)
                    if query.usage == nil { fail("usage", "invalid-value", "must be one of \(EIPUsage.allCases.map(\.rawValue).joined(separator: ", "))") }
                }
            case .usedBy:
                if let text = take("used_by") {
                    query.usedBy = EIPUserFilter(text)
                    if query.usedBy == nil {
                        let kinds = EIPUserFilter.userKinds.map(\.rawValue).joined(separator: ", ")
                        fail("used_by", "invalid-value", "must be none, any or one of \(kinds)")
                    }
                }
            }
        }
        return query
    }

    /// Throws a 400 naming every bad and every unknown field.
    mutating func finish() throws(Problem) {
        for name in values.keys.sorted() where !consumed.contains(name) {
            fail(name, "unknown-field", "is not a filter of this list")
        }
        if !errors.isEmpty {
            if errors.contains(where: { $0.code == "invalid-page-token" }) && errors.count == 1 {
                throw PageToken.invalid(errors[0].message)
            }
            throw Problem.invalidQuery(errors)
        }
    }
}

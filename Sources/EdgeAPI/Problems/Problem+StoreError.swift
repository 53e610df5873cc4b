import EdgeCore
import EdgeStore

extension Problem {
    /// The answer to a failed store operation. Unique-constraint violations become the specific
    /// conflict a client can act on (`snat-duplicate`, `dnat-port-conflict`, …).
    public init(_ error: StoreError) {
        switch error {
        case .notFound(let kind, let reference, nil):
            self = .notFound(kind.rawValue, reference)
        case .notFound(let kind, let reference, let field?):
            self = .referenceNotFound(field: field, kind: kind.rawValue, reference: reference)
        case .inUse(let object, let users):
            let code: ProblemCode = switch object.kind {
            case .eip: .eipInUse
            case .externalNetwork: .networkInUse
            default: .alreadyExists
            }
            self.init(status: 409, code: code, title: "The object is in use",
                      detail: "\(object.kind.rawValue) \(object.name ?? object.id.uuidString.lowercased()) is used by \(users.count) object(s); delete them first",
                      usedBy: users.map(User.init))
        case .eipUsageMismatch(let eip, let usage, let required):
            let detail = "EIP \(eip.name ?? eip.id.uuidString.lowercased()) has usage \(usage.rawValue); this needs an EIP of usage \(required.rawValue)"
                + (required == .nat ? "" : " (or a nat EIP nothing uses, which then becomes \(required.rawValue))")
            self.init(status: 409, code: .eipUsageMismatch, title: "The EIP's usage does not allow this", detail: detail,
                      errors: [FieldProblem(field: "eip", code: ProblemCode.eipUsageMismatch.rawValue, message: detail)])
        case .eipBound(let eip, let users):
            self.init(status: 409, code: .eipAlreadyBound, title: "The EIP is already used",
                      detail: "EIP \(eip.name ?? eip.id.uuidString.lowercased()) is used by \(users.count) object(s); a gateway needs an EIP of its own",
                      errors: [FieldProblem(field: "eip", code: ProblemCode.eipAlreadyBound.rawValue, message: "is used by other objects")],
                      usedBy: users.map(User.init))
        case .poolExhausted(_, let family):
            let field = family == .v4 ? "ip_v4" : "ip_v6"
            self.init(status: 409, code: .poolExhausted, title: "No free address left",
                      detail: "the network has no free \(family.rawValue) address",
                      errors: [FieldProblem(field: field, code: "pool-exhausted", message: "no free \(family.rawValue) address")])
        case .addressInUse(let field, let address, _):
            self.init(status: 409, code: field == "mac" ? .macInUse : .ipInUse, title: "The address is already allocated",
                      detail: "\(address) is held by another EIP",
                      errors: [FieldProblem(field: field, code: field == "mac" ? "mac-in-use" : "ip-in-use", message: "\(address) is held by another EIP")])
        case .uniqueViolation(let kind, let fields, _):
            self = Self.conflict(kind: kind, fields: fields)
        case .validation(let failure):
            self = .validation(failure.errors)
        case .revisionMismatch(let expected, let actual):
            self.init(status: 412, code: .etagMismatch, title: "The object has changed",
                      detail: "If-Match names revision \(expected); the object is at revision \(actual)")
        case .deleting(let object):
            self.init(status: 409, code: .objectDeleting, title: "The object is being deleted",
                      detail: "\(object.kind.rawValue) \(object.name ?? object.id.uuidString.lowercased()) is being deleted",
                      usedBy: [])
        case .invalidPageToken:
            self.init(status: 400, code: .invalidPageToken, title: "Invalid page token", detail: "page_token is not a token of this list",
                      errors: [FieldProblem(field: "page_token", code: "invalid-page-token", message: "is not a token of this list")])
        case .unsupportedFilter(let kind, let field):
            self = .invalidQuery(field, "\(kind.rawValue) lists cannot be filtered by \(field)", code: "unknown-field")
        case .idempotencyKeyReused(let key):
            self.init(status: 422, code: .idempotencyKeyReused, title: "Idempotency key reused",
                      detail: "Idempotency-Key \(key) was first used with a different request")
        case .databaseNewerThanBinary, .migrationRequired:
            self.init(status: 503, code: .notReady, title: "The database is not usable by this binary", detail: error.description)
        case .database(let message):
            self = .internalError("database: \(message)")
        }
    }

    /// Which clash a unique constraint stands for, from the kind and the fields it covers.
    static func conflict(kind: ResourceKind, fields: [String]) -> Problem {
        let set = Set(fields)
        let (code, detail): (ProblemCode, String) = switch (kind, set) {
        case (_, ["name"]): (.nameTaken, "another \(kind.rawValue) already has this name")
        case (.floatingIP, ["eip"]), (.routerGateway, ["eip"]): (.eipAlreadyBound, "the EIP is already used by another \(kind.rawValue)")
        case (.routerGateway, _): (.gatewayExists, "the router already has a gateway on this network")
        case (.nodeGateway, ["eip"]): (.eipAlreadyBound, "the EIP is already used by another node-gateway")
        case (.nodeGateway, ["port"]): (.portTaken, "another node gateway has this port name; give the node's port on this network another `port`")
        case (.nodeGateway, _): (.nodeGatewayExists, "the node already has a gateway on this network")
        case (.snatRule, _): (.snatDuplicate, "the router already has an SNAT rule for this internal CIDR")
        case (.dnatRule, _): (.dnatPortConflict, "the EIP already forwards this protocol and external port")
        case (.eip, _): (.ipInUse, "the address is already allocated")
        default: (.alreadyExists, "a \(kind.rawValue) with this \(fields.joined(separator: ", ")) already exists")
        }
        let errors = fields.map { FieldProblem(field: $0, code: code.rawValue, message: detail) }
        return Problem(status: 409, code: code, title: "Conflict with an existing object", detail: detail, errors: errors)
    }

    /// Any error a handler lets escape, as a problem.
    static func from(_ error: any Error) -> Problem {
        switch error {
        case let problem as Problem: problem
        case let store as StoreError: Problem(store)
        case let failure as ValidationFailure: .validation(failure.errors)
        default: .internalError(String(describing: error))
        }
    }
}

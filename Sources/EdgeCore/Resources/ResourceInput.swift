/// What a client controls of a resource: create bodies, and the editable copy an update closure
/// receives. The store fills in id, revision, timestamps and status.
public struct ResourceInput<Spec: ResourceSpec>: Hashable, Sendable {
    public var name: String?
    public var project: String
    public var labels: [String: String]
    public var spec: Spec

    public init(name: String? = nil, project: String = ResourceMetadata.defaultProject, labels: [String: String] = [:], spec: Spec) {
        self.name = name
        self.project = project
        self.labels = labels
        self.spec = spec
    }

    /// Metadata rules plus the spec's own checks.
    public func validate() -> [FieldError] {
        var errors = NameRules.validate(name: name, project: project, labels: labels)
        if Spec.requiresName && name == nil {
            errors.insert(FieldError(field: "name", code: .required, message: "a \(Spec.kind.rawValue) needs a name"), at: 0)
        }
        return errors + spec.validate()
    }
}

extension Resource {
    /// The client-controlled part of this resource, for an update.
    public var input: ResourceInput<Spec> {
        ResourceInput(name: metadata.name, project: metadata.project, labels: metadata.labels, spec: spec)
    }
}

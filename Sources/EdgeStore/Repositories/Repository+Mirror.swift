import EdgeCore

extension Repository where Spec == MirrorSpec {
    /// `PUT /v1/mirrors/{id}/ports/{port}`: appends the port unless attached already.
    @discardableResult
    public func attach(port: String, to mirror: ResourceReference, expectedRevision: Int64? = nil, context: ChangeContext) throws -> Mirror {
        try update(mirror, expectedRevision: expectedRevision, context: context) { input in
            if !input.spec.ports.contains(port) { input.spec.ports.append(port) }
        }
    }

    /// `DELETE /v1/mirrors/{id}/ports/{port}`: removes the port if attached.
    @discardableResult
    public func detach(port: String, from mirror: ResourceReference, expectedRevision: Int64? = nil, context: ChangeContext) throws -> Mirror {
        try update(mirror, expectedRevision: expectedRevision, context: context) { input in
            input.spec.ports.removeAll { $0 == port }
        }
    }
}

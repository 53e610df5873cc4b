import EdgeCore
import EdgeStore

/// What a project-scoped token may see and touch. External networks are shared by every project
/// (their pools serve all), so they are never hidden; every other kind is visible only within
/// the token's project. Objects of other projects answer 404, as if they did not exist.
struct ProjectScope {
    let principal: Principal
    let kind: ResourceKind

    /// The project the principal is limited to for this kind, nil when it sees all.
    var project: String? { kind == .externalNetwork ? nil : principal.project }

    func sees<Spec>(_ resource: Resource<Spec>) -> Bool {
        sees(project: resource.metadata.project)
    }

    func sees(project objectProject: String) -> Bool {
        project.map { $0 == objectProject } ?? true
    }

    /// The project a create goes into: the token's project when it has one (a body naming another
    /// project is a 403 `project-forbidden`), else the body's, else `default`.
    func createProject(_ requested: String?) throws(Problem) -> String {
        guard let project else { return requested ?? ResourceMetadata.defaultProject }
        if let requested, requested != project {
            throw Problem(status: 403, code: .projectForbidden, title: "Forbidden project",
                          detail: "this token may only create objects in project \(project)",
                          errors: [FieldProblem(field: "project", code: "project-forbidden", message: "must be \(project) (or left out)")])
        }
        return project
    }

    /// A create or update naming an EIP of another project is answered like a missing EIP.
    func checkReferences(_ spec: any ResourceSpec, store: Store) throws {
        guard project != nil, let reference = Self.eipReference(spec) else { return }
        try checkReferences(spec, eipProjects: try store.eips.projects(of: [reference]))
    }

    /// `checkReferences` with the projects of the EIPs already read (`eips.projects(of:)`, one
    /// read for all the items of a bulk create); an EIP missing from them does not exist.
    func checkReferences(_ spec: any ResourceSpec, eipProjects: [ResourceReference: String]) throws {
        guard let project, let reference = Self.eipReference(spec) else { return }
        if let owner = eipProjects[reference], owner != project {
            throw Problem.referenceNotFound(field: "eip", kind: "eip", reference: reference.description)
        }
    }

    static func eipReference(_ spec: any ResourceSpec) -> ResourceReference? {
        switch spec {
        case let fip as FloatingIPSpec: fip.eip
        case let snat as SNATRuleSpec: snat.eip
        case let dnat as DNATRuleSpec: dnat.eip
        case let gateway as RouterGatewaySpec: gateway.eip
        case let gateway as NodeGatewaySpec: gateway.eip
        default: nil
        }
    }
}

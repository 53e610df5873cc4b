import EdgeCore

extension ResourceRoutes {
    /// Reads the fields of one create body (the whole body of `POST <path>`, or one item of a
    /// bulk create) into an input, collecting syntax and domain errors in `body`. Nil when a spec
    /// field is missing or invalid; the caller's `finish()` then reports every problem.
    func readInput(_ body: inout ObjectReader, scope: ProjectScope) throws -> ResourceInput<W.Spec>? {
        let name = body.string("name", required: W.Spec.requiresName, maxLength: 1000)
        let project = body.string("project", maxLength: 1000)
        let labels = body.stringMap("labels")
        body.errors += LabelRules.problems(keys: labels?.keys.sorted() ?? [], values: labels?.values.map { $0 } ?? []).map { $0.under(body.path) }
        let errorsBefore = body.errors.count
        // A spec read with field errors is incomplete; domain checks on it would mislead.
        guard let spec = W.readSpec(&body), body.errors.count == errorsBefore else { return nil }
        let input = ResourceInput(name: name, project: try scope.createProject(project), labels: labels ?? [:], spec: spec)
        // Domain rules (names, labels, gateway in CIDR, mirror index …) join the syntax errors
        // so one response lists every problem.
        let known = Set(body.errors.map(\.field))
        body.errors += input.validate().map { FieldProblem($0).under(body.path) }.filter { !known.contains($0.field) }
        return input
    }
}

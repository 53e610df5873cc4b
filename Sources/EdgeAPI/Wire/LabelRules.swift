/// What the API adds to the store's label rules: keys are printable ASCII without spaces (they
/// travel in URLs as `label.<key>=`), values at most 256 Unicode scalars (as the spec counts).
enum LabelRules {
    static func problems(keys: some Sequence<String>, values: some Sequence<String>) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for key in keys where key.unicodeScalars.contains(where: { !(0x21...0x7E).contains($0.value) }) || key.unicodeScalars.count > 128 {
            problems.append(FieldProblem(field: "labels.\(key)", code: .invalidLabel, message: "label keys are 1 to 128 printable ASCII characters without spaces"))
        }
        for value in values where value.unicodeScalars.count > 256 {
            problems.append(FieldProblem(field: "labels", code: .invalidLabel, message: "label values are at most 256 characters"))
        }
        return problems
    }
}

extension Problem {
    /// The same problem, about the object at `path` of the body (one item of a bulk request):
    /// its field errors point into that item and the detail names it.
    func under(_ path: String) -> Problem {
        Problem(status: status, code: code, title: title, detail: "\(path): \(detail ?? title)",
                errors: errors.isEmpty ? [FieldProblem(field: path, code: code.rawValue, message: detail ?? title)] : errors.map { $0.under(path) },
                usedBy: usedBy)
    }
}

/// Comparisons of the kept NB view with a fresh one (`ReconcilerOptions.auditKeptView`, tests).
struct ViewAudit: Sendable {
    var checks = 0
    var mismatches = 0
}

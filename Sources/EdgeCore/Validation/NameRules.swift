import Foundation

/// Rules for names, projects and labels shared by every resource kind.
public enum NameRules {
    /// Names are 1–128 of `A-Z a-z 0-9 - _ .`, start with a letter or digit, and must not look
    /// like a UUID (references accept either, so a UUID-shaped name would be ambiguous).
    public static func problem(withName name: String) -> String? {
        if name.isEmpty || name.count > 128 { return "must be 1 to 128 characters" }
        guard name.unicodeScalars.allSatisfy({ allowed.contains($0) }) else {
            return "may contain only letters, digits, '-', '_' and '.'"
        }
        guard let first = name.unicodeScalars.first, CharacterSet.alphanumerics.contains(first) else {
            return "must start with a letter or digit"
        }
        if UUID(uuidString: name) != nil { return "must not be a UUID" }
        return nil
    }

    public static func validate(name: String?, project: String, labels: [String: String]) -> [FieldError] {
        var report = ValidationReport()
        if let name, let problem = problem(withName: name) { report.add("name", .invalidName, problem) }
        if let problem = problem(withName: project) { report.add("project", .invalidName, problem) }
        for (key, value) in labels.sorted(by: { $0.key < $1.key }) {
            if key.isEmpty || key.count > 128 || key.contains(where: { $0.isWhitespace }) {
                report.add("labels.\(key)", .invalidLabel, "label keys are 1 to 128 characters without spaces")
            } else if value.count > 256 {
                report.add("labels.\(key)", .invalidLabel, "label values are at most 256 characters")
            }
        }
        return report.errors
    }

    private static let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
}

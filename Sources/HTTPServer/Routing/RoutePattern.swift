/// A path pattern such as `/v1/eips/{id}`: literal segments and whole-segment `{name}` parameters.
struct RoutePattern: Sendable, Hashable {
    enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    let text: String
    let segments: [Segment]

    /// Patterns are written by programmers, so a malformed one stops the program at registration.
    init(_ text: String) {
        precondition(text.hasPrefix("/"), "route pattern must start with '/': \(text)")
        self.text = text
        var names = Set<String>()
        segments = PathSegments.split(text).map { segment in
            if segment.hasPrefix("{") && segment.hasSuffix("}") && segment.count > 2 {
                let name = String(segment.dropFirst().dropLast())
                precondition(names.insert(name).inserted, "duplicate parameter {\(name)} in \(text)")
                return .parameter(name)
            }
            precondition(!segment.contains("{") && !segment.contains("}"), "parameters must fill a whole segment: \(text)")
            return .literal(segment)
        }
    }

    var parameterNames: [String] {
        segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
    }
}

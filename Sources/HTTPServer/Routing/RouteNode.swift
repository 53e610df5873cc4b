/// A node of the matching tree: literal children, at most one parameter child, and the routes
/// that end here keyed by method.
struct RouteNode: Sendable {
    var literals: [String: RouteNode] = [:]
    var parameter: [RouteNode] = []
    var routes: [String: PreparedRoute] = [:]

    mutating func insert(_ route: PreparedRoute, segments: ArraySlice<RoutePattern.Segment>) {
        guard let first = segments.first else {
            routes[route.method.rawValue] = route
            return
        }
        switch first {
        case .literal(let text):
            literals[text, default: RouteNode()].insert(route, segments: segments.dropFirst())
        case .parameter:
            if parameter.isEmpty { parameter.append(RouteNode()) }
            parameter[0].insert(route, segments: segments.dropFirst())
        }
    }

    /// The first node (literals before parameters) where the path ends with routes attached;
    /// `values` collects the parameter segments on the way.
    func match(_ segments: ArraySlice<String>, values: inout [String]) -> RouteNode? {
        guard let first = segments.first else { return routes.isEmpty ? nil : self }
        if let child = literals[first], let found = child.match(segments.dropFirst(), values: &values) {
            return found
        }
        if let child = parameter.first, !first.isEmpty {
            values.append(first)
            if let found = child.match(segments.dropFirst(), values: &values) { return found }
            values.removeLast()
        }
        return nil
    }
}

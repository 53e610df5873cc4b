import EdgeAPI
import EdgeStore
import Testing
import TestSupport

/// Every route the API registers is in openapi.yaml, and every operation there is registered.
@Suite struct OpenAPIRouteTests {
    /// `METHOD /path` of every operation in the spec (paths are the two-space-indented keys under
    /// `paths:`, methods the four-space-indented keys under them).
    static func specOperations() -> Set<String> {
        var operations: Set<String> = []
        var inPaths = false
        var path: String?
        for line in OpenAPIDocument.text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" { inPaths = true; continue }
            guard inPaths else { continue }
            if !line.isEmpty && !line.hasPrefix(" ") { break }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let method = line.trimmingCharacters(in: .whitespaces).dropLast()
                if ["get", "put", "post", "patch", "delete", "head", "options"].contains(method) {
                    operations.insert("\(method.uppercased()) \(path)")
                }
            }
        }
        return operations
    }

    @Test func routesAndSpecAgree() throws {
        let folder = try TemporaryDirectory(prefix: "oas")
        defer { folder.remove() }
        let store = try Store.open(dataDirectory: folder.path)
        defer { try? store.close() }
        let routes = Set(RESTAPI(store: store, signals: StoreSignals()).routes.map { "\($0.method.rawValue) \($0.pattern)" })
        let spec = Self.specOperations()
        #expect(spec.count > 20)
        #expect(routes.subtracting(spec).isEmpty, "registered but not in openapi.yaml: \(routes.subtracting(spec).sorted())")
        #expect(spec.subtracting(routes).isEmpty, "in openapi.yaml but not registered: \(spec.subtracting(routes).sorted())")
    }
}

import Foundation

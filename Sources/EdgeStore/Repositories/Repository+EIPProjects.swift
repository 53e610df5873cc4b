import EdgeCore
import GRDB

extension Repository where Spec == EIPSpec {
    /// The project of each EIP among `references` that exists (by id or name), in one read
    /// transaction with cached statements: a project-scoped bulk create checks every item's EIP
    /// without decoding 10,000 EIPs in 10,000 reads.
    public func projects(of references: some Sequence<ResourceReference>) throws -> [ResourceReference: String] {
        try store.read { db in
            let byID = try db.cachedStatement(sql: "SELECT project FROM eips WHERE id = ?")
            let byName = try db.cachedStatement(sql: "SELECT project FROM eips WHERE name = ?")
            var found: [ResourceReference: String] = [:]
            for reference in references where found[reference] == nil {
                let project: String?
                switch reference {
                case .id(let id): project = try String.fetchOne(byID, arguments: [id.text])
                case .name(let name): project = try String.fetchOne(byName, arguments: [name])
                }
                if let project { found[reference] = project }
            }
            return found
        }
    }
}

import EdgeCore
import GRDB

/// A row of a resource table: the shared columns plus the kind's own. Records convert to and
/// from the domain `Resource`; references in the spec are stored as ids.
protocol ResourceRecord: FetchableRecord, PersistableRecord {
    associatedtype Spec: ResourceSpec
    var common: CommonColumns { get set }
    init(common: CommonColumns, spec: Spec) throws
    func spec() throws -> Spec
}

extension ResourceRecord {
    init(_ resource: Resource<Spec>, changeSeq: Int64, seq: Int64? = nil) throws {
        try self.init(common: try CommonColumns(resource, changeSeq: changeSeq, seq: seq), spec: resource.spec)
    }

    func resource() throws -> Resource<Spec> {
        Resource(metadata: try common.metadata(), spec: try spec(), status: try common.status())
    }
}

import EdgeCore

/// Why a bulk create failed: the first item that could not be stored and its error. Nothing of
/// the request was stored.
public struct BulkItemFailure: Error, Sendable {
    public let index: Int
    public let error: any Error
}

extension Repository {
    /// Creates every input in one transaction, in order: all of them or, when one fails
    /// (`BulkItemFailure` naming it), none. Each item sees the ones before it, so two FIPs on
    /// one EIP fail as two separate requests would.
    /// Suspends (holds no thread) until the transaction committed.
    public func createAll(_ inputs: [ResourceInput<Spec>], context: ChangeContext) async throws -> [Resource<Spec>] {
        let behavior = self.behavior
        return try await store.write(context) { scope in
            var created: [Resource<Spec>] = []
            created.reserveCapacity(inputs.count)
            for (index, input) in inputs.enumerated() {
                do {
                    created.append(try behavior.create(input, in: scope))
                } catch {
                    throw BulkItemFailure(index: index, error: DatabaseErrorMapping.map(error, kind: Spec.kind))
                }
            }
            return created
        }
    }
}

import EdgeCore
import Foundation

/// One interval during which an EIP held an address. `releasedAt` is nil while it still does.
public struct AddressHolding: Hashable, Sendable {
    public let id: Int64
    public let network: UUID
    public let ip: IPAddress
    public let eip: UUID
    public let project: String
    public let allocatedAt: Date
    public let releasedAt: Date?
    /// The objects that used the EIP meanwhile (router and node gateways, NAT rules), from its
    /// bind/unbind history: who really held the address, and when.
    public var bindings: [Binding] = []

    /// One object's use of the EIP. `unboundAt` is nil while it still uses it.
    public struct Binding: Hashable, Sendable {
        public let kind: ResourceKind
        public let id: UUID
        public let boundAt: Date
        public let unboundAt: Date?
    }
}

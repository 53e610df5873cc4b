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
}

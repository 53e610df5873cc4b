import Foundation

/// A Kubernetes-style condition (`Programmed`, `Ready`, `Degraded`, …) set by the reconciler.
public struct StatusCondition: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        case `true` = "True"
        case `false` = "False"
        case unknown = "Unknown"
    }

    public var type: String
    public var status: Status
    public var reason: String?
    public var message: String?
    public var lastTransitionTime: Date

    enum CodingKeys: String, CodingKey {
        case type, status, reason, message
        case lastTransitionTime = "last_transition_time"
    }

    public init(type: String, status: Status, reason: String? = nil, message: String? = nil, lastTransitionTime: Date) {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
        self.lastTransitionTime = lastTransitionTime
    }
}

import EdgeCore

/// Specs that write their own snapshot members (`ResourceSnapshot`): the fields and values their
/// `Encodable` conformance writes, nil optionals left out. `ResourceSnapshotTests` compare the
/// result with `JSONEncoder`'s byte for byte.
protocol SnapshotFields {
    func snapshotFields(_ object: inout SnapshotObject)
}

extension FloatingIPSpec: SnapshotFields {
    func snapshotFields(_ object: inout SnapshotObject) {
        object.string("eip", eip.description)
        object.string("router", router)
        object.string("internal_ip", internalIP.description)
        object.string("logical_port", logicalPort)
        object.string("mode", mode.rawValue)
        object.bool("stateless", stateless)
    }
}

extension EIPSpec: SnapshotFields {
    func snapshotFields(_ object: inout SnapshotObject) {
        object.string("network", network.description)
        object.string("ip_v4", ipV4?.description)
        object.string("ip_v6", ipV6?.description)
        object.string("mac", mac?.description)
        object.string("usage", usage.rawValue)
    }
}

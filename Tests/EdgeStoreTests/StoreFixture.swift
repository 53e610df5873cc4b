import EdgeCore
import EdgeStore
import Foundation
import TestSupport

/// A migrated store in a fresh temp folder, with a clock the test moves by hand.
final class StoreFixture: @unchecked Sendable {
    // Safe: `now` is only touched under `lock` (the store reads it from its writer thread).
    let folder: TemporaryDirectory
    let store: Store
    private let lock = NSLock()
    private var now = Date(timeIntervalSince1970: 1_750_000_000)

    init(configure: (inout StoreConfiguration) -> Void = { _ in }) throws {
        folder = try TemporaryDirectory(prefix: "store")
        var configuration = StoreConfiguration()
        configure(&configuration)
        let clockSource = ClockSource()
        configuration.clock = { clockSource.read() }
        store = try Store.open(dataDirectory: folder.path, configuration: configuration)
        try store.migrate()
        clockSource.fixture = self
    }

    var time: Date { lock.withLock { now } }

    func advance(_ seconds: TimeInterval) { lock.withLock { now += seconds } }

    func set(_ date: Date) { lock.withLock { now = date } }

    deinit {
        try? store.close()
        folder.remove()
    }

    /// Lets the store's clock closure reach the fixture without a retain cycle.
    final class ClockSource: @unchecked Sendable {
        // Safe: set once right after init, before any write runs.
        weak var fixture: StoreFixture?
        func read() -> Date { fixture?.time ?? Date() }
    }

    // MARK: - Builders

    let user = ChangeContext(actor: "alice", requestID: "req-1")

    @discardableResult
    func network(_ name: String = "public", cidr: String = "192.0.2.0/24", gateway: String? = "192.0.2.1",
                 cidrV6: String? = nil, exclude: [String] = []) throws -> ExternalNetwork {
        try store.networks.create(ResourceInput(name: name, spec: ExternalNetworkSpec(
            cidrV4: IPv4CIDR(cidr), gatewayV4: gateway.flatMap(IPv4Address.init), cidrV6: cidrV6.flatMap { IPv6CIDR($0) },
            exclude: exclude.compactMap(IPRange.init)
        )), context: user)
    }

    @discardableResult
    func eip(_ network: String = "public", name: String? = nil, ip: String? = nil, project: String = "default",
             context: ChangeContext? = nil) throws -> EIP {
        try store.eips.create(
            ResourceInput(name: name, project: project, spec: EIPSpec(network: ResourceReference(network), ipV4: ip.flatMap(IPv4Address.init))),
            context: context ?? user
        )
    }

    /// `count` FIPs on router `r1`, each on an EIP of its own, made with two bulk creates on a new
    /// network `public` (`cidr` must hold `count` addresses).
    func bulkFIPs(_ count: Int, cidr: String) async throws -> [FloatingIP] {
        try network(cidr: cidr, gateway: nil)
        let eips = try await store.eips.createAll(Array(repeating: ResourceInput(spec: EIPSpec(network: .name("public"))), count: count),
                                                  context: user)
        return try await store.fips.createAll(eips.enumerated().map { index, eip in
            ResourceInput(spec: FloatingIPSpec(eip: .id(eip.id), router: "r1", internalIP: IPAddress("10.0.\(index / 200).\(1 + index % 200)")!))
        }, context: user)
    }
}

extension StoreError {
    /// For `#expect(throws:)` closures that match on the case only.
    var caseName: String { String(describing: self).components(separatedBy: "(").first ?? "" }
}

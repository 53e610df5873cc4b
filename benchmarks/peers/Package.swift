// swift-tools-version:6.1
import PackageDescription

// Benchmark-only peers. Never a dependency of the product: `benchmarks/run` builds this package
// on its own (scratch path .build-peers) and runs it next to ovn-edge under the same load.
let package = Package(
    name: "ovn-edge-bench-peers",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    ],
    targets: [
        .executableTarget(
            name: "HummingbirdHello",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")]
        ),
    ]
)

// swift-tools-version:6.1
import PackageDescription

// Benchmark-only harness over the product's own modules. `Sources/EdgeCore`, `Sources/HTTPServer`,
// `Sources/COpenSSL` and `Sources/CLinuxEvents` here are symlinks to the product's folders, so these
// executables measure the same code the product builds, without adding benchmark targets to the
// product's package.
// Built by `benchmarks/run` with `swift build -c release --scratch-path .build-harness`.
let package = Package(
    name: "ovn-edge-bench-harness",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CLinuxEvents"),
        .target(name: "EdgeCore"),
        .target(
            name: "HTTPServer",
            dependencies: [
                "COpenSSL", "CLinuxEvents",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `HTTPHello PORT`: the product's HTTPServer serving the same /healthz body as
        // ovn-edge, with no EdgeAPI around it (the server core against the Hummingbird peer).
        .executableTarget(
            name: "HTTPHello",
            dependencies: ["HTTPServer", .product(name: "HTTPTypes", package: "swift-http-types")]
        ),
        // `IPAMBench`: EdgeCore's NetworkIPAM allocating every address of a /16 with exclude ranges.
        .executableTarget(name: "IPAMBench", dependencies: ["EdgeCore"]),
        // `TimestampBench`: the cost of one RFC 3339 timestamp, three ways (RESULTS.md, miss 1).
        .executableTarget(name: "TimestampBench"),
    ]
)

// swift-tools-version:6.1
// Benchmark-only package: a tiny server on the product's HTTPServer module (its sources are
// symlinked, so the product's manifest needs no library product for benchmarks).
import PackageDescription

let package = Package(
    name: "http-bench",
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .target(
            name: "HTTPServer",
            dependencies: [
                "COpenSSL",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "http-bench-server",
            dependencies: ["HTTPServer", .product(name: "Logging", package: "swift-log")]
        ),
    ]
)

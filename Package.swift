// swift-tools-version:6.1
import PackageDescription

// Module map: see DESIGN.md. Each library target has one job; the executable wires them.
let package = Package(
    name: "ovn-edge",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ovn-edge", targets: ["ovn-edge"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // OpenSSL from the system (Debian libssl-dev), for TLS in HTTPServer and OVSDB.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        // epoll and eventfd (Linux headers Swift's Glibc module leaves out), for HTTPServer's event loops.
        .systemLibrary(name: "CLinuxEvents"),
        .target(
            name: "HTTPServer",
            dependencies: [
                "COpenSSL", "CLinuxEvents",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "OVSDB",
            dependencies: [
                "COpenSSL",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "EdgeCore"),
        // serve's log handler: StreamLogHandler's line format, rendered into bytes, batched by the access log.
        .target(name: "EdgeLogging", dependencies: [.product(name: "Logging", package: "swift-log")]),
        // A SQLite VFS that writes a WAL's frames in one system call per commit (the store's writer).
        .target(name: "CSQLiteBatchedWAL", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "EdgeStore",
            dependencies: [
                "EdgeCore", "CSQLiteBatchedWAL",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            plugins: ["MigrationsPlugin"]
        ),
        // Build-time embedding of the top-level migrations/*.sql into EdgeStore.
        .plugin(name: "MigrationsPlugin", capability: .buildTool(), dependencies: ["EmbedCodegen"]),
        // The code generator behind both embedding plugins.
        .executableTarget(name: "EmbedCodegen", path: "Plugins/EmbedCodegen"),
        .target(
            name: "EdgeSync",
            dependencies: [
                "EdgeCore", "EdgeStore", "OVSDB",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "EdgeAPI",
            dependencies: [
                "COpenSSL", "EdgeCore", "EdgeLogging", "EdgeStore", "HTTPServer",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            plugins: ["OpenAPIPlugin"]
        ),
        // Build-time embedding of openapi/openapi.yaml into EdgeAPI (served at /openapi.yaml).
        .plugin(name: "OpenAPIPlugin", capability: .buildTool(), dependencies: ["EmbedCodegen"]),
        // Starting and stopping a private OVN (NB, SB, northd): `ovn-edge sandbox`, `serve`'s
        // embedded default and the test harness all use it.
        .target(name: "OVNSandbox"),
        .executableTarget(
            name: "ovn-edge",
            dependencies: [
                "HTTPServer", "OVSDB", "EdgeCore", "EdgeLogging", "EdgeStore", "EdgeSync", "EdgeAPI", "OVNSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Shared test helpers: throwaway OVN sandboxes, temp folders, process helpers.
        .target(name: "TestSupport", dependencies: ["OVNSandbox"]),

        // Test targets: one per module (added with the module's first tests) plus end-to-end tests.
        .testTarget(name: "EdgeAPITests", dependencies: ["EdgeAPI", "EdgeLogging", "EdgeStore", "HTTPServer", "TestSupport"]),
        .testTarget(name: "EdgeSyncTests", dependencies: ["EdgeSync", "EdgeStore", "EdgeCore", "OVSDB", "TestSupport"]),
        .testTarget(name: "IntegrationTests", dependencies: ["OVNSandbox", "TestSupport"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "OVSDBTests", dependencies: ["OVSDB", "TestSupport"]),
        .testTarget(name: "EdgeCoreTests", dependencies: ["EdgeCore", "TestSupport"]),
        .testTarget(name: "EdgeLoggingTests", dependencies: ["EdgeLogging", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "EdgeStoreTests", dependencies: [
            "EdgeStore", "EdgeCore", "TestSupport", .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
    ]
)

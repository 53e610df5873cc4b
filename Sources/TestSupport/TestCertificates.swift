import Foundation

/// A throwaway CA with a server and a client certificate (EC P-256, made with the `openssl`
/// command), for `ssl:` remotes in tests.
public struct TestCertificates: Sendable {
    public let directory: String
    public var caCertificate: String { directory + "/ca.pem" }
    public var serverKey: String { directory + "/server-key.pem" }
    public var serverCertificate: String { directory + "/server-cert.pem" }
    public var clientKey: String { directory + "/client-key.pem" }
    public var clientCertificate: String { directory + "/client-cert.pem" }

    public init(directory: String) throws {
        self.directory = directory
        let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "openssl"
        func run(_ arguments: [String]) throws { try ProcessRunner.run(openssl, arguments) }
        try run(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                 "-keyout", directory + "/ca-key.pem", "-out", caCertificate, "-days", "2", "-subj", "/CN=ovn-edge test CA"])
        for name in ["server", "client"] {
            try run(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                     "-keyout", directory + "/\(name)-key.pem", "-out", directory + "/\(name).csr", "-subj", "/CN=\(name)"])
            try run(["x509", "-req", "-in", directory + "/\(name).csr", "-CA", caCertificate, "-CAkey", directory + "/ca-key.pem",
                     "-CAcreateserial", "-out", directory + "/\(name)-cert.pem", "-days", "2"])
        }
    }

    /// `ovsdb-server` arguments for serving TLS with these files.
    public var serverArguments: [String] {
        ["--private-key=" + serverKey, "--certificate=" + serverCertificate, "--ca-cert=" + caCertificate]
    }
}

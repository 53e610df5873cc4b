/// Files for `ssl:` remotes. ovsdb-server insists on a client certificate and checks it against
/// its CA; the client checks the server's chain against `caCertificatePath`. Like ovsdb's own
/// clients, it does not check host names.
public struct TLSConfiguration: Sendable, Hashable {
    public var privateKeyPath: String
    public var certificatePath: String
    public var caCertificatePath: String

    public init(privateKeyPath: String, certificatePath: String, caCertificatePath: String) {
        self.privateKeyPath = privateKeyPath
        self.certificatePath = certificatePath
        self.caCertificatePath = caCertificatePath
    }
}

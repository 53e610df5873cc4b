import COpenSSL

/// The server's SSL_CTX: TLS 1.2+, certificate chain and key loaded once at start.
final class TLSContext: @unchecked Sendable {
    // Safe: the SSL_CTX is configured in init and afterwards only used by SSL_new, which
    // OpenSSL allows from any thread.
    let context: OpaquePointer

    init(_ configuration: TLSConfiguration) throws(HTTPServerError) {
        guard let context = SSL_CTX_new(TLS_server_method()) else {
            throw .tls(file: "", reason: Self.lastError())
        }
        self.context = context
        // Throwing after this point runs deinit, which frees the context.
        guard ovn_edge_http_ssl_ctx_configure(context) == 1 else {
            throw .tls(file: "", reason: Self.lastError())
        }
        guard SSL_CTX_use_certificate_chain_file(context, configuration.certificateChainFile) == 1 else {
            throw .tls(file: configuration.certificateChainFile, reason: Self.lastError())
        }
        guard SSL_CTX_use_PrivateKey_file(context, configuration.privateKeyFile, SSL_FILETYPE_PEM) == 1,
              SSL_CTX_check_private_key(context) == 1
        else { throw .tls(file: configuration.privateKeyFile, reason: Self.lastError()) }
    }

    deinit { SSL_CTX_free(context) }

    static func lastError() -> String {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return "unknown OpenSSL error" }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

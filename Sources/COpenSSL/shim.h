#ifndef OVN_EDGE_COPENSSL_SHIM_H
#define OVN_EDGE_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/x509v3.h>

/* HTTPServer: settings that are macros in OpenSSL, so Swift cannot call them directly.
 * TLS 1.2+, partial writes from a moving buffer (non-blocking sockets), no renegotiation. */
static inline int ovn_edge_http_ssl_ctx_configure(SSL_CTX *ctx) {
    if (SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) != 1) return 0;
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER
                          | SSL_MODE_RELEASE_BUFFERS);
    SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION);
    return 1;
}
#endif

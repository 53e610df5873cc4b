#ifndef OVN_EDGE_CLINUXEVENTS_SHIM_H
#define OVN_EDGE_CLINUXEVENTS_SHIM_H
/* HTTPServer's event loops: epoll and eventfd, which Swift's Glibc module does not include. */
#include <sys/epoll.h>
#include <sys/eventfd.h>

/* accept4 (a GNU extension, left out of Swift's Glibc module): accepted sockets get
   SOCK_CLOEXEC atomically, so a process spawned meanwhile cannot inherit them.
   Declared here rather than by including <sys/socket.h>: that header belongs to the Glibc
   module, and pulling it into this one as well made its SOCK_* constants invisible to files
   that import only Glibc, depending on which module the compiler built first.
   socklen_t is unsigned int on Linux; the declaration is compatible with glibc's. */
struct sockaddr;
extern int accept4(int, struct sockaddr *, unsigned int *, int);
static inline int clinux_accept4(int fd, void *address, unsigned int *length, int flags) {
    return accept4(fd, (struct sockaddr *)address, length, flags);
}
#endif

#ifndef OVN_EDGE_CLINUXEVENTS_SHIM_H
#define OVN_EDGE_CLINUXEVENTS_SHIM_H
/* HTTPServer's event loops: epoll and eventfd, which Swift's Glibc module does not include. */
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>

/* accept4 (a GNU extension, left out of Swift's Glibc module): accepted sockets get
   SOCK_CLOEXEC atomically, so a process spawned meanwhile cannot inherit them. */
extern int accept4(int, struct sockaddr *, socklen_t *, int);
static inline int clinux_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) {
    return accept4(fd, address, length, flags);
}
#endif

#ifndef OVN_EDGE_CLINUXEVENTS_SHIM_H
#define OVN_EDGE_CLINUXEVENTS_SHIM_H
/* HTTPServer's event loops: epoll and eventfd, which Swift's Glibc module does not include. */
#include <sys/epoll.h>
#include <sys/eventfd.h>
#endif

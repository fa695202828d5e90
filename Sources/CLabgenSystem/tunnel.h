// The parts the user-space tunnel endpoints (geneve.c, ipip.c) share; private to CLabgenSystem.
#ifndef LABGEN_TUNNEL_H
#define LABGEN_TUNNEL_H
#ifdef __linux__
#include <poll.h>
#include <stdint.h>

// Opens, inside the network namespace at namespacePath, a TUN device called name and the socket
// makeSocket(context) returns (-1 with errno set on failure, having closed what it opened), with DF
// set on its outer headers; then returns to the calling thread's namespace. 0, or -1 with errno.
int labgen_tunnel_open(const char *namespacePath, const char *name, int (*makeSocket)(const void *context),
                       const void *context, int *tunFd, int *socketFd);

// The route of the longest prefix that holds the IPv4 destination of packet (at least 20 bytes),
// or -1 where none does.
int labgen_tunnel_route(const unsigned char *packet, const uint32_t *networks, const uint32_t *masks, int routes);

// Waits until fds[0] (the TUN device), fds[1] (the outer socket) or fds[2] (the stop pipe) is ready:
// 1 to serve the first two, 0 once the stop pipe is, -1 with errno set when poll fails.
int labgen_tunnel_wait(struct pollfd fds[3]);
#endif
#endif

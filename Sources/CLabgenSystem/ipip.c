// A user-space IPIP tunnel endpoint for `labgen emulate` on kernels built without IPIP
// (CONFIG_NET_IPIP): a TUN device named like Calico's tunl0 and a raw socket of IP protocol 4.
// What leaves the node is a real IPIP packet (outer IPv4 header, protocol 4), built by the kernel.
#define _GNU_SOURCE
#include "CLabgenSystem.h"
#include "tunnel.h"

#ifdef __linux__
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

// The raw socket of IP protocol 4: the kernel writes the outer IPv4 header.
static int ipip_socket(const void *context) {
    (void)context;
    return socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_IPIP);
}

int labgen_ipip_open(const char *namespacePath, const char *name, int *tunFd, int *rawFd) {
    return labgen_tunnel_open(namespacePath, name, ipip_socket, NULL, tunFd, rawFd);
}

int labgen_ipip_serve(int tun, int raw, const uint32_t *networks, const uint32_t *masks, const uint32_t *nextHops,
                      int routes, int stopFd) {
    unsigned char buffer[65536];
    struct pollfd fds[3] = {{tun, POLLIN, 0}, {raw, POLLIN, 0}, {stopFd, POLLIN, 0}};
    for (;;) {
        int ready = labgen_tunnel_wait(fds);
        if (ready <= 0) return ready;
        if (fds[0].revents & POLLIN) {
            ssize_t length = read(tun, buffer, sizeof buffer);
            if (length >= 20 && (buffer[0] >> 4) == 4) {
                int best = labgen_tunnel_route(buffer, networks, masks, routes);
                if (best >= 0) {
                    struct sockaddr_in to;
                    memset(&to, 0, sizeof to);
                    to.sin_family = AF_INET;
                    to.sin_addr.s_addr = htonl(nextHops[best]);
                    // Too large for the path (EMSGSIZE) or no route: dropped, as the kernel would.
                    (void)sendto(raw, buffer, (size_t)length, 0, (struct sockaddr *)&to, sizeof to);
                }
            }
        }
        if (fds[1].revents & POLLIN) {
            ssize_t length = recv(raw, buffer, sizeof buffer, 0);
            if (length >= 20) {
                size_t header = (size_t)(buffer[0] & 0x0f) * 4;
                if ((size_t)length > header + 20) (void)write(tun, buffer + header, (size_t)length - header);
            }
        }
    }
}
#else
#include <errno.h>
int labgen_ipip_open(const char *namespacePath, const char *name, int *tunFd, int *rawFd) {
    errno = ENOSYS;
    return -1;
}
int labgen_ipip_serve(int tun, int raw, const uint32_t *networks, const uint32_t *masks, const uint32_t *nextHops,
                      int routes, int stopFd) {
    errno = ENOSYS;
    return -1;
}
#endif

// A user-space Geneve tunnel endpoint for `labgen emulate` on kernels built without Geneve
// (CONFIG_GENEVE): a TUN device named like Cilium's cilium_geneve and a UDP socket on port 6081.
// What leaves the node is a real Geneve packet (RFC 8926): outer IPv4 and UDP headers built by the
// kernel, then the 8-byte Geneve header (no options, protocol 0x6558 Transparent Ethernet
// Bridging, the VNI) and an inner Ethernet header before the pod's IPv4 packet, as Cilium sends it.
#define _GNU_SOURCE
#include "CLabgenSystem.h"
#include "tunnel.h"

#ifdef __linux__
#include <arpa/inet.h>
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

// The UDP socket on the Geneve port, bound to every address of the namespace.
static int geneve_socket(const void *context) {
    int udp = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_UDP);
    if (udp < 0) return -1;
    struct sockaddr_in local;
    memset(&local, 0, sizeof local);
    local.sin_family = AF_INET;
    local.sin_port = htons(*(const uint16_t *)context);
    local.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(udp, (struct sockaddr *)&local, sizeof local) != 0) {
        int saved = errno;
        close(udp);
        errno = saved;
        return -1;
    }
    return udp;
}

int labgen_geneve_open(const char *namespacePath, const char *name, uint16_t port, int *tunFd, int *udpFd) {
    return labgen_tunnel_open(namespacePath, name, geneve_socket, &port, tunFd, udpFd);
}

enum { GENEVE_HEADER = 8, ETHERNET_HEADER = 14 };

int labgen_geneve_serve(int tun, int udp, uint16_t port, uint32_t vni, const uint32_t *networks, const uint32_t *masks,
                        const uint32_t *nextHops, int routes, int stopFd) {
    unsigned char buffer[65536];
    const size_t prefix = GENEVE_HEADER + ETHERNET_HEADER;
    struct pollfd fds[3] = {{tun, POLLIN, 0}, {udp, POLLIN, 0}, {stopFd, POLLIN, 0}};
    for (;;) {
        int ready = labgen_tunnel_wait(fds);
        if (ready <= 0) return ready;
        if (fds[0].revents & POLLIN) {
            ssize_t length = read(tun, buffer + prefix, sizeof buffer - prefix);
            unsigned char *packet = buffer + prefix;
            if (length >= 20 && (packet[0] >> 4) == 4) {
                int best = labgen_tunnel_route(packet, networks, masks, routes);
                if (best >= 0) {
                    // Geneve: version 0, no options, no flags, protocol 0x6558, VNI, reserved.
                    unsigned char *h = buffer;
                    memset(h, 0, prefix);
                    h[2] = 0x65;
                    h[3] = 0x58;
                    h[4] = (unsigned char)(vni >> 16);
                    h[5] = (unsigned char)(vni >> 8);
                    h[6] = (unsigned char)vni;
                    // Inner Ethernet: locally administered MACs, IPv4.
                    unsigned char *e = buffer + GENEVE_HEADER;
                    e[0] = 0x02; e[5] = 0x02;
                    e[6] = 0x02; e[11] = 0x01;
                    e[12] = 0x08; e[13] = 0x00;
                    struct sockaddr_in to;
                    memset(&to, 0, sizeof to);
                    to.sin_family = AF_INET;
                    to.sin_port = htons(port);
                    to.sin_addr.s_addr = htonl(nextHops[best]);
                    // Too large for the path (EMSGSIZE) or no route: dropped, as the kernel would.
                    (void)sendto(udp, buffer, (size_t)length + prefix, 0, (struct sockaddr *)&to, sizeof to);
                }
            }
        }
        if (fds[1].revents & POLLIN) {
            ssize_t length = recv(udp, buffer, sizeof buffer, 0);
            if (length >= (ssize_t)prefix + 20 && (buffer[0] >> 6) == 0 && buffer[2] == 0x65 && buffer[3] == 0x58) {
                size_t options = (size_t)(buffer[0] & 0x3f) * 4;
                size_t skip = prefix + options;
                if ((size_t)length > skip + 20 && buffer[skip - 2] == 0x08 && buffer[skip - 1] == 0x00) {
                    (void)write(tun, buffer + skip, (size_t)length - skip);
                }
            }
        }
    }
}
#else
#include <errno.h>
int labgen_geneve_open(const char *namespacePath, const char *name, uint16_t port, int *tunFd, int *udpFd) {
    errno = ENOSYS;
    return -1;
}
int labgen_geneve_serve(int tun, int udp, uint16_t port, uint32_t vni, const uint32_t *networks, const uint32_t *masks,
                        const uint32_t *nextHops, int routes, int stopFd) {
    errno = ENOSYS;
    return -1;
}
#endif

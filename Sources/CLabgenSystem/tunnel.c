// The parts the user-space tunnel endpoints (geneve.c, ipip.c) share: the TUN device and the
// outer socket opened inside a node's network namespace, and the route lookup of an inner packet.
#define _GNU_SOURCE
#include "tunnel.h"

#ifdef __linux__
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <netinet/in.h>
#include <sched.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

int labgen_tunnel_open(const char *namespacePath, const char *name, int (*makeSocket)(const void *context),
                       const void *context, int *tunFd, int *socketFd) {
    int self = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    if (self < 0) return -1;
    int target = open(namespacePath, O_RDONLY | O_CLOEXEC);
    if (target < 0) { close(self); return -1; }
    int result = -1, saved = 0;
    if (setns(target, CLONE_NEWNET) != 0) { saved = errno; goto done; }
    int tun = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    if (tun < 0) { saved = errno; goto back; }
    struct ifreq request;
    memset(&request, 0, sizeof request);
    request.ifr_flags = IFF_TUN | IFF_NO_PI;
    strncpy(request.ifr_name, name, IFNAMSIZ - 1);
    if (ioctl(tun, TUNSETIFF, &request) != 0) { saved = errno; close(tun); goto back; }
    int outer = makeSocket(context);
    if (outer < 0) { saved = errno; close(tun); goto back; }
    // DF on the outer header, as Cilium's tunnel and the kernel's tunl0 (pmtudisc) set it.
    int discover = IP_PMTUDISC_DO;
    setsockopt(outer, IPPROTO_IP, IP_MTU_DISCOVER, &discover, sizeof discover);
    *tunFd = tun;
    *socketFd = outer;
    result = 0;
back:
    if (setns(self, CLONE_NEWNET) != 0 && result == 0) { saved = errno; result = -1; }
done:
    close(target);
    close(self);
    if (result != 0) errno = saved;
    return result;
}

int labgen_tunnel_route(const unsigned char *packet, const uint32_t *networks, const uint32_t *masks, int routes) {
    uint32_t destination = ((uint32_t)packet[16] << 24) | ((uint32_t)packet[17] << 16) |
                           ((uint32_t)packet[18] << 8) | packet[19];
    int best = -1;
    for (int i = 0; i < routes; i++) {
        if ((destination & masks[i]) == networks[i] && (best < 0 || masks[i] > masks[best])) best = i;
    }
    return best;
}

int labgen_tunnel_wait(struct pollfd fds[3]) {
    for (;;) {
        if (poll(fds, 3, -1) < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        return fds[2].revents ? 0 : 1;
    }
}
#endif

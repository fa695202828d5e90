#ifndef CLABGEN_SYSTEM_H
#define CLABGEN_SYSTEM_H

#include <stddef.h>

/// The first occurrence of `needle` in `haystack` (memmem(3), in glibc and the BSD and macOS C
/// libraries), or NULL. Swift's Glibc module leaves it out: it is a GNU extension there.
const void *labgen_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// Atomically exchanges two paths (both must exist): Linux renameat2(RENAME_EXCHANGE),
/// macOS renamex_np(RENAME_SWAP). Returns 0, or -1 with errno set (ENOSYS/EINVAL where the
/// system or file system cannot do it; callers then fall back to two renames).
int labgen_exchange_paths(const char *first, const char *second);

/// Writes back every dirty file of the file system that holds `fd` and waits for it: Linux
/// syncfs(2). One call instead of one fsync per file (a lab of 10,000 nodes has 10,000 files).
/// Returns 0, or -1 with errno set (ENOSYS elsewhere; callers then fsync file by file).
int labgen_sync_filesystem(int fd);

/// glibc: at most `count` malloc arenas for the whole process (mallopt M_ARENA_MAX; see MallocTuning.swift).
/// Returns mallopt's result (1 on success), or 0 where there is no glibc.
int labgen_limit_malloc_arenas(int count);

/// glibc: allocations of at least `bytes` are mapped on their own and unmapped when freed, whatever
/// the sizes freed before (mallopt M_MMAP_THRESHOLD, which also turns off glibc's sliding
/// threshold; see MallocTuning.swift). Returns mallopt's result, or 0 where there is no glibc.
int labgen_fix_mmap_threshold(int bytes);

#include <stdint.h>

/// `labgen emulate` on kernels without IPIP: opens, inside the network namespace at
/// `namespacePath`, a TUN device `name` and a raw socket of IP protocol 4 (DF set on what it
/// sends). The calling thread returns to its own namespace. Returns 0, or -1 with errno set.
int labgen_ipip_open(const char *namespacePath, const char *name, int *tunFd, int *rawFd);

/// Forwards until `stopFd` becomes readable: an IPv4 packet read from `tun` goes out of `raw` to
/// the next hop of the longest matching route (networks/masks/nextHops, host byte order), i.e.
/// wrapped in an outer IPv4 header of protocol 4; an IPIP packet received on `raw` is written to
/// `tun` without its outer header. Returns 0 when stopped, -1 with errno set on a poll error.
int labgen_ipip_serve(int tun, int raw, const uint32_t *networks, const uint32_t *masks, const uint32_t *nextHops,
                      int routes, int stopFd);

/// `labgen emulate` on kernels without Geneve: opens, inside the network namespace at
/// `namespacePath`, a TUN device `name` and a UDP socket bound to `port` (DF set on what it sends).
/// The calling thread returns to its own namespace. Returns 0, or -1 with errno set.
int labgen_geneve_open(const char *namespacePath, const char *name, uint16_t port, int *tunFd, int *udpFd);

/// Forwards until `stopFd` becomes readable: an IPv4 packet read from `tun` goes to UDP `port` of the
/// next hop of the longest matching route (host byte order) inside a Geneve header (VNI `vni`,
/// protocol 0x6558) and an inner Ethernet header; a Geneve packet received on `udp` is written to
/// `tun` without them. Returns 0 when stopped, -1 with errno set on a poll error.
int labgen_geneve_serve(int tun, int udp, uint16_t port, uint32_t vni, const uint32_t *networks, const uint32_t *masks,
                        const uint32_t *nextHops, int routes, int stopFd);

#include <sys/types.h>

/// Starts `path` (an absolute or relative path, not searched on PATH) with `argv` and `envp`
/// (NULL-terminated) in `directory` (NULL: this process's), stdin from /dev/null, stdout and stderr
/// onto `output_fd`, every other descriptor closed: posix_spawn with one closefrom action (glibc
/// 2.34), where Foundation's Process adds a close action for every possible descriptor number
/// (RLIMIT_NOFILE of them). Returns 0 and sets `pid`, or an errno value.
int labgen_spawn(const char *path, char *const argv[], char *const envp[], const char *directory, int output_fd,
                 pid_t *pid);

#include <stddef.h>

/// SHA-256 (FIPS 180-4): compresses `blocks` 64-byte blocks at `data` into `state` (8 words, the
/// standard's H0..H7 in host order). Uses the x86-64 SHA extensions where the processor has them.
void labgen_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// The same, always with the portable C rounds (for tests that compare the two).
void labgen_sha256_blocks_portable(uint32_t state[8], const uint8_t *data, size_t blocks);

/// 1 when labgen_sha256_blocks uses the processor's SHA instructions, else 0.
int labgen_sha256_has_hardware(void);

#endif

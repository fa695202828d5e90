import CLabgenSystem
import Foundation
import LabModel

/// Calico's `tunl0` on a kernel without IPIP (CONFIG_NET_IPIP unset, as on this project's CI
/// machines): a TUN device named tunl0 in the node's namespace and a raw socket of IP protocol 4.
/// The routes Felix programs (`BLOCK via NODE dev tunl0 onlink`) are read back from the kernel
/// and give each packet its outer destination, as the kernel's ipip driver takes it from the
/// route's gateway; the outer header (protocol 4, DF) is built by the kernel's raw socket code.
/// On the wire it is IPIP: tcpdump on the gateway sees `proto IPIP (4)`.
final class UserspaceIPIP: @unchecked Sendable {
    private let tun: Int32
    private let raw: Int32
    private var stopPipe: [Int32] = [-1, -1]
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

    /// Opens tunl0 in the namespace `/run/netns/<name>`.
    init(namespace: String) throws(EmulationPlanError) {
        var tun: Int32 = -1
        var raw: Int32 = -1
        guard labgen_ipip_open("/run/netns/" + namespace, "tunl0", &tun, &raw) == 0 else {
            throw EmulationPlanError("cannot open tunl0 in \(namespace): \(String(cString: strerror(errno)))")
        }
        self.tun = tun
        self.raw = raw
        _ = pipe(&stopPipe)
    }

    /// Starts forwarding with the routes of `ip -4 route show dev tunl0` (`PREFIX via ADDR ... onlink`).
    func start(routes text: String) {
        var networks: [UInt32] = []
        var masks: [UInt32] = []
        var hops: [UInt32] = []
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard words.count >= 3, let via = words.firstIndex(of: "via"), via + 1 < words.count,
                let hop = IPv4Address(words[via + 1])
            else { continue }
            let destination =
                words[0] == "default"
                ? IPv4Prefix("0.0.0.0/0")
                : IPv4Prefix(words[0])
                    ?? IPv4Address(words[0]).map {
                        IPv4Prefix($0, length: 32)
                    }
            guard let destination else { continue }
            networks.append(destination.network.value)
            masks.append(destination.mask)
            hops.append(hop.value)
        }
        let (tun, raw, stop) = (self.tun, self.raw, stopPipe[0])
        let table = (networks, masks, hops)
        let finished = self.finished
        let thread = Thread {
            _ = labgen_ipip_serve(tun, raw, table.0, table.1, table.2, Int32(table.0.count), stop)
            finished.signal()
        }
        thread.stackSize = 1 << 20
        self.thread = thread
        thread.start()
    }

    /// Stops forwarding and closes the device (the namespace can then go).
    func stop() {
        if thread != nil {
            var byte: UInt8 = 1
            _ = write(stopPipe[1], &byte, 1)
            finished.wait()
            thread = nil
        }
        for fd in [tun, raw, stopPipe[0], stopPipe[1]] where fd >= 0 { close(fd) }
        stopPipe = [-1, -1]
    }
}

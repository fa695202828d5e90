import CLabgenSystem
import Foundation
import LabModel

/// A tunnel device on a kernel built without it (this project's CI machines have no IPIP and no
/// Geneve): a TUN device with the CNI's device name in the node's namespace, and a socket that
/// puts each packet on the wire with real outer headers built by the kernel.
///
/// - IPIP (Calico's `tunl0`, Flannel's `flannel.ipip`): a raw socket of IP protocol 4; tcpdump on
///   the gateway sees `proto IPIP (4)`.
/// - Geneve (Cilium's `cilium_geneve`): a UDP socket on port 6081 sending a Geneve header (RFC 8926,
///   no options, VNI) and an inner Ethernet header before the packet; tcpdump sees `Geneve`.
///
/// The routes the CNI programs (`PREFIX via NODE dev DEVICE onlink`) are read back from the kernel
/// and give each packet its outer destination, as the kernel's drivers take it from the route's
/// gateway.
final class UserspaceTunnel: @unchecked Sendable {
    enum Kind: Sendable {
        case ipip
        case geneve(port: UInt16, vni: UInt32)
    }
    let kind: Kind
    private let tun: Int32
    private let socket: Int32
    private var stopPipe: [Int32] = [-1, -1]
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

    /// Opens the device `name` in the namespace `/run/netns/<namespace>`.
    init(namespace: String, name: String, kind: Kind) throws(EmulationPlanError) {
        var tun: Int32 = -1
        var socket: Int32 = -1
        let opened: Int32
        switch kind {
        case .ipip: opened = labgen_ipip_open("/run/netns/" + namespace, name, &tun, &socket)
        case .geneve(let port, _): opened = labgen_geneve_open("/run/netns/" + namespace, name, port, &tun, &socket)
        }
        guard opened == 0 else {
            throw EmulationPlanError("cannot open \(name) in \(namespace): \(String(cString: strerror(errno)))")
        }
        self.kind = kind
        self.tun = tun
        self.socket = socket
        _ = pipe(&stopPipe)
    }

    /// Starts forwarding with the routes of `ip -4 route show dev NAME` (`PREFIX via ADDR ... onlink`).
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
                : IPv4Prefix(words[0]) ?? IPv4Address(words[0]).map { IPv4Prefix($0, length: 32) }
            guard let destination else { continue }
            networks.append(destination.network.value)
            masks.append(destination.mask)
            hops.append(hop.value)
        }
        let (tun, socket, stop, kind) = (self.tun, self.socket, stopPipe[0], self.kind)
        let table = (networks, masks, hops)
        let finished = self.finished
        let thread = Thread {
            switch kind {
            case .ipip:
                _ = labgen_ipip_serve(tun, socket, table.0, table.1, table.2, Int32(table.0.count), stop)
            case .geneve(let port, let vni):
                _ = labgen_geneve_serve(
                    tun, socket, port, vni, table.0, table.1, table.2, Int32(table.0.count), stop)
            }
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
        for fd in [tun, socket, stopPipe[0], stopPipe[1]] where fd >= 0 { close(fd) }
        stopPipe = [-1, -1]
    }
}

import Foundation
import Testing

@testable import LabgenCLI
@testable import LabgenCore

/// Whether this machine can emulate (root on Linux with iproute2, nftables, ping, tcpdump).
let canEmulate = Emulator.missingPrerequisites(for: nil) == nil

/// The repository's out/ folder.
let committedOutput = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("out")

/// `labgen emulate`: help and usage (anywhere), --trace (no root), and, as root, real emulations
/// of the template labs' out/ and of copies broken on purpose, each failing the right check.
@Suite struct EmulateCommandTests {
    @Test func helpExplainsWhatEmulationProves() {
        let workspace = try! Workspace()
        let help = workspace.labgen(["emulate", "--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("USAGE: labgen emulate [--lab <name>] [--trace <src> <dst>] [<lab>]"))
        #expect(help.out.contains("network namespace per kind node"))
        #expect(help.out.contains("It runs no kubelet, Calico, Flannel, Cilium or VyOS"))
        #expect(help.out.contains("2 when the machine cannot emulate"))
        #expect(workspace.labgen(["--help"]).out.contains("emulate "))
    }

    @Test func usageErrors() {
        let workspace = try! Workspace()
        let none = workspace.labgen(["emulate"])
        #expect(none.status == 2)
        #expect(none.err.contains("Name the lab to emulate"))
        let oneValue = workspace.labgen(["emulate", "--trace", "a"])
        #expect(oneValue.status == 2)
        #expect(oneValue.err.contains("Missing value for '--trace <src> <dst>'"))
        let unknown = workspace.labgen([
            "emulate", "--trace", "nosuch", "outside",
            committedOutput.appendingPathComponent("calico-ipip-crosssubnet").path,
        ])
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("no node, pod, gateway or address 'nosuch'"))
    }

    /// Without the programs (an empty search path), the machine cannot emulate, and says which are missing.
    @Test func missingProgramsAreNamed() throws {
        let workspace = try Workspace()
        let problem = try #require(
            Emulator.missingPrerequisites(for: nil, runner: EmulationRunner(path: [workspace.url.path])))
        if geteuid() == 0 {
            #expect(
                problem.contains(
                    "missing ip (package iproute2), nft (package nftables), ping (package iputils-ping), tcpdump (package tcpdump)"
                ))
            #expect(problem.contains("apt-get install -y iproute2 nftables iputils-ping tcpdump"))
        } else {
            #expect(problem.contains("needs root"))
        }
    }

    @Test func labWithoutTopologyCannotBeEmulated() {
        let workspace = try! Workspace()
        let result = workspace.labgen(["emulate", committedOutput.appendingPathComponent("calico-ipip").path])
        #expect(result.status == 1)
        #expect(result.err.contains("no containerlab topology"))
    }

    @Test func traceNeedsNoRoot() {
        let workspace = try! Workspace()
        let result = workspace.labgen([
            "emulate", "--lab", "calico-ipip-crosssubnet", "--trace", "control-plane/pod0", "worker3/pod0",
        ])
        #expect(result.status == 0)
        #expect(result.out.contains("gw0: route 10.1.8.0/24 dev eth2 -> eth2 (mtu 1500) -> bridge br-pool1"))
        #expect(
            result.out.contains(
                "outer 10.1.5.10 > 10.1.8.11 proto IPIP (4) | inner 10.244.0.1 > 10.244.0.193 ICMP echo request"))
        #expect(result.out.contains("delivered"))
    }
}

/// Root only: builds labs in network namespaces. Each test emulates its own copy; emulations
/// run at the same time (their namespaces are unique per run).
@Suite(.enabled(if: canEmulate, "needs root on Linux with iproute2, nftables, ping and tcpdump"))
struct EmulationTests {
    /// A copy of out/<lab> in a temporary folder, changed by `change`.
    static func copy(_ lab: String, in workspace: Workspace, change: (URL) throws -> Void = { _ in }) throws -> String {
        let target = workspace.path(lab)
        try FileManager.default.copyItem(at: committedOutput.appendingPathComponent(lab), to: target)
        try change(target)
        return lab
    }

    static func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(file.lastPathComponent) does not contain \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    /// The report row of a check (the first whose name starts with `check`).
    static func row(_ output: String, _ check: String) -> String? {
        let lines = output.split(separator: "\n").map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix(check) }) else { return nil }
        let next =
            index + 1 < lines.count && lines[index + 1].contains("in the real lab:") ? "\n" + lines[index + 1] : ""
        return lines[index] + next
    }

    static func failing(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.contains("  FAIL  ") }
    }

    @Test(arguments: ["calico-ipip-crosssubnet", "calico-vxlan-crosssubnet", "calico-ipip-crosssubnet-2gw"])
    func templateLabsPass(lab: String) throws {
        let workspace = try Workspace()
        let result = workspace.labgen(["emulate", try Self.copy(lab, in: workspace)])
        #expect(result.status == 0, "\(result.all)")
        #expect(result.out.contains("all ") && result.out.contains(" checks pass"))
        let encapsulation = try #require(Self.row(result.out, "encapsulation rack0 -> rack1"))
        #expect(encapsulation.contains(lab.contains("vxlan") ? "VXLAN [IP 10.1." : "IPIP [IP 10.1."))
        #expect(encapsulation.contains(lab.contains("vxlan") ? ".4789: VXLAN" : ": IP 10.244."))
        #expect(try #require(Self.row(result.out, "same-rack pod traffic stays off the gateway")).contains("0 packets"))
        #expect(
            try #require(Self.row(result.out, "pod to outside")).contains(
                "the outside saw echo requests from 172.20.20."))
    }

    @Test func wrongDefaultRoute() throws {
        let workspace = try Workspace()
        // server3 (worker2) gets a default route via an address nobody has.
        let lab = try Self.copy("calico-ipip-crosssubnet", in: workspace) { folder in
            try Self.edit(
                folder.appendingPathComponent("calico-ipip-crosssubnet.clab.yaml"),
                "ip route replace default via 10.1.8.1\n    server4",
                "ip route replace default via 10.1.8.254\n    server4")
        }
        let result = workspace.labgen(["emulate", lab])
        #expect(result.status == 1)
        let row = try #require(Self.row(result.out, "node to node"))
        #expect(row.contains("FAIL"))
        #expect(row.contains("calico-ipip-crosssubnet-control-plane -> calico-ipip-crosssubnet-worker2 (10.1.8.10)"))
        #expect(!row.contains("calico-ipip-crosssubnet-control-plane -> calico-ipip-crosssubnet-worker3 (10.1.8.11)"))
        #expect(
            row.contains(
                "server3's default route points at 10.1.8.254, which nobody on its network answers, the gateway gw0 is 10.1.8.1"
            ))
        #expect(row.contains("calico-ipip-crosssubnet/calico-ipip-crosssubnet.clab.yaml:35:9"))
        #expect(row.contains("'kind create cluster' hangs joining workers"))
        #expect(try #require(Self.row(result.out, "node to outside")).contains("FAIL"))
        #expect(try #require(Self.row(result.out, "pod to pod, same node")).contains("pass"))
    }

    @Test func missingMasquerade() throws {
        let workspace = try Workspace()
        let lab = try Self.copy("calico-ipip-crosssubnet", in: workspace) { folder in
            let boot = folder.appendingPathComponent("startup-conf/gw0-boot.cfg")
            let text = try String(contentsOf: boot, encoding: .utf8)
            let start = try #require(text.range(of: "nat {\n"))
            let end = try #require(text.range(of: "\n}\n", range: start.upperBound..<text.endIndex))
            try text.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "").write(
                to: boot, atomically: true, encoding: .utf8)
        }
        let result = workspace.labgen(["emulate", lab])
        #expect(result.status == 1)
        let pods = try #require(Self.row(result.out, "pod to outside"))
        #expect(pods.contains("FAIL"))
        #expect(pods.contains("the outside saw echo requests from ") && pods.contains("10.1.5.10"))
        #expect(pods.contains("pod traffic leaves the gateway with a lab-internal source address (no masquerade)"))
        let nodes = try #require(Self.row(result.out, "node to outside"))
        #expect(nodes.contains("FAIL") && nodes.contains("without masquerading it"))
        #expect(try #require(Self.row(result.out, "node to node")).contains("pass"))
        #expect(Self.failing(result.out).count == 2, "\(result.out)")
    }

    @Test func gatewayLinkMTUTooSmallForIPIP() throws {
        let workspace = try Workspace()
        let lab = try Self.copy("calico-ipip-crosssubnet", in: workspace) { folder in
            try Self.edit(
                folder.appendingPathComponent("calico-ipip-crosssubnet.clab.yaml"),
                "[gw0:eth2, br-pool1:br-pool1-net2]\n    mtu: 1500", "[gw0:eth2, br-pool1:br-pool1-net2]\n    mtu: 1480"
            )
        }
        let result = workspace.labgen(["emulate", lab])
        #expect(result.status == 1)
        let pods = try #require(Self.row(result.out, "path MTU, pods rack0 <-> rack1"))
        #expect(pods.contains("FAIL"))
        #expect(pods.contains("1480-byte DF ping"))
        #expect(pods.contains("lost"))
        #expect(pods.contains("gw0:eth2 <-> host:br-pool1-net2 mtu 1480"))
        #expect(
            pods.contains(
                "pods send packets of up to 1480 bytes (their veth MTU) that the path between these racks does not carry"
            ))
        // Ordinary pings still work: only large packets are lost.
        #expect(try #require(Self.row(result.out, "pod to pod, across racks")).contains("pass"))
    }

    @Test func firstFoundAutodetectionBypassesTheGateway() throws {
        let workspace = try Workspace()
        let lab = try Self.copy("calico-ipip-crosssubnet", in: workspace) { folder in
            try FileManager.default.removeItem(at: folder.appendingPathComponent("calico/calico-node-patch.yaml"))
        }
        let result = workspace.labgen(["emulate", lab])
        #expect(result.status == 1)
        let row = try #require(Self.row(result.out, "encapsulation rack0 -> rack1"))
        #expect(row.contains("FAIL"))
        #expect(row.contains("at gw0 eth1: 0 IPIP; expected IPIP"))
        #expect(row.contains("routes it: 10.244.0.128/26 via 172.18.0.4 dev eth0"))
        #expect(
            row.contains("bypasses gw0 and is not encapsulated: calico-node's first-found autodetection takes eth0"))
        // The pods do reach each other: over kind's docker network.
        #expect(try #require(Self.row(result.out, "pod to pod, across racks")).contains("pass"))
    }

    @Test func rackBridgeMissingFromBridgeScript() throws {
        let workspace = try Workspace()
        let lab = try Self.copy("calico-ipip-crosssubnet", in: workspace) { folder in
            let script = folder.appendingPathComponent("bridges.sh")
            let text = try String(contentsOf: script, encoding: .utf8)
            // Whatever form the script takes (a BRIDGES list or one command per bridge), drop br-pool1.
            let changed = text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
                if line.hasPrefix("BRIDGES=") { return line.replacingOccurrences(of: " br-pool1", with: "") }
                return line.contains("br-pool1") ? nil : String(line)
            }.joined(separator: "\n")
            #expect(changed != text)
            try changed.write(to: script, atomically: true, encoding: .utf8)
        }
        let result = workspace.labgen(["emulate", lab])
        #expect(result.status == 1)
        let row = try #require(Self.row(result.out, "topology links"))
        #expect(row.contains("FAIL"))
        #expect(row.contains("bridge br-pool1 does not exist after bridges.sh up"))
        #expect(row.contains("'containerlab deploy' fails: bridge br-pool1 is not there"))
        #expect(try #require(Self.row(result.out, "pod to pod, same rack")).contains("FAIL"))
    }

    /// Everything the emulation made is gone afterwards, and SIGINT removes it too.
    @Test func namespacesAreRemovedAlsoOnSIGINT() throws {
        let workspace = try Workspace()
        let lab = try Self.copy("calico-ipip-crosssubnet", in: workspace)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LabgenBinary.path)
        process.arguments = ["emulate", lab]
        process.currentDirectoryURL = workspace.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let prefix = String(format: "lgemu%06x", Int(process.processIdentifier))
        let runner = EmulationRunner()
        // Interrupt once its namespaces exist.
        let deadline = Date().addingTimeInterval(10)
        var seen = false
        while Date() < deadline, process.isRunning {
            if runner.run(["ip", "netns", "list"]).output.contains(prefix) {
                seen = true
                break
            }
            usleep(20_000)
        }
        usleep(300_000)
        #expect(seen)
        guard seen, process.isRunning else {
            process.waitUntilExit()
            return
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGINT || process.terminationStatus == 0)
        #expect(!runner.run(["ip", "netns", "list"]).output.contains(prefix))
    }
}

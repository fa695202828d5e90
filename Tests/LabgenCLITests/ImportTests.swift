import Foundation
import LabModel
import Testing

@testable import LabgenCLI
@testable import LabgenCore

/// `labgen import`: a small hand-written lab folder (written here, never ../shared) becomes a lab file
/// that builds back into the same facts; what the model cannot express is refused with its file:line.
@Suite struct ImportTests {
    /// labgen in-process with this process's environment (PATH finds swiftc).
    static func build(_ workspace: Workspace, _ arguments: [String]) -> RunResult {
        var environment = ProcessInfo.processInfo.environment
        environment[BuildCommand.crashVariable] = nil
        return workspace.labgen(arguments, environment: environment)
    }

    static let setup = """
        #!/bin/bash
        set -e
        cat <<EOF | kind create cluster --name=demo --image=kindest/node:v1.29.2 --config=-
        kind: Cluster
        apiVersion: kind.x-k8s.io/v1alpha4
        networking:
          disableDefaultCNI: true
          podSubnet: "10.244.0.0/16"
        nodes:
        - role: control-plane
          kubeadmConfigPatches:
          - |
            kind: InitConfiguration
            nodeRegistration:
              kubeletExtraArgs:
                node-ip: 10.7.1.10
                node-labels: "rack=east"
        - role: worker
          kubeadmConfigPatches:
          - |
            kind: JoinConfiguration
            nodeRegistration:
              kubeletExtraArgs:
                node-ip: 10.7.2.20
                node-labels: "rack=west"
        containerdConfigPatches:
        - |-
          [plugins."io.containerd.grpc.v1.cri".registry.mirrors."10.0.0.5:5000"]
            endpoint = ["http://10.0.0.5:5000"]
        EOF
        """

    static func clab(extraExec: String = "") -> String {
        """
        name: demo
        topology:
          nodes:
            gw0:
              kind: linux
              image: 10.0.0.5:5000/vyos/vyos:1.4.9
              cmd: /sbin/init
              binds:
                - /lib/modules:/lib/modules
                - ./startup-conf/gw0-boot.cfg:/opt/vyatta/etc/config/config.boot
            br-pool0:
              kind: bridge
            br-west:
              kind: bridge
            server1:
              kind: linux
              image: 10.0.0.5:5000/nettool
              network-mode: container:demo-control-plane
              exec:
              - ip addr add 10.7.1.10/24 dev net0
              - ip route replace default via 10.7.1.1
            server2:
              kind: linux
              image: 10.0.0.5:5000/nettool
              network-mode: container:demo-worker
              exec:
              - ip addr add 10.7.2.20/24 dev net0
              - ip route replace default via 10.7.2.254\(extraExec)
          links:
            - endpoints: ["br-pool0:br-pool0-net0", "server1:net0"]
            - endpoints: ["br-west:br-west-net0", "server2:net0"]
            - endpoints: ["gw0:eth1", "br-pool0:br-pool0-net1"]
            - endpoints: ["gw0:eth2", "br-west:br-west-net1"]

        """
    }

    static func vyos(protocols: String = "") -> String {
        """
        interfaces {
            ethernet eth1 {
                address "10.7.1.1/24"
                duplex "auto"
                speed "auto"
            }
            ethernet eth2 {
                address "10.7.2.254/24"
                duplex "auto"
                speed "auto"
            }
            loopback lo {
            }
        }
        nat {
            source {
                rule 100 {
                    outbound-interface {
                        name "eth0"
                    }
                    source {
                        address "10.7.0.0/16"
                    }
                    translation {
                        address "masquerade"
                    }
                }
            }
        }
        \(protocols)system {
            host-name "gw0"
        }
        // Warning: Do not remove the following line.
        // Release version: 1.4.9

        """
    }

    static let calico = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: calico-node
          namespace: kube-system
        spec:
          template:
            spec:
              containers:
              - name: calico-node
                image: docker.io/calico/node:v3.26.1
                env:
                - name: CALICO_IPV4POOL_IPIP
                  value: "CrossSubnet"
                - name: CALICO_IPV4POOL_VXLAN
                  value: "Never"

        """

    static func write(_ workspace: Workspace, clab: String = clab(), vyos: String = vyos()) throws {
        let lab = workspace.path("lab")
        try FileManager.default.createDirectory(
            at: lab.appendingPathComponent("startup-conf"), withIntermediateDirectories: true)
        try setup.write(to: lab.appendingPathComponent("1-setup.sh"), atomically: true, encoding: .utf8)
        try clab.write(to: lab.appendingPathComponent("clab.yaml"), atomically: true, encoding: .utf8)
        try vyos.write(to: lab.appendingPathComponent("startup-conf/gw0-boot.cfg"), atomically: true, encoding: .utf8)
        try calico.write(to: lab.appendingPathComponent("calico.yaml"), atomically: true, encoding: .utf8)
    }

    static let expected = """
        let lab = Lab("demo") {
            Registry(mirror: "10.0.0.5:5000", insecure: true)
            Cluster("demo", image: "kindest/node:v1.29.2", podSubnet: "10.244.0.0/16") {
                Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet), install: .manifest(version: "v3.26.1"))
            }
            Gateway("gw0", vyos: "1.4.9") {
                Masquerade(source: "10.7.0.0/16", outbound: "eth0")
            }
            Rack("east", subnet: "10.7.1.0/24") {
                Node(.controlPlane, address: "10.7.1.10")
            }
            Rack("west", subnet: "10.7.2.0/24", gateway: "10.7.2.254", bridge: "br-west") {
                Node(.worker, address: "10.7.2.20")
            }
        }

        """

    @Test func importWritesTheLabFileThatBuildsBackIntoTheSameFacts() throws {
        let workspace = try Workspace()
        try Self.write(workspace)
        let result = workspace.labgen(["import", "lab", "--output", "demo.swift"])
        #expect(result.status == 0, "\(result.all)")
        let text = try String(contentsOf: workspace.path("demo.swift"), encoding: .utf8)
        #expect(text.hasPrefix("import LabKit\n\n// Imported by 'labgen import' from lab.\n"))
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("let lab") }
            .joined(separator: "\n")
        #expect(body == Self.expected)
        #expect(result.out.contains("correction: the node image (kindest/node:v1.29.2) is written in kind.yaml"))
        #expect(result.out.contains("correction: a Calico IPPool file and a calico-node patch are written"))

        // Built with the CLI's lab-file path, the lab's facts are the original's.
        let build = Self.build(workspace, ["build", "demo.swift", "--output", "built"])
        #expect(build.status == 0, "\(build.all)")
        func facts(_ folder: String) -> LabFacts {
            LabFacts.read(ArtifactDiscovery.files(in: workspace.path(folder)))
        }
        let original = facts("lab")
        let built = facts("built/demo")
        func nodes(_ facts: LabFacts) -> [String] {
            facts.kind?.nodes.map { node in
                node.role.value + " " + node.patches.compactMap(\.nodeIP?.value.description).joined()
                    + " " + node.patches.flatMap(\.nodeLabels).map { "\($0.value.key)=\($0.value.value)" }.joined()
            } ?? []
        }
        #expect(nodes(built) == nodes(original))
        #expect(nodes(built) == ["control-plane 10.7.1.10 rack=east", "worker 10.7.2.20 rack=west"])
        func exec(_ facts: LabFacts) -> [String: [String]] {
            Dictionary(uniqueKeysWithValues: (facts.clab?.nodes ?? []).map { ($0.name.value, $0.exec.map(\.value)) })
        }
        #expect(exec(built) == exec(original))
        let gateway = built.vyos.values.first { $0.file.hasSuffix("gw0-boot.cfg") }
        #expect(gateway?.interfaces.flatMap(\.addresses).map(\.value.description) == ["10.7.1.1/24", "10.7.2.254/24"])
        #expect(built.pools.first?.ipip == "CrossSubnet")
    }

    @Test func constructsTheModelCannotExpressAreRefusedWithTheirPositions() throws {
        let workspace = try Workspace()
        let bgp = """
            protocols {
                bgp {
                    system-as "65001"
                }
            }

            """
        try Self.write(
            workspace, clab: Self.clab(extraExec: "\n      - ip link add vrf1 type vrf table 10"),
            vyos: Self.vyos(protocols: bgp))
        let result = workspace.labgen(["import", "lab", "--output", "demo.swift"])
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: workspace.path("demo.swift").path))
        let errors = result.err.split(separator: "\n").filter { $0.contains("error:") }
        #expect(
            errors == [
                "clab.yaml:29:9: error: exec 'ip link add vrf1 type vrf table 10': labgen writes only the node's address "
                    + "and default route [LG070]",
                "startup-conf/gw0-boot.cfg:32:19: error: VyOS 'protocols bgp system-as 65001' is not in labgen's gateway "
                    + "config [LG070]",
                "error: labgen's model cannot express 2 constructs of lab; nothing was written",
            ])
    }

    @Test func namesBecomeSwiftStringLiteralsThatCannotInjectCode() throws {
        #expect(LabSwiftWriter.literal(#"a"b\c"#) == #""a\"b\\c""#)
        #expect(LabSwiftWriter.literal("x\ny\r\t\u{1}") == #""x\ny\r\t\u{1}""#)
        #expect(LabSwiftWriter.literal(#"\(exit(1))"#) == #""\\(exit(1))""#)
        // A path with a line break stays inside its comment.
        #expect(LabSwiftWriter.commentLines("from a\nexit(1)\r//") == ["// from a exit(1) //"])
        // A lab file written from a name that tries to close the literal compiles, and the name is
        // checked by labgen as data (a model error), not run as code.
        var spec = LabSpec(
            name: "x\") }\nlet y = Lab(\"\\(1)", location: SourceLocation(file: "lab.swift", line: 1, column: 1))
        spec.clusters.append(
            ClusterSpec(
                name: "c", image: nil, podSubnet: nil, serviceSubnet: nil, disableDefaultCNI: false, kubeProxyMode: nil,
                location: spec.location))
        let workspace = try Workspace()
        try LabSwiftWriter.write(spec).write(to: workspace.path("lab.swift"), atomically: true, encoding: .utf8)
        let build = Self.build(workspace, ["build", "lab.swift", "--output", "built"])
        #expect(build.status == 1)
        #expect(!build.all.contains("does not compile"), "\(build.all)")
        #expect(build.all.contains("must be a DNS label") && build.all.contains("[LG100]"), "\(build.all)")
    }

    @Test func importNeverWritesThroughALink() throws {
        let workspace = try Workspace()
        try Self.write(workspace)
        try "keep\n".write(to: workspace.path("target.swift"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            at: workspace.path("link.swift"), withDestinationURL: workspace.path("target.swift"))
        let result = workspace.labgen(["import", "lab", "--output", "link.swift"])
        #expect(result.status == 2)
        #expect(result.err.contains("is a symbolic link"))
        #expect(try String(contentsOf: workspace.path("target.swift"), encoding: .utf8) == "keep\n")
    }

    @Test func helpDescribesImport() {
        let workspace = try! Workspace()
        let help = workspace.labgen(["import", "--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("USAGE: labgen import"))
        #expect(help.out.contains("nothing is"))
        #expect(help.out.contains("--output <file>"))
        #expect(workspace.labgen(["--help"]).out.contains("import"))
    }
}

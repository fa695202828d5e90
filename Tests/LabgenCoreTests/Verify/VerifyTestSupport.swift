import LabModel
import Testing

@testable import LabgenCore

/// A minimal consistent lab as artifact texts: two racks, four kind nodes, one VyOS gateway,
/// a Calico pool with CrossSubnet, the calico-node patch and the bridge script.
/// Tests change one line to make one fault.
struct TestLab {
    var kind = """
        kind: Cluster
        apiVersion: kind.x-k8s.io/v1alpha4
        name: demo
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
                node-ip: 10.1.5.10
                node-labels: "rack=rack0"
        - role: worker
          kubeadmConfigPatches:
          - |
            kind: JoinConfiguration
            nodeRegistration:
              kubeletExtraArgs:
                node-ip: 10.1.5.11
                node-labels: "rack=rack0"
        - role: worker
          kubeadmConfigPatches:
          - |
            kind: JoinConfiguration
            nodeRegistration:
              kubeletExtraArgs:
                node-ip: 10.1.8.10
                node-labels: "rack=rack1"
        containerdConfigPatches:
        - |-
          [plugins."io.containerd.grpc.v1.cri".registry.mirrors."192.168.2.100:5000"]
            endpoint = ["http://192.168.2.100:5000"]

        """

    var clab = """
        name: demo
        topology:
          nodes:
            gw0:
              kind: linux
              image: 192.168.2.100:5000/vyos/vyos:1.4.9
              binds:
                - ./startup-conf/gw0-boot.cfg:/opt/vyatta/etc/config/config.boot
            br-pool0:
              kind: bridge
            br-pool1:
              kind: bridge
            server1:
              kind: linux
              network-mode: container:demo-control-plane
              exec:
              - ip addr add 10.1.5.10/24 dev net0
              - ip route replace default via 10.1.5.1
            server2:
              kind: linux
              network-mode: container:demo-worker
              exec:
              - ip addr add 10.1.5.11/24 dev net0
              - ip route replace default via 10.1.5.1
            server3:
              kind: linux
              network-mode: container:demo-worker2
              exec:
              - ip addr add 10.1.8.10/24 dev net0
              - ip route replace default via 10.1.8.1
          links:
            - endpoints: ["br-pool0:br-pool0-net0", "server1:net0"]
              mtu: 1500
            - endpoints: ["br-pool0:br-pool0-net1", "server2:net0"]
              mtu: 1500
            - endpoints: ["br-pool1:br-pool1-net0", "server3:net0"]
              mtu: 1500
            - endpoints: ["gw0:eth1", "br-pool0:br-pool0-net2"]
              mtu: 1500
            - endpoints: ["gw0:eth2", "br-pool1:br-pool1-net2"]
              mtu: 1500

        """

    var vyos = """
        interfaces {
            ethernet eth1 {
                address "10.1.5.1/24"
            }
            ethernet eth2 {
                address "10.1.8.1/24"
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
                        address "10.1.0.0/16"
                    }
                    translation {
                        address "masquerade"
                    }
                }
            }
        }

        """

    var pool = """
        apiVersion: projectcalico.org/v3
        kind: IPPool
        metadata:
          name: default-ipv4-ippool
        spec:
          cidr: 10.244.0.0/16
          blockSize: 26
          ipipMode: CrossSubnet
          vxlanMode: Never
          natOutgoing: true

        """

    var calicoNode = """
        spec:
          template:
            spec:
              containers:
              - name: calico-node
                env:
                - name: IP_AUTODETECTION_METHOD
                  value: cidr=10.1.5.0/24,10.1.8.0/24

        """

    var bridges = """
        #!/bin/sh
        set -eu
        BRIDGES='br-pool0 br-pool1'
        for br in $BRIDGES; do
            ip link show "$br" >/dev/null 2>&1 || ip link add name "$br" type bridge
        done

        """

    var extra: [(String, String)] = []

    var files: [(path: String, text: String)] {
        [
            ("kind.yaml", kind), ("demo.clab.yaml", clab), ("startup-conf/gw0-boot.cfg", vyos),
            ("calico/ippool.yaml", pool), ("calico/calico-node-patch.yaml", calicoNode), ("bridges.sh", bridges),
        ] + extra
    }

    var facts: LabFacts { LabFacts.read(files) }
    var diagnostics: [Diagnostic] { Verifier.verify(facts) }

    /// Replaces the one occurrence of `old` in the text at `path` (the test fails if there is not exactly one).
    mutating func replace(_ old: String, with new: String, in keyPath: WritableKeyPath<TestLab, String>) {
        let text = self[keyPath: keyPath]
        let count = text.components(separatedBy: old).count - 1
        #expect(count == 1, "'\(old)' occurs \(count) times")
        self[keyPath: keyPath] = text.replacingOccurrences(of: old, with: new)
    }
}

extension String {
    func components(separatedBy separator: String) -> [Substring] {
        var parts: [Substring] = []
        var rest = self[...]
        while let range = rest.range(of: separator) {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        parts.append(rest)
        return parts
    }

    func replacingOccurrences(of old: String, with new: String) -> String {
        components(separatedBy: old).joined(separator: new)
    }
}

/// The line (1-based) of the first line of `text` containing `needle`.
func line(of needle: String, in text: String, occurrence: Int = 1) -> Int {
    var seen = 0
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where line.contains(needle) {
        seen += 1
        if seen == occurrence { return index + 1 }
    }
    return -1
}

/// Expects exactly the diagnostics with `id` to be one (or `count`) at file:line.
func expectDiagnostic(
    _ diagnostics: [Diagnostic], _ id: DiagnosticID, file: String, line: Int, severity: Severity = .error,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let matching = diagnostics.filter { $0.id == id }
    #expect(!matching.isEmpty, "no \(id) among \(diagnostics.map(\.description))", sourceLocation: sourceLocation)
    #expect(
        matching.contains { $0.location?.file == file && $0.location?.line == line && $0.severity == severity },
        "expected \(id) \(severity) at \(file):\(line), got \(matching.map(\.description))",
        sourceLocation: sourceLocation)
}

import LabModel
import Testing

@testable import LabgenCore

/// A routed spine/leaf fabric as hand-written files: one VyOS 1.2 spine (`protocols bgp 500`), two VyOS 1.4
/// leaves (`system-as`, a peer group towards the spine) that announce their rack and peer iBGP with the rack's
/// kind node, and the nodes' side in Calico (`calicoFiles`) or Cilium (`ciliumFiles`). Tests change one line
/// to make one fault.
struct BGPFabricLab {
    var kind = """
        kind: Cluster
        apiVersion: kind.x-k8s.io/v1alpha4
        name: fab
        networking:
          disableDefaultCNI: true
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
                node-ip: 10.1.8.10
                node-labels: "rack=rack1"

        """

    var clab = """
        name: fab
        topology:
          nodes:
            spine0:
              kind: linux
              image: vyos/vyos:1.2.8
              binds:
                - ./startup-conf/spine0-boot.cfg:/opt/vyatta/etc/config/config.boot
            leaf0:
              kind: linux
              image: vyos/vyos:1.4.7
              binds:
                - ./startup-conf/leaf0-boot.cfg:/opt/vyatta/etc/config/config.boot
            leaf1:
              kind: linux
              image: vyos/vyos:1.4.7
              binds:
                - ./startup-conf/leaf1-boot.cfg:/opt/vyatta/etc/config/config.boot
            br-leaf0:
              kind: bridge
            br-leaf1:
              kind: bridge
            server1:
              kind: linux
              network-mode: container:fab-control-plane
              exec:
              - ip addr add 10.1.5.10/24 dev net0
              - ip route replace default via 10.1.5.1
            server2:
              kind: linux
              network-mode: container:fab-worker
              exec:
              - ip addr add 10.1.8.10/24 dev net0
              - ip route replace default via 10.1.8.1
          links:
            - endpoints: ["br-leaf0:br-leaf0-net0", "server1:net0"]
              mtu: 1500
            - endpoints: ["br-leaf1:br-leaf1-net0", "server2:net0"]
              mtu: 1500
            - endpoints: ["leaf0:eth1", "spine0:eth1"]
              mtu: 1500
            - endpoints: ["leaf1:eth1", "spine0:eth2"]
              mtu: 1500
            - endpoints: ["leaf0:eth3", "br-leaf0:br-leaf0-net1"]
              mtu: 1500
            - endpoints: ["leaf1:eth3", "br-leaf1:br-leaf1-net1"]
              mtu: 1500

        """

    var spine = """
        interfaces {
            ethernet eth1 {
                address 10.1.10.2/24
            }
            ethernet eth2 {
                address 10.1.11.2/24
            }
        }
        protocols {
            bgp 500 {
                maximum-paths {
                    ebgp 2
                }
                neighbor 10.1.10.1 {
                    remote-as 65005
                }
                neighbor 10.1.11.1 {
                    remote-as 65008
                }
                parameters {
                    router-id 10.1.10.2
                }
            }
        }

        """

    var leaf0 = """
        interfaces {
            ethernet eth1 {
                address "10.1.10.1/24"
            }
            ethernet eth3 {
                address "10.1.5.1/24"
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
        protocols {
            bgp {
                address-family {
                    ipv4-unicast {
                        network 10.1.5.0/24 {
                        }
                    }
                }
                neighbor 10.1.5.10 {
                    address-family {
                        ipv4-unicast {
                            route-reflector-client
                        }
                    }
                    remote-as "65005"
                }
                neighbor 10.1.10.2 {
                    peer-group "SPINES"
                }
                parameters {
                    bestpath {
                        as-path {
                            multipath-relax
                        }
                    }
                }
                peer-group SPINES {
                    remote-as "500"
                }
                system-as "65005"
            }
        }

        """

    var leaf1Override: String?
    var leaf1: String {
        get {
            leaf1Override
                ?? leaf0.replacingOccurrences(of: "10.1.5.", with: "10.1.8.")
                .replacingOccurrences(of: "10.1.10.", with: "10.1.11.").replacingOccurrences(of: "65005", with: "65008")
        }
        set { leaf1Override = newValue }
    }

    var calicoPeers = """
        apiVersion: projectcalico.org/v3
        kind: BGPConfiguration
        metadata:
          name: default
        spec:
          nodeToNodeMeshEnabled: false
        ---
        apiVersion: projectcalico.org/v3
        kind: BGPPeer
        metadata:
          name: rack0-tor
        spec:
          peerIP: 10.1.5.1
          asNumber: 65005
          nodeSelector: rack == "rack0"
        ---
        apiVersion: crd.projectcalico.org/v1
        kind: BGPPeer
        metadata:
          name: rack1-tor
        spec:
          peerIP: 10.1.8.1
          asNumber: 65008
          nodeSelector: rack == 'rack1'

        """

    var annotate = """
        #!/bin/bash
        kubectl annotate node fab-control-plane projectcalico.org/ASNumber=65005 --overwrite
        kubectl annotate node fab-worker projectcalico.org/ASNumber=65008 --overwrite

        """

    var cilium = """
        #!/bin/bash
        helm install cilium cilium/cilium --version 1.16.5 --namespace kube-system --set bgpControlPlane.enabled=true
        cat <<EOF | kubectl apply -f -
        ---
        apiVersion: "cilium.io/v2alpha1"
        kind: CiliumBGPPeeringPolicy
        metadata:
          name: rack0
        spec:
          nodeSelector:
            matchLabels:
              rack: rack0
          virtualRouters:
          - localASN: 65005
            exportPodCIDR: true
            neighbors:
            - peerAddress: "10.1.5.1/32"
              peerASN: 65005
        ---
        apiVersion: cilium.io/v2
        kind: CiliumBGPClusterConfig
        metadata:
          name: rack1
        spec:
          nodeSelector:
            matchLabels:
              rack: rack1
          bgpInstances:
          - name: rack1
            localASN: 65008
            peers:
            - name: leaf1
              peerASN: 65008
              peerAddress: 10.1.8.1
              peerConfigRef:
                name: leaf
        EOF

        """

    enum CNI { case calico, cilium }
    var cni = CNI.calico

    var files: [(path: String, text: String)] {
        let common = [
            ("kind.yaml", kind), ("clab.yaml", clab), ("startup-conf/spine0-boot.cfg", spine),
            ("startup-conf/leaf0-boot.cfg", leaf0), ("startup-conf/leaf1-boot.cfg", leaf1),
        ]
        switch cni {
        case .calico: return common + [("calico/bgp.yaml", calicoPeers), ("4-annotate.sh", annotate)]
        case .cilium: return common + [("3-install-cilium.sh", cilium)]
        }
    }

    var facts: LabFacts { LabFacts.read(files) }
    var diagnostics: [Diagnostic] { Verifier.verify(facts) }
    var problems: [Diagnostic] { diagnostics.filter { $0.severity != .note } }
    func found(_ id: DiagnosticID) -> [Diagnostic] { diagnostics.filter { $0.id == id } }

    mutating func replace(_ old: String, with new: String, in keyPath: WritableKeyPath<BGPFabricLab, String>) {
        let text = self[keyPath: keyPath]
        let count = text.components(separatedBy: old).count - 1
        #expect(count == 1, "'\(old)' occurs \(count) times")
        self[keyPath: keyPath] = text.replacingOccurrences(of: old, with: new)
    }
}

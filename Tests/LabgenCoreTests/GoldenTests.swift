import Foundation
import LabKit
import LabModel
import Testing

@testable import LabgenCore

/// Golden files: each renderer's output for a few labs, compared as text with a unified diff.
/// Set `LABGEN_UPDATE_GOLDEN=1` to rewrite them after a deliberate change, then review the diff.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ lab: Lab, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let compiled = Pipeline.compile(lab.spec)
        #expect(
            compiled.diagnostics.isEmpty, "\(compiled.diagnostics.map(\.description))", sourceLocation: sourceLocation)
        let rendered = try #require(compiled.rendered, sourceLocation: sourceLocation)
        let base = folder.appendingPathComponent(rendered.name)
        let update = ProcessInfo.processInfo.environment["LABGEN_UPDATE_GOLDEN"] == "1"
        var expected = Set<String>()
        for artifact in rendered.artifacts {
            let url = base.appendingPathComponent(artifact.path)
            expected.insert(artifact.path)
            if update {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try artifact.contents.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let golden = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            let diff = UnifiedDiff.diff(
                old: golden, new: artifact.contents, oldName: "Golden/\(rendered.name)/\(artifact.path)",
                newName: "rendered")
            #expect(
                diff.isEmpty, "renderer output differs from the golden file:\n\(diff)", sourceLocation: sourceLocation)
        }
        let present = FileManager.default.enumerator(atPath: base.path)?.allObjects.compactMap { $0 as? String } ?? []
        for path in present where !expected.contains(path) {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: base.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                #expect(update, "golden file \(path) is no longer rendered", sourceLocation: sourceLocation)
            }
        }
    }
}

@Suite("Renderers against golden files")
struct GoldenTests {
    /// Flannel ipip with DirectRouting in one rack (no LG042 note): flannel/net-conf.yaml, lab.sh's install.
    @Test func flannel() throws {
        try Golden.check(
            Lab("golden-flannel") {
                Cluster("golden-flannel", image: "kindest/node:v1.29.2", podSubnet: "10.42.0.0/16") {
                    Flannel(.ipip, directRouting: true, version: "v0.27.4")
                }
                Gateway("gw0", vyos: "1.4.9") { Masquerade(source: "10.1.1.0/24") }
                Rack("rack0", subnet: "10.1.1.0/24") {
                    Node(.controlPlane)
                    Node(.worker)
                }
            })
    }

    /// Cilium in geneve tunnel with cluster-pool IPAM and kube-proxy replacement, an MTU: cilium/values.yaml,
    /// kind's kubeProxyMode none, lab.sh's helm install.
    @Test func cilium() throws {
        try Golden.check(
            Lab("golden-cilium") {
                Topology(mtu: 9000)
                Cluster("golden-cilium", image: "kindest/node:v1.29.2") {
                    Cilium(
                        routing: .tunnel(.geneve), ipam: .clusterPool("10.100.0.0/16", maskSize: 25),
                        kubeProxyReplacement: true)
                }
                Gateway("gw0", vyos: "1.4.9") { Masquerade(source: "10.1.0.0/16") }
                Rack("rack0", subnet: "10.1.1.0/24") { Node(.controlPlane) }
                Rack("rack1", subnet: "10.1.2.0/24") { Node(.worker) }
            })
    }

    /// Both VyOS dialects, a registry, several racks, labels and an MTU.
    @Test func twoDialects() throws {
        try Golden.check(
            Lab("golden-crux") {
                Registry(mirror: "registry.lab:5000", insecure: true)
                Topology(mtu: 1450)
                Cluster("golden", image: "kindest/node:v1.29.2", serviceSubnet: "10.96.0.0/16") {
                    // Manifest mode: calico/ippool.yaml and the calico-node patch with the pool's environment.
                    Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet), install: .manifest(version: "v3.28.2"))
                }
                Gateway("edge", vyos: "1.2.9") {
                    Masquerade(source: "10.1.0.0/16")
                }
                Rack("rack-a", subnet: "10.1.1.0/24") {
                    Node(.controlPlane, labels: ["topology.kubernetes.io/zone": "a"])
                    Node(.worker)
                }
                Rack("rack-b", subnet: "10.1.2.0/24") {
                    Node(.worker, address: "10.1.2.20")
                }
            })
        try Golden.check(
            Lab("golden-sagitta") {
                Cluster("golden2") {
                    Calico(pool: PodPool("10.200.0.0/16", blockSize: 24, vxlan: .always, natOutgoing: false))
                }
                Gateway("core", vyos: "1.4.9", image: "vyos/vyos:1.4.9")
                Rack("r1", subnet: "192.168.10.0/24") { Node(.controlPlane) }
                Rack("r2", subnet: "192.168.20.0/24") { Node(.worker) }
            })
    }

    /// The 1.3 (equuleus) and 1.5 (circinus) dialects: a hand-written static route on 1.3, and two
    /// 1.5 gateways (one taking its release from the image tag) with the routes between them.
    @Test func equuleusAndCircinus() throws {
        try Golden.check(
            Lab("golden-equuleus") {
                Registry(mirror: "registry.lab:5000", insecure: true)
                Topology(mtu: 1450)
                Cluster("golden3", image: "kindest/node:v1.29.2") {
                    Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet))
                }
                Gateway("edge", vyos: "1.3.8") {
                    Masquerade(source: "10.1.0.0/16")
                    StaticRoute("10.9.0.0/16", via: "10.1.1.254")
                }
                Rack("rack-a", subnet: "10.1.1.0/24") {
                    Node(.controlPlane)
                    Node(.worker)
                }
                Rack("rack-b", subnet: "10.1.2.0/24") { Node(.worker) }
            })
        try Golden.check(
            Lab("golden-circinus") {
                NodePool("10.2.0.0/16", rackPrefix: 24)
                Cluster("golden4") {
                    Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet))
                }
                Gateway("core", image: "vyos/vyos:1.5-rolling-202412060007")
                Gateway("edge", vyos: "1.5.0")
                Rack("r1", router: "core") { Node(.controlPlane) }
                Rack("r2", router: "edge") { Node(.worker) }
            })
    }

    /// A kind-only lab: only kind.yaml and lab.json (no racks, no gateway).
    @Test func kindOnly() throws {
        try Golden.check(
            Lab("golden-kind-only") {
                Registry(mirror: "192.168.2.100:5000", insecure: true)
                Cluster("kindonly") {
                    Calico(pool: PodPool("10.244.0.0/16", ipip: .always))
                    Node(.controlPlane)
                    Node(.worker)
                    Node(.worker)
                }
            })
    }
}

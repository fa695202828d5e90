import LabKit
import LabModel
import Testing

@testable import LabgenCore

/// Issue 10, "diagnostics that point at the wrong place or say the wrong thing": disabled pools,
/// the LG008 note and count, one error for an unsupported VyOS release, no LG900 for a release
/// with a newline.
@Suite struct DiagnosticPlacementTests {
    // MARK: - Disabled pools

    @Test("an enabled and a disabled pool, with and without podSubnet, build; the disabled one is written disabled")
    func disabledPoolBuilds() throws {
        for podSubnet in ["10.244.0.0/16", nil] as [String?] {
            let lab = Lab("dis") {
                Cluster("dis", image: "kindest/node:v1.27.3", podSubnet: podSubnet) {
                    PodPool("10.244.0.0/16", ipip: .crossSubnet)
                    PodPool("10.245.0.0/16", disabled: true)
                }
                Gateway("gw0", vyos: "1.4.9")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
                Rack("rack1", subnet: "10.1.6.0/24") { Node(.worker) }
            }
            let compiled = Pipeline.compile(lab.spec)
            #expect(compiled.diagnostics.isEmpty, "\(compiled.diagnostics.map(\.description))")
            // The default install is the operator's: a disabled pool takes no new allocations.
            let installation = try #require(
                compiled.rendered?.artifact(at: ArtifactPaths.calicoInstallation)?.contents)
            #expect(
                installation.contains(
                    "    - name: ippool-1\n      cidr: 10.245.0.0/16\n"),
                "\(installation)")
            #expect(
                installation.contains("      nodeSelector: all()\n      disableNewAllocations: true\n"),
                "\(installation)")
            // kubeadm's pod subnet is the written one, or the smallest that holds every pool.
            let expected = podSubnet ?? "10.244.0.0/15"
            #expect(compiled.plan?.cluster?.podSubnet.description == expected)
            let kind = try #require(compiled.rendered?.artifact(at: ArtifactPaths.kindConfig)?.contents)
            #expect(kind.contains("podSubnet: \(expected)"))
        }
    }

    @Test("a cluster whose pools are all disabled is LG130 at the first pool")
    func allPoolsDisabled() {
        let poolLine = #line + 3
        let lab = Lab("dis") {
            Cluster("dis") {
                PodPool("10.244.0.0/16", disabled: true)
            }
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
        let compiled = Pipeline.compile(lab.spec)
        #expect(compiled.diagnostics.map(\.id.rawValue) == ["LG130"])
        #expect(compiled.diagnostics.first?.location?.line == poolLine)
        #expect(
            compiled.diagnostics.first?.message
                == "every pod pool of cluster 'dis' is disabled: Calico assigns pod addresses only from enabled pools, "
                + "so no pod would start; enable one (remove disabled: true) or add an enabled PodPool")
    }

    @Test("a disabled pool still may not overlap a rack subnet (LG107)")
    func disabledPoolStillChecked() {
        let lab = Lab("dis") {
            Cluster("dis") {
                PodPool("10.244.0.0/16")
                PodPool("10.1.0.0/16", disabled: true)
            }
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
        #expect(Pipeline.compile(lab.spec).diagnostics.map(\.id.rawValue) == ["LG107"])
    }

    // MARK: - LG008

    @Test("LG008 on three rack pools: each warning's note is its own pool, and three racks are three subnets")
    func lg008NamesItsPool() throws {
        let firstPoolLine = #line + 4
        let lab = Lab("pools") {
            NodePool("10.1.0.0/16", rackPrefix: 24)
            Cluster("pools", image: "kindest/node:v1.27.3") {
                PodPool("10.244.0.0/24", rack: "rack0")
                PodPool("10.244.1.0/24", rack: "rack1")
                PodPool("10.244.2.0/24", rack: "rack2")
            }
            Gateway("gw0", vyos: "1.4.9")
            Gateway("gw1", vyos: "1.4.9")
            Rack("rack0", router: "gw0") { Node(.controlPlane) }
            Rack("rack1", router: "gw0") { Node(.worker) }
            Rack("rack2", router: "gw1") { Node(.worker) }
        }
        let compiled = Pipeline.compile(lab.spec)
        let warnings = compiled.diagnostics.filter { $0.id.rawValue == "LG008" }
        #expect(warnings.count == 3, "\(compiled.diagnostics.map(\.description))")
        for (index, warning) in warnings.enumerated() {
            #expect(
                warning.message.hasPrefix(
                    "Calico pool 'rack\(index)-ippool' encapsulates nothing but the nodes are in 3 subnets"))
            let note = try #require(warning.notes.last)
            #expect(note.message == "pod pool 'rack\(index)-ippool' is declared here")
            #expect(note.location?.line == firstPoolLine + index)
        }
    }

    @Test("CrossSubnet with one rack behind two gateways: one node subnet, the transit link does not count")
    func crossSubnetCountsNodeSubnetsOnly() {
        let lab = Lab("one") {
            NodePool("10.1.0.0/16", rackPrefix: 24)
            Cluster("one", image: "kindest/node:v1.27.3") {
                PodPool("10.244.0.0/16", ipip: .crossSubnet)
            }
            Gateway("gw0", vyos: "1.4.9")
            Gateway("gw1", vyos: "1.4.9")
            Rack("rack0", router: "gw0") {
                Node(.controlPlane)
                Node(.worker)
            }
        }
        let messages = Pipeline.compile(lab.spec).diagnostics.filter { $0.id.rawValue == "LG008" }.map(\.message)
        #expect(
            messages == [
                "Calico pool 'default-ipv4-ippool' uses CrossSubnet but the nodes are in 1 subnet: "
                    + "nothing is ever encapsulated"
            ])
    }

    // MARK: - VyOS releases

    @Test(
        "an unsupported VyOS release is one error (LG116), not also LG110 for the racks it routes",
        arguments: ["1.1.8", "2.0"])
    func unsupportedReleaseIsOneError(release: String) {
        let gatewayLine = #line + 5
        let lab = Lab("old") {
            Cluster("old") {
                PodPool("10.244.0.0/16", ipip: .crossSubnet)
            }
            Gateway("gw0", vyos: release)
            Rack("rack0", subnet: "10.1.5.0/24", router: "gw0") { Node(.controlPlane) }
            Rack("rack1", subnet: "10.1.6.0/24", router: "gw0") { Node(.worker) }
        }
        let diagnostics = Pipeline.compile(lab.spec).diagnostics
        #expect(diagnostics.map(\.id.rawValue) == ["LG116"], "\(diagnostics.map(\.description))")
        #expect(diagnostics.first?.location?.line == gatewayLine)
    }

    @Test("a rack naming a gateway nobody declared is still LG110")
    func undeclaredGatewayIsStillReported() {
        let lab = Lab("gone") {
            Cluster("gone") { PodPool("10.244.0.0/16") }
            Gateway("gw0", vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24", router: "gw9") { Node(.controlPlane) }
        }
        #expect(Pipeline.compile(lab.spec).diagnostics.map(\.id.rawValue) == ["LG110"])
    }

    @Test("a newline in a release (with an explicit image) is LG116 at the gateway, never LG900")
    func newlineInReleaseIsNotInternal() {
        let gatewayLine = #line + 3
        let lab = Lab("nl") {
            Cluster("nl") { PodPool("10.244.0.0/16") }
            Gateway("gw0", vyos: "1.4-rolling\n2023", image: "vyos/vyos:1.4")
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
        let diagnostics = Pipeline.compile(lab.spec).diagnostics
        #expect(diagnostics.map(\.id.rawValue) == ["LG116"], "\(diagnostics.map(\.description))")
        #expect(diagnostics.first?.location?.line == gatewayLine)
        #expect(
            diagnostics.first?.message
                == "'1.4-rolling\\u{A}2023' is not a VyOS release such as 1.2.8, 1.3.8, 1.4.9, 1.5.0 or "
                + "1.5-rolling-202412060007: the part after '-' may hold only letters, digits, '.' and '-'")
    }
}

import Foundation
import LabKit
import LabModel
import TemplateLabs
import Testing

@testable import LabgenCore

/// Golden files of the routed-fabric renderers: both fabric templates, and a spine/leaf fabric on VyOS
/// 1.2 (`protocols bgp <asn>`) with allocated /31 links, a plain host and Cilium's successor BGP API.
@Suite("Routed fabrics against golden files")
struct FabricGoldenTests {
    static func template(_ name: String) throws -> Lab {
        try #require(templateLabs.first { $0.lab.spec.name == name }).lab
    }

    @Test func ciliumBGPControlPlaneTemplate() throws {
        try Golden.check(try Self.template("cilium-bgp-control-plane"))
    }

    @Test func calicoBGPSpineLeafTemplate() throws {
        try Golden.check(try Self.template("calico-bgp-spine-leaf"))
    }

    @Test func flannelManualHostGatewayTemplate() throws {
        try Golden.check(try Self.template("flannel-manual-host-gateway"))
    }

    /// 1.2 dialect, LinkPool /31s with default interfaces, a plain host, rack AS numbers of their own
    /// (eBGP to the leaf), and Cilium 1.18's CiliumBGPClusterConfig/PeerConfig/Advertisement (cilium.io/v2).
    @Test func cruxFabricWithCiliumV2() throws {
        try Golden.check(
            Lab("golden-fabric-crux") {
                Cluster("golden-fabric", image: "kindest/node:v1.31.0", podSubnet: "10.244.0.0/16") {
                    Cilium(routing: .native(), bgp: CiliumBGP(announceServices: false, gracefulRestart: nil))
                }
                LinkPool("10.0.255.0/24", prefixLength: 31)
                Router("spine0", asn: 65100, vyos: "1.2.8")
                Router("leaf0", asn: 65001, vyos: "1.2.8")
                Router("leaf1", asn: 65002, vyos: "1.2.8")
                Link("leaf0", "spine0")
                Link("leaf1", "spine0", mtu: 1500)
                Rack("rack0", subnet: "10.1.5.0/24", router: "leaf0", asn: 64601) { Node(.controlPlane) }
                Rack("rack1", subnet: "10.1.8.0/24", router: "leaf1", asn: 64602) { Node(.worker) }
                PlainHost("probe", address: "10.9.0.10/24", router: "spine0")
            })
    }
}

/// The fabric passes' results, beside the golden files.
@Suite struct FabricResolverTests {
    @Test func leafPeersItsSpinesAndItsNodesAndRelaxesMultipath() throws {
        let plan = try #require(Resolver.resolve(try FabricGoldenTests.template("cilium-bgp-control-plane").spec).plan)
        let leaf0 = try #require(plan.gateways.first { $0.name == "leaf0" })
        let bgp = try #require(leaf0.bgp)
        #expect(bgp.asn == 65005)
        #expect(
            bgp.neighbors.map { "\($0.address) \($0.remoteAS) \($0.routeReflectorClient)" } == [
                "10.1.5.10 65005 true", "10.1.5.11 65005 true", "10.1.10.2 500 false", "10.1.12.2 800 false",
            ])
        #expect(bgp.networks.map(\.description) == ["10.1.5.0/24", "10.1.10.0/24", "10.1.12.0/24"])
        #expect(bgp.multipathRelax)
        // Links first (eth1, eth2), then the rack (eth3), every interface at the router's MTU.
        #expect(
            leaf0.interfaces.map { "\($0.name) \($0.address) \($0.mtu ?? 0)" } == [
                "eth1 10.1.10.1/24 9000", "eth2 10.1.12.1/24 9000", "eth3 10.1.5.1/24 9000",
            ])
        #expect(plan.racks.map(\.asn) == [65005, 65008])
        #expect(plan.transit == nil)
    }

    @Test func linkPoolHandsOutSlash31sInLinkOrder() throws {
        let plan = try #require(
            Resolver.resolve(
                Lab("pool") {
                    LinkPool("10.0.255.0/24")
                    Router("ra", vyos: "1.4.9")
                    Router("rb", vyos: "1.4.9")
                    Link("ra", "rb")
                    Link("ra", "rb", subnet: "10.0.255.0/31")
                    PlainHost("h1", address: "10.2.0.10/24", router: "rb")
                }.spec
            ).plan)
        // The written /31 is skipped by the pool; the allocated one is the next.
        #expect(
            plan.links.map { "\($0.a.interface) \($0.a.address) \($0.b.interface) \($0.b.address)" } == [
                "eth1 10.0.255.2/31 eth1 10.0.255.3/31", "eth2 10.0.255.0/31 eth2 10.0.255.1/31",
            ])
        #expect(
            plan.hosts.map { "\($0.name) \($0.address) via \($0.defaultGateway) on rb:\($0.routerInterface)" } == [
                "h1 10.2.0.10/24 via 10.2.0.1 on rb:eth3"
            ])
        #expect(plan.cluster == nil)
    }

    @Test func twoUnlinkedRoutersWithOneASAreAWarningAtTheSecond() {
        let line = #line + 7
        let diagnostics = Resolver.resolve(
            Lab("shared-as") {
                Cluster("shared-as")
                LinkPool("10.0.255.0/24")
                Router("spine", asn: 65100, vyos: "1.4.9")
                Router("leaf0", asn: 65001, vyos: "1.4.9")
                Router("leaf1", asn: 65001, vyos: "1.4.9")
                Link("leaf0", "spine")
                Link("leaf1", "spine")
                Rack("rack0", subnet: "10.1.5.0/24", router: "leaf0") { Node(.controlPlane) }
                Rack("rack1", subnet: "10.1.8.0/24", router: "leaf1") { Node(.worker) }
            }.spec
        ).diagnostics
        #expect(diagnostics.map(\.id.rawValue) == ["LG165"], "\(diagnostics)")
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.location?.line == line)
    }

    @Test func calicoNodesOfARackWithAnotherASAreAnnotated() throws {
        let plan = try #require(Resolver.resolve(try FabricGoldenTests.template("calico-bgp-spine-leaf").spec).plan)
        #expect(plan.cluster?.calico?.bgp?.asNumber == 64601)
        let steps = LabCommands(plan: plan).calicoInstall.map { $0.arguments.joined(separator: " ") }
        #expect(
            steps.filter { $0.contains("annotate") } == [
                "--context kind-calico-bgp-spine-leaf annotate --overwrite node calico-bgp-spine-leaf-worker2 projectcalico.org/ASNumber=64602",
                "--context kind-calico-bgp-spine-leaf annotate --overwrite node calico-bgp-spine-leaf-worker3 projectcalico.org/ASNumber=64602",
            ])
        #expect(steps.last == "--context kind-calico-bgp-spine-leaf apply -f calico/bgp.yaml")
    }

    @Test func ciliumBGPAPIFollowsTheRelease() {
        #expect(CiliumBGPAPI(version: "1.14.0-rc.0") == .peeringPolicy)
        #expect(CiliumBGPAPI(version: "1.15.6") == .peeringPolicy)
        #expect(CiliumBGPAPI(version: "1.16.0") == .clusterConfigV2Alpha1)
        #expect(CiliumBGPAPI(version: "1.18.0").apiVersion == "cilium.io/v2")
    }
}

import LabKit
import LabModel
import Testing

@testable import LabgenCore

/// Resolves and renders a lab that must have no diagnostics.
func renderedWithoutDiagnostics(_ lab: Lab) throws -> (LabPlan, RenderedLab) {
    let compiled = Pipeline.compile(lab.spec)
    #expect(compiled.diagnostics.isEmpty, "\(compiled.diagnostics.map(\.description).joined(separator: "\n"))")
    return (try #require(compiled.plan), try #require(compiled.rendered))
}

/// Three racks, two gateways, everything allocated from the node pool.
func threeRackTwoGatewayLab(transit: Transit? = nil, gw1Transit: String? = nil, route: StaticRoute? = nil) -> Lab {
    Lab("two-gateways") {
        NodePool("10.1.0.0/16", rackPrefix: 24)
        if let transit { transit }
        Cluster("two-gateways") { Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet)) }
        Gateway("gw0", vyos: "1.4.9")
        Gateway("gw1", vyos: "1.2.8", transit: gw1Transit) {
            if let route { route }
        }
        Rack("rack0", router: "gw0") { Node(.controlPlane) }
        Rack("rack1", router: "gw0") { Node(.worker) }
        Rack("rack2", router: "gw1") { Node(.worker) }
    }
}

@Suite("Labs with more than one gateway")
struct MultiGatewayTests {
    @Test func transitLinkAndRoutesBetweenGateways() throws {
        let (plan, rendered) = try renderedWithoutDiagnostics(threeRackTwoGatewayLab())
        let transit = try #require(plan.transit)
        #expect(transit.subnet == IPv4Prefix("10.1.255.248/29"))
        #expect(transit.bridge == "br-transit")
        #expect(transit.members.map(\.address.description) == ["10.1.255.249", "10.1.255.250"])
        let gw0 = plan.gateways[0]
        let gw1 = plan.gateways[1]
        // Rack interfaces first, then the transit interface.
        #expect(gw0.interfaces.map(\.name) == ["eth1", "eth2", "eth3"])
        #expect(gw0.interfaces.map(\.address.description) == ["10.1.0.1/24", "10.1.1.1/24", "10.1.255.249/29"])
        #expect(gw1.interfaces.map(\.address.description) == ["10.1.2.1/24", "10.1.255.250/29"])
        #expect(gw0.interfaces.last?.bridgePort == "br-transit-net0")
        #expect(gw1.interfaces.last?.bridgePort == "br-transit-net1")
        // Each gateway routes the other's racks via the other's transit address.
        #expect(
            gw0.staticRoutes == [
                StaticRoutePlan(destination: IPv4Prefix("10.1.2.0/24")!, nextHop: IPv4Address("10.1.255.250")!)
            ])
        #expect(
            gw1.staticRoutes == [
                StaticRoutePlan(destination: IPv4Prefix("10.1.0.0/24")!, nextHop: IPv4Address("10.1.255.249")!),
                StaticRoutePlan(destination: IPv4Prefix("10.1.1.0/24")!, nextHop: IPv4Address("10.1.255.249")!),
            ])
        // The masquerade default is still the node pool, never the transit subnet alone.
        #expect(gw0.masquerades.map(\.source.description) == ["10.1.0.0/16"])

        let clab = try #require(rendered.artifact(at: "two-gateways.clab.yaml")).contents
        #expect(clab.contains("    br-transit:\n      kind: bridge\n"))
        #expect(clab.contains("- endpoints: [gw0:eth3, br-transit:br-transit-net0]"))
        #expect(clab.contains("- endpoints: [gw1:eth2, br-transit:br-transit-net1]"))
        let bridgesScript = try #require(rendered.artifact(at: "bridges.sh")).contents
        #expect(
            bridgesScript.contains(
                "    bridge_up 'br-pool0'\n    bridge_up 'br-pool1'\n    bridge_up 'br-pool2'\n    bridge_up 'br-transit'\n"
            ))
        let gw0Set = try #require(rendered.artifact(at: "startup-conf/gw0.cfg")).contents
        #expect(gw0Set.contains("set interfaces ethernet eth3 address '10.1.255.249/29'"))
        #expect(gw0Set.contains("set protocols static route 10.1.2.0/24 next-hop 10.1.255.250"))
        let gw1Boot = try #require(rendered.artifact(at: "startup-conf/gw1-boot.cfg")).contents
        #expect(gw1Boot.contains("route 10.1.0.0/24 {\n            next-hop 10.1.255.249 {"))
    }

    @Test func writtenTransitAddressesAndRoutes() throws {
        let lab = threeRackTwoGatewayLab(
            transit: Transit("192.168.100.0/29", bridge: "br-core"), gw1Transit: "192.168.100.6",
            route: StaticRoute("10.1.0.0/23", via: "192.168.100.1"))
        let (plan, rendered) = try renderedWithoutDiagnostics(lab)
        #expect(plan.transit?.members.map(\.address.description) == ["192.168.100.1", "192.168.100.6"])
        #expect(plan.transit?.members.map(\.addressOrigin) == [.allocated, .explicit])
        // The written route comes first; automatic routes to the same destinations are not added
        // (10.1.0.0/23 is not the same destination as 10.1.0.0/24, so those stay).
        #expect(
            plan.gateways[1].staticRoutes.map(\.destination.description) == [
                "10.1.0.0/23", "10.1.0.0/24", "10.1.1.0/24",
            ])
        #expect(rendered.artifact(at: "bridges.sh")?.contents.contains("br-core") == true)
        // The racks take the pool from its start; the transit is outside the pool.
        #expect(plan.racks.map(\.subnet.description) == ["10.1.0.0/24", "10.1.1.0/24", "10.1.2.0/24"])
    }

    @Test func writtenRouteReplacesTheAutomaticOne() throws {
        let lab = threeRackTwoGatewayLab(route: StaticRoute("10.1.0.0/24", via: "10.1.255.249"))
        let (plan, _) = try renderedWithoutDiagnostics(lab)
        #expect(plan.gateways[1].staticRoutes.map(\.destination.description) == ["10.1.0.0/24", "10.1.1.0/24"])
    }

    @Test func withoutNodePoolMasqueradeCoversEachGatewaysRacks() throws {
        let lab = Lab("two-gateways") {
            Transit("10.1.255.0/29")
            Cluster("two-gateways") { Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet)) }
            Gateway("gw0", vyos: "1.4.9")
            Gateway("gw1", vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24", router: "gw0") { Node(.controlPlane) }
            Rack("rack1", subnet: "10.1.8.0/24", router: "gw0") { Node(.worker) }
            Rack("rack2", subnet: "10.1.9.0/24", router: "gw1") { Node(.worker) }
        }
        let (plan, _) = try renderedWithoutDiagnostics(lab)
        #expect(plan.gateways[0].masquerades.map(\.source.description) == ["10.1.5.0/24", "10.1.8.0/24"])
        #expect(plan.gateways[0].masquerades.map(\.rule) == [100, 101])
        #expect(plan.gateways[1].masquerades.map(\.source.description) == ["10.1.9.0/24"])
    }

    @Test func mistakesInMultiGatewayLabs() {
        let line = #line + 4
        let noTransitSubnet = Lab("test") {
            Cluster("test")
            Gateway("gw0", vyos: "1.4.9")
            Gateway("gw1", vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24", router: "gw0") { Node(.controlPlane) }
            Rack("rack1", subnet: "10.1.8.0/24", router: "gw1") { Node(.worker) }
        }
        let found = diagnostics(noTransitSubnet)
        #expect(found.map(\.id.rawValue) == ["LG102"])
        #expect(found.first?.location?.line == line)
        // A second gateway without racks needs no transit subnet (nothing to route to it).
        let idleGateway = Lab("test") {
            Cluster("test")
            Gateway("gw0", vyos: "1.4.9")
            Gateway("gw1", vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24", router: "gw0") { Node(.controlPlane) }
        }
        #expect(diagnostics(idleGateway).isEmpty)

        let lonelyTransit = Lab("test") {
            NodePool("10.1.0.0/16")
            Transit()
            Cluster("test")
            Gateway("gw0", vyos: "1.4.9")
            Rack("rack0") { Node(.controlPlane) }
        }
        #expect(diagnostics(lonelyTransit).map(\.id.rawValue) == ["LG115"])

        let transitOverlapsRack = Lab("test") {
            Transit("10.1.5.0/29")
            Cluster("test")
            Gateway("gw0", vyos: "1.4.9")
            Gateway("gw1", vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24", router: "gw0") { Node(.controlPlane) }
        }
        #expect(diagnostics(transitOverlapsRack).map(\.id.rawValue).contains("LG106"))

        let transitAddressOutside = threeRackTwoGatewayLab(transit: Transit("10.9.0.0/29"), gw1Transit: "10.9.1.1")
        #expect(diagnostics(transitAddressOutside).map(\.id.rawValue) == ["LG103"])

        let nextHopNowhere = threeRackTwoGatewayLab(route: StaticRoute("10.2.0.0/16", via: "172.16.0.1"))
        #expect(diagnostics(nextHopNowhere).map(\.id.rawValue) == ["LG103"])

        let missingRouter = Lab("test") {
            NodePool("10.1.0.0/16")
            Cluster("test")
            Gateway("gw0", vyos: "1.4.9")
            Gateway("gw1", vyos: "1.4.9")
            Rack("rack0") { Node(.controlPlane) }
        }
        #expect(diagnostics(missingRouter).map(\.id.rawValue) == ["LG110"])
    }
}

import LabKit
import LabModel
import Testing

@testable import LabgenCore

/// VyOS 1.3 and later run an ethernet interface without `mtu` at 1500, while containerlab gives
/// the link 9500 unless the topology says otherwise: labgen writes the link MTU on 1.3+ gateways,
/// and `verify` warns (LG056) when a hand-written gateway port is left at VyOS's default.
@Suite struct VyOSDefaultMTUTests {
    static func lab(vyos: String, mtu: Int? = nil) -> Lab {
        Lab("mtu") {
            if let mtu { Topology(mtu: mtu) }
            Cluster("mtu") { Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet)) }
            Gateway("gw0", vyos: vyos)
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane, address: "10.1.5.10") }
            Rack("rack1", subnet: "10.1.8.0/24") { Node(.worker, address: "10.1.8.10") }
        }
    }

    static func files(_ lab: Lab) throws -> [(path: String, text: String)] {
        let rendered = try #require(Pipeline.compile(lab.spec).rendered)
        return rendered.artifacts.map { ($0.path, $0.contents) }
    }

    @Test(arguments: ["1.3.8", "1.4.9", "1.5.0"])
    func gatewaysFrom13OnGetTheLinkMTU(release: String) throws {
        let plan = try resolvedPlan(Self.lab(vyos: release))
        #expect(plan.gateways[0].interfaces.map(\.mtu) == [9500, 9500])
        let files = try Self.files(Self.lab(vyos: release))
        let commands = try #require(files.first { $0.path == "startup-conf/gw0.cfg" }).text
        #expect(commands.contains("set interfaces ethernet eth1 mtu '9500'\n"))
        #expect(commands.contains("set interfaces ethernet eth2 mtu '9500'\n"))
        #expect(!Verifier.verify(LabFacts.read(files)).contains { $0.id == RuleID.linkMTU })
    }

    @Test func release12AndALinkMTUOf1500WriteNoMTU() throws {
        #expect(try resolvedPlan(Self.lab(vyos: "1.2.8")).gateways[0].interfaces.map(\.mtu) == [nil, nil])
        #expect(try resolvedPlan(Self.lab(vyos: "1.4.9", mtu: 1500)).gateways[0].interfaces.map(\.mtu) == [nil, nil])
        #expect(try resolvedPlan(Self.lab(vyos: "1.4.9", mtu: 9000)).gateways[0].interfaces.map(\.mtu) == [9000, 9000])
    }

    @Test func aLinkMTUVyOSCannotRunIsAnErrorAtTheGateway() throws {
        let found = diagnostics(Self.lab(vyos: "1.4.9", mtu: 20000))
        let error = try #require(found.first { $0.id == ModelCheck.invalidMTU.id })
        #expect(error.message.contains("link MTU 20000"))
        #expect(error.location?.file.hasSuffix("VyOSDefaultMTUTests.swift") == true)
    }

    /// A hand-written 1.4 gateway without `mtu` on a 9500 link: the nodes' large frames are dropped.
    @Test func aGatewayPortLeftAtVyOSDefaultIsAWarningAtTheGatewayInterface() throws {
        var files = try Self.files(Self.lab(vyos: "1.4.9"))
        files = files.map { file in
            guard file.path.hasPrefix("startup-conf/") else { return file }
            return (
                file.path,
                file.text.replacingOccurrences(of: "        mtu \"9500\"\n", with: "")
                    .replacingOccurrences(of: "set interfaces ethernet eth1 mtu '9500'\n", with: "")
                    .replacingOccurrences(of: "set interfaces ethernet eth2 mtu '9500'\n", with: "")
            )
        }
        let found = Verifier.verify(LabFacts.read(files)).filter { $0.id == RuleID.linkMTU }
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found.contains { $0.location?.file == "startup-conf/gw0-boot.cfg" && $0.message.contains("1500") })
    }
}

import Foundation
import LabModel
import Testing

@testable import LabgenCore

/// `labgen check`'s list of what changed in the picture, compared by element, not by text.
@Suite("Picture changes")
struct PictureDiffTests {
    @Test func sameLabNoChanges() throws {
        let plan = try PictureLabs.plan("calico-ipip-crosssubnet-2gw")
        #expect(PictureDiff.summary(old: plan, new: plan).isEmpty)
        // lab.json round trip: the picture of the decoded plan is the same.
        let decoded = try LabModelRenderer.decode(LabModelRenderer.encode(plan))
        #expect(PictureDiff.summary(old: decoded, new: plan).isEmpty)
        #expect(TopologyPicture.svg(decoded) == TopologyPicture.svg(plan))
    }

    @Test func relabelledAddedAndRemovedElementsAndLinks() throws {
        let old = try PictureLabs.plan("calico-ipip-crosssubnet")
        var new = old
        new.cluster!.nodes[1].attachment!.address = try #require(IPv4Interface(parsing: "10.1.5.12/24"))
        new.racks[1].bridge = "br-other"
        new.gateways[0].interfaces[1].name = "eth7"
        let removed = new.racks[1].nodeNames.removeLast()
        new.cluster!.nodes.removeAll { $0.name == removed }
        new.cluster!.pools[0].ipipMode = .always
        #expect(
            PictureDiff.summary(old: old, new: new) == [
                "node calico-ipip-crosssubnet-worker relabelled: "
                    + "'calico-ipip-crosssubnet-worker, worker, 10.1.5.11/24, server server2' -> "
                    + "'calico-ipip-crosssubnet-worker, worker, 10.1.5.12/24, server server2'",
                "rack rack1 relabelled: 'rack1, 10.1.8.0/24, bridge br-pool1' -> 'rack1, 10.1.8.0/24, bridge br-other'",
                "pool default-ipv4-ippool relabelled: "
                    + "'pod pool default-ipv4-ippool, 10.244.0.0/16, blocks /26, IPIP CrossSubnet, natOutgoing, "
                    + "nodes all()' -> 'pod pool default-ipv4-ippool, 10.244.0.0/16, blocks /26, IPIP Always, "
                    + "natOutgoing, nodes all()'",
                "node calico-ipip-crosssubnet-worker3 removed "
                    + "(calico-ipip-crosssubnet-worker3, worker, 10.1.8.11/24, server server4)",
                "link gateway gw0 -- rack rack1 relabelled: 'eth2 10.1.8.1/24' -> 'eth7 10.1.8.1/24'",
                "link rack rack1 -- node calico-ipip-crosssubnet-worker3 removed (net0)",
            ])
        // outside, gw0, two racks, three nodes, one pool; NAT, two rack links, three node links.
        #expect(PictureDiff.summary(old: nil, new: new) == ["new picture: 8 elements, 6 links"])
    }
}

import Foundation
import LabKit
import LabModel
import Testing

@testable import LabgenCore

/// The lab's picture without external tools: well-formed SVG, every node in it, no boxes or labels
/// on top of one another, names that cannot inject markup, and the Mermaid text.
@Suite("Topology picture")
struct TopologyPictureTests {
    static var labs: [LabPlan] {
        PictureLabs.plans + [Pipeline.compile(PictureLabs.threeGateways.spec).plan].compactMap { $0 }
    }

    @Test("the SVG is well-formed XML and shows every node's name, role, address and server", arguments: labs)
    func svgShowsEveryNode(plan: LabPlan) throws {
        let svg = TopologyPicture.svg(plan)
        let parsed = try #require(SVGText.parse(svg), "topology.svg of \(plan.name) is not well-formed XML")
        let layout = TopologyLayout(TopologyGraph(plan))
        #expect(parsed.rootAttributes["width"] == "\(layout.width)")
        #expect(parsed.rootAttributes["height"] == "\(layout.height)")
        #expect(parsed.rootAttributes["viewBox"] == "0 0 \(layout.width) \(layout.height)")
        for node in plan.nodes {
            #expect(parsed.texts.contains(node.name), "\(plan.name): node \(node.name) is not in the SVG")
            #expect(parsed.texts.contains(node.role.rawValue))
            if let attachment = node.attachment {
                #expect(parsed.texts.contains("\(attachment.address)"), "\(plan.name): \(attachment.address)")
                #expect(parsed.texts.contains("server \(attachment.server)"))
                #expect(parsed.texts.contains(attachment.interface))
            }
        }
        for rack in plan.racks {
            #expect(parsed.texts.contains(rack.name))
            #expect(parsed.texts.contains("\(rack.subnet)"))
            #expect(parsed.texts.contains("bridge \(rack.bridge)"))
        }
        for gateway in plan.gateways {
            #expect(parsed.texts.contains(gateway.name))
            for interface in gateway.interfaces {
                #expect(
                    parsed.texts.contains("\(interface.name) \(interface.address)"), "\(gateway.name) \(interface.name)"
                )
            }
            for rule in gateway.masquerades {
                #expect(
                    parsed.texts.contains {
                        $0.hasPrefix("\(rule.outbound): masquerade") && $0.contains("\(rule.source)")
                    })
            }
        }
        if let transit = plan.transit {
            #expect(parsed.texts.contains("transit \(transit.bridge)"))
            #expect(parsed.texts.contains("\(transit.subnet)"))
        }
        for pool in plan.cluster?.pools ?? [] {
            #expect(parsed.texts.contains("pod pool \(pool.name)"))
            #expect(parsed.texts.contains("\(pool.cidr), blocks /\(pool.blockSize)"))
            #expect(parsed.texts.contains(TopologyGraph.encapsulation(pool)))
        }
        // Nothing to fetch: no external reference of any kind.
        #expect(!svg.contains("href") && !svg.contains("@import") && !svg.contains("<script") && !svg.contains("url("))
    }

    @Test("boxes, labels and captions do not overlap and stay inside the picture", arguments: labs)
    func nothingOverlaps(plan: LabPlan) {
        let layout = TopologyLayout(TopologyGraph(plan))
        var rects: [(String, TopologyLayout.Rect)] = layout.boxes.map { ("box \($0.element.key)", $0.rect) }
        rects += layout.links.map { ("label of \($0.link.key)", $0.labelRect) }
        rects += layout.captions.map { ("caption \($0.text)", $0.rect) }
        let canvas = TopologyLayout.Rect(x: 0, y: 0, width: layout.width, height: layout.height)
        for (index, (name, rect)) in rects.enumerated() {
            #expect(canvas.contains(rect), "\(plan.name): \(name) \(rect) is outside the picture")
            for (otherName, other) in rects[(index + 1)...] where rect.overlaps(other) {
                // The outside band is the one box links end on; everything else is apart.
                Issue.record("\(plan.name): \(name) \(rect) overlaps \(otherName) \(other)")
            }
        }
        // Columns: each frame holds its rack and nodes, and frames do not overlap.
        #expect(layout.frames.count == TopologyGraph(plan).columns.count)
        for (frame, column) in zip(layout.frames, TopologyGraph(plan).columns) {
            for element in [column.head] + column.nodes {
                let box = layout.boxes.first { $0.element.id == element.id }
                #expect(box.map { frame.contains($0.rect) } == true, "\(plan.name): \(element.key) outside its column")
            }
        }
        for (index, frame) in layout.frames.enumerated() {
            for other in layout.frames[(index + 1)...] { #expect(!frame.overlaps(other)) }
            for box in layout.boxes where box.element.kind == .gateway || box.element.kind == .pool {
                #expect(!frame.overlaps(box.rect), "\(plan.name): \(box.element.key) on a column")
            }
        }
        // Every text fits its box with the estimated character width.
        for box in layout.boxes {
            let widest = ([box.element.title] + box.element.lines).map(TopologyLayout.columns).max() ?? 0
            #expect(widest * TopologyLayout.charWidth + 2 * TopologyLayout.padding <= box.rect.width)
        }
    }

    @Test("gateways above their racks, outside on top, pools at the bottom")
    func verticalOrder() throws {
        for plan in Self.labs {
            let layout = TopologyLayout(TopologyGraph(plan))
            func rects(_ kind: TopologyGraph.ElementKind) -> [TopologyLayout.Rect] {
                layout.boxes.filter { $0.element.kind == kind }.map(\.rect)
            }
            let outsideBottom = rects(.outside).map(\.bottom).max() ?? 0
            let gatewayTop = rects(.gateway).map(\.y).min() ?? Int.max
            let gatewayBottom = rects(.gateway).map(\.bottom).max() ?? 0
            let columnTop = (rects(.rack) + rects(.network)).map(\.y).min() ?? Int.max
            let columnBottom = (rects(.node) + rects(.rack)).map(\.bottom).max() ?? 0
            let poolTop = rects(.pool).map(\.y).min() ?? Int.max
            #expect(outsideBottom < gatewayTop && gatewayBottom < columnTop && columnBottom < poolTop, "\(plan.name)")
        }
    }

    @Test("the picture is byte-stable and the same as the artifacts the build writes")
    func byteStable() throws {
        for plan in PictureLabs.plans {
            let rendered = try Renderer.render(plan)
            #expect(rendered.artifact(at: "topology.svg")?.contents == TopologyPicture.svg(plan))
            #expect(rendered.artifact(at: "topology.md")?.contents == TopologyPicture.markdown(plan))
            #expect(TopologyPicture.svg(plan) == TopologyPicture.svg(plan))
        }
    }

    @Test("the Mermaid flowchart: outside, gateways, racks as subgraphs, labelled links")
    func mermaidOfTheReferenceLab() throws {
        let plan = try PictureLabs.plan("calico-ipip-crosssubnet")
        let text = TopologyPicture.mermaid(plan)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "flowchart TB")
        #expect(lines.contains("  out([\"outside<br/>source NAT (masquerade) of the gateways\"])"))
        #expect(lines.contains("  g0[\"gw0<br/>VyOS 1.4.9\"]"))
        #expect(lines.contains("  subgraph c0 [\"rack0\"]"))
        #expect(lines.contains("    r0[/\"rack0<br/>10.1.5.0/24<br/>bridge br-pool0\"/]"))
        #expect(
            lines.contains(
                "    n0(\"calico-ipip-crosssubnet-control-plane<br/>control-plane<br/>10.1.5.10/24"
                    + "<br/>server server1\")"
            ))
        #expect(lines.contains("  out -.-|\"eth0: masquerade 10.1.0.0/16\"| g0"))
        #expect(lines.contains("  g0 ---|\"eth1 10.1.5.1/24\"| r0"))
        #expect(lines.contains("  g0 ---|\"eth2 10.1.8.1/24\"| r1"))
        #expect(lines.contains("  r1 ---|\"net0\"| n3"))
        #expect(lines.contains { $0.contains("IPIP CrossSubnet") })
        let markdown = TopologyPicture.markdown(plan)
        #expect(markdown.hasPrefix("# Topology of lab 'calico-ipip-crosssubnet'\n"))
        #expect(markdown.contains("\n```mermaid\n" + text + "```\n"))
    }

    @Test("the transit link and both gateways' interfaces in the two-gateway lab")
    func twoGateways() throws {
        let plan = try PictureLabs.plan("calico-ipip-crosssubnet-2gw")
        let text = TopologyPicture.mermaid(plan)
        #expect(text.contains("  t[(\"transit br-transit<br/>10.1.255.248/29\")]\n"))
        #expect(text.contains("  g0 ---|\"eth3 10.1.255.249/29\"| t\n"))
        #expect(text.contains("  g1 ---|\"eth2 10.1.255.250/29\"| t\n"))
        #expect(text.contains("  g1 ---|\"eth1 10.1.2.1/24\"| r2\n"))
        // In the SVG the transit box sits between the gateways, in their row.
        let layout = TopologyLayout(TopologyGraph(plan))
        let box = { (id: String) in layout.boxes.first { $0.element.id == id }!.rect }
        #expect(box("g0").right < box("t").x && box("t").right < box("g1").x)
        #expect(box("t").y == box("g0").y)
    }
}

@Suite("Topology picture of Flannel and Cilium labs")
struct TopologyPictureCNITests {
    @Test func flannelAndCiliumLabsShowTheirPodNetwork() throws {
        let flannel = TopologyGraph(try PictureLabs.plan("flannel-host-gw"))
        #expect(flannel.poolCaption?.hasPrefix("Flannel pod network of kind cluster") == true)
        #expect(
            flannel.pools.map(\.lines) == [
                ["Network 10.244.0.0/16 (a /24 per node)", "backend host-gw", "Flannel v0.28.10"]
            ])
        let cilium = TopologyGraph(try PictureLabs.plan("cilium-vxlan"))
        #expect(cilium.poolCaption?.hasPrefix("Cilium pod network of kind cluster") == true)
        #expect(cilium.pools.first?.lines.first == "tunnel vxlan")
        let svg = TopologyPicture.svg(try PictureLabs.plan("cilium-native-routing"))
        #expect(svg.contains("native routing 10.244.0.0/16"))
    }
}

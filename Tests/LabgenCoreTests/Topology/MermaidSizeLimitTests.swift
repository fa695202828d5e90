import LabKit
import LabModel
import Testing

@testable import LabgenCore

/// Mermaid refuses diagrams over its `maxTextSize` (50,000 characters): a large lab's topology.md
/// draws the first nodes of each rack, as many as fit, and counts the others; topology.svg keeps all.
@Suite("Topology picture: Mermaid's size limit")
struct MermaidSizeLimitTests {
    static func lab(racks: Int, nodesPerRack: Int) throws -> LabPlan {
        let lab = Lab("big-picture") {
            NodePool("10.0.0.0/8", rackPrefix: 24)
            Cluster("big-picture", podSubnet: "172.16.0.0/12") {
                Calico(pool: PodPool("172.16.0.0/12", ipip: .crossSubnet))
            }
            Gateway("gw0", vyos: "1.4.9")
            for r in 0..<racks {
                Rack("rack\(r)") {
                    for n in 0..<nodesPerRack {
                        if r == 0 && n == 0 { Node(.controlPlane) } else { Node(.worker) }
                    }
                }
            }
        }
        return try #require(Pipeline.compile(lab.spec).plan)
    }

    @Test func aSmallLabIsDrawnWhole() throws {
        let plan = try Self.lab(racks: 2, nodesPerRack: 3)
        let chart = TopologyMermaidRenderer.fittedFlowchart(TopologyGraph(plan))
        #expect(chart.nodesPerColumn == nil)
        #expect(!chart.text.contains("more node"))
        #expect(TopologyPicture.markdown(plan).contains("is the same picture as an image"))
    }

    @Test func aLargeLabShowsTheFirstNodesOfEachRackWithinTheLimit() throws {
        let perRack = 150
        let plan = try Self.lab(racks: 5, nodesPerRack: perRack)
        let graph = TopologyGraph(plan)
        let chart = TopologyMermaidRenderer.fittedFlowchart(graph)
        let shown = try #require(chart.nodesPerColumn, "750 nodes: \(chart.text.utf16.count) characters")
        #expect(shown > 0 && shown < perRack)
        #expect(chart.text.utf16.count <= TopologyMermaidRenderer.maximumTextSize)
        // The largest count that fits: one more node per rack would not.
        let parts = TopologyMermaidRenderer.Parts(graph)
        #expect(parts.size(nodesPerColumn: shown) == chart.text.utf16.count)
        #expect(parts.size(nodesPerColumn: shown + 1) > TopologyMermaidRenderer.maximumTextSize)
        for (index, column) in graph.columns.enumerated() {
            #expect(chart.text.contains("    m\(index)[\"… \(perRack - shown) more nodes\"]\n"), "rack \(index)")
            #expect(chart.text.contains("    \(column.head.id) --- m\(index)\n"))
            let drawn = column.nodes.prefix(shown).filter { chart.text.contains("    \($0.id)(") }
            #expect(drawn.count == shown, "rack \(index)")
            // Neither the other nodes nor their links are drawn.
            let hidden = column.nodes.dropFirst(shown).filter {
                chart.text.contains("    \($0.id)(") || chart.text.contains("| \($0.id)\n")
            }
            #expect(hidden.isEmpty, "rack \(index): \(hidden.map(\.id))")
        }
        let markdown = TopologyPicture.markdown(plan)
        #expect(markdown.contains("this diagram shows the first \(shown) nodes of each rack"))
        #expect(markdown.contains("\n```mermaid\n" + chart.text + "```\n"))
        #expect(TopologyPicture.mermaid(plan) == chart.text)
        // The SVG still has every node.
        let svg = TopologyPicture.svg(plan)
        #expect(plan.nodes.filter { !svg.contains(">\($0.name)</text>") }.isEmpty)
    }
}

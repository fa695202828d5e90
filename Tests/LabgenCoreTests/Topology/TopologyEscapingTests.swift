import Foundation
import LabKit
import LabModel
import Testing

@testable import LabgenCore

/// Names that hold markup cannot inject anything into the SVG, the Mermaid text or the Markdown.
@Suite("Topology picture escaping")
struct TopologyEscapingTests {
    static let hostile = "x\"/><script>alert('&amp;')</script>`|#quot;]]\\"

    /// The reference lab with markup in every name the picture shows (a plan can hold any text,
    /// whatever the model checks let through).
    static func hostilePlan() throws -> LabPlan {
        var plan = try PictureLabs.plan("calico-ipip-crosssubnet-2gw")
        plan.name = "lab " + hostile
        plan.racks[0].name = "rack " + hostile
        plan.racks[0].bridge = "br " + hostile
        for index in plan.gateways[0].interfaces.indices where plan.gateways[0].interfaces[index].rack == "rack0" {
            plan.gateways[0].interfaces[index].rack = plan.racks[0].name
            plan.gateways[0].interfaces[index].name = "eth " + hostile
        }
        plan.gateways[1].name = "gw " + hostile
        plan.cluster!.nodes[0].name = "node " + hostile
        plan.racks[0].nodeNames[0] = plan.cluster!.nodes[0].name
        plan.cluster!.nodes[0].attachment!.rack = plan.racks[0].name
        plan.cluster!.nodes[0].attachment!.server = "server " + hostile
        plan.cluster!.nodes[0].attachment!.interface = "if " + hostile
        plan.cluster!.pools[0].name = "pool " + hostile
        plan.cluster!.pools[0].nodeSelector = "rack == \"" + hostile + "\""
        return plan
    }

    @Test func svgKeepsNamesAsText() throws {
        let plan = try Self.hostilePlan()
        let svg = TopologyPicture.svg(plan)
        let parsed = try #require(SVGText.parse(svg), "not well-formed:\n\(svg)")
        #expect(!svg.contains("<script"))
        // The parser gives back each name exactly as it was.
        for text in [
            "node " + Self.hostile, "rack " + Self.hostile, "bridge br " + Self.hostile, "gw " + Self.hostile,
            "server server " + Self.hostile, "if " + Self.hostile, "pod pool pool " + Self.hostile,
            "lab 'lab " + Self.hostile + "'",
        ] {
            #expect(parsed.texts.contains(text), "\(text) is not a text of the SVG")
        }
        #expect(parsed.texts.contains { $0.hasPrefix("eth " + Self.hostile + " 10.1.0.1/24") })
        // The only elements are the picture's own.
        let tags = Set(svg.matches(of: /<([a-zA-Z?\/]+)/).map { String($0.1) })
        #expect(
            tags.isSubset(of: [
                "?xml", "svg", "/svg", "title", "/title", "rect", "text", "/text", "polyline", "g", "/g",
            ]))
    }

    @Test func invisibleCharactersAreShownEscaped() throws {
        var plan = try PictureLabs.plan("calico-ipip-crosssubnet")
        plan.racks[0].name = "rack\u{202E}0\u{0007}"
        let svg = TopologyPicture.svg(plan)
        #expect(SVGText.parse(svg) != nil)
        #expect(svg.contains("rack\\u{202E}0\\u{7}"))
        #expect(!svg.unicodeScalars.contains { $0.value == 0x202E || $0.value == 7 })
    }

    @Test func mermaidLabelsAreQuotedAndEscaped() throws {
        let plan = try Self.hostilePlan()
        let text = TopologyPicture.mermaid(plan)
        let escaped = "x#quot;/#gt;#lt;script#gt;alert('#amp;amp;')#lt;/script#gt;#96;#124;#35;quot;]]#92;"
        #expect(text.contains("node " + escaped))
        #expect(!text.contains("<script") && !text.contains("`"))
        for line in text.split(separator: "\n") {
            // Outside the quoted labels, a line holds only labgen's ids, shapes, arrows and keywords.
            let bare = line.replacing(/"[^"]*"/, with: "\"\"")
            #expect(
                bare.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || " []()/|\"-.~".contains($0)) }, "\(line)"
            )
            // Quotes come in pairs: every label ends where labgen ends it.
            #expect(line.filter { $0 == "\"" }.count % 2 == 0, "\(line)")
            #expect(!line.contains("<") || line.contains("<br/>"))
        }
    }

    @Test func markdownCannotCloseTheFence() throws {
        var plan = try Self.hostilePlan()
        plan.name = "```\n# [x](javascript:1) <b>"
        let markdown = TopologyPicture.markdown(plan)
        let fences = markdown.split(separator: "\n").filter { $0.hasPrefix("```") }
        #expect(fences == ["```mermaid", "```"])
        #expect(markdown.hasPrefix("# Topology of lab '\\`\\`\\`\\\\u\\{A\\}\\# \\[x\\]\\(javascript:1\\) \\<b\\>'\n"))
    }
}

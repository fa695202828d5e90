import LabModel

/// topology.svg: the lab's picture as a self-contained SVG (no scripts, no external fonts or
/// images: a generic monospace font), laid out by `TopologyLayout`.
enum TopologySVGRenderer {
    struct Style {
        var fill: String
        var stroke: String
    }

    static func style(_ kind: TopologyGraph.ElementKind) -> Style {
        switch kind {
        case .outside: Style(fill: "#fff4e0", stroke: "#c77700")
        case .gateway: Style(fill: "#e3f0fc", stroke: "#1d5fa8")
        case .transit: Style(fill: "#fde8ef", stroke: "#b0305c")
        case .rack: Style(fill: "#e6f4e7", stroke: "#2e7d32")
        case .node: Style(fill: "#ffffff", stroke: "#555555")
        case .network: Style(fill: "#eeeeee", stroke: "#666666")
        case .pool: Style(fill: "#f2e8f7", stroke: "#6a3d9a")
        }
    }

    static func linkStyle(_ kind: TopologyGraph.LinkKind) -> String {
        switch kind {
        case .nat: "stroke=\"#c77700\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\""
        case .transit: "stroke=\"#b0305c\" stroke-width=\"2\""
        case .rack: "stroke=\"#1d5fa8\" stroke-width=\"1.5\""
        case .node: "stroke=\"#2e7d32\" stroke-width=\"1.5\""
        }
    }

    static func svg(_ layout: TopologyLayout) -> String {
        // Names appear only as element text, never in attributes.
        let x = MarkupEscaping.xmlText
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(layout.width)" height="\(layout.height)" \
            viewBox="0 0 \(layout.width) \(layout.height)" font-family="monospace" \
            font-size="\(TopologyLayout.fontSize)">

            """
        out += "<title>\(x(layout.captions.first?.text ?? ""))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(layout.width)\" height=\"\(layout.height)\" fill=\"#ffffff\"/>\n"
        for frame in layout.frames {
            out +=
                "<rect x=\"\(frame.x)\" y=\"\(frame.y)\" width=\"\(frame.width)\" height=\"\(frame.height)\" rx=\"8\" "
            out += "fill=\"#f6f8f6\" stroke=\"#b8c8b8\" stroke-dasharray=\"4 3\"/>\n"
        }
        for caption in layout.captions {
            let weight = caption.fontSize > TopologyLayout.fontSize ? " font-weight=\"bold\"" : ""
            out += "<text x=\"\(caption.rect.x)\" y=\"\(caption.rect.y + caption.rect.height - 4)\" "
            out += "font-size=\"\(caption.fontSize)\"\(weight)>\(x(caption.text))</text>\n"
        }
        for placed in layout.links {
            let points = placed.points.map { "\($0.x),\($0.y)" }.joined(separator: " ")
            out += "<polyline points=\"\(points)\" fill=\"none\" \(linkStyle(placed.link.kind))/>\n"
        }
        for box in layout.boxes {
            let style = style(box.element.kind)
            let r = box.rect
            out += "<g>\n<rect x=\"\(r.x)\" y=\"\(r.y)\" width=\"\(r.width)\" height=\"\(r.height)\" rx=\"6\" "
            out += "fill=\"\(style.fill)\" stroke=\"\(style.stroke)\" stroke-width=\"1.5\"/>\n"
            let tx = box.centered ? r.centerX : r.x + TopologyLayout.padding
            let anchor = box.centered ? " text-anchor=\"middle\"" : ""
            for (index, line) in ([box.element.title] + box.element.lines).enumerated() {
                let weight = index == 0 ? " font-weight=\"bold\"" : ""
                out += "<text x=\"\(tx)\" y=\"\(r.y + 18 + TopologyLayout.lineHeight * index)\"\(anchor)\(weight)>"
                out += "\(x(line))</text>\n"
            }
            out += "</g>\n"
        }
        for placed in layout.links {
            let r = placed.labelRect
            out += "<rect x=\"\(r.x)\" y=\"\(r.y)\" width=\"\(r.width)\" height=\"\(r.height)\" rx=\"3\" "
            out += "fill=\"#ffffff\" fill-opacity=\"0.92\"/>\n"
            out += "<text x=\"\(r.centerX)\" y=\"\(r.y + 12)\" font-size=\"\(TopologyLayout.labelFontSize)\" "
            out += "text-anchor=\"middle\">\(x(placed.link.label))</text>\n"
        }
        return out + "</svg>\n"
    }
}

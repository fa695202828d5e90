import Foundation
import LabKit
import LabModel
import TemplateLabs
import Testing

@testable import LabgenCore

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The plans of the built-in labs, by lab name.
enum PictureLabs {
    static var plans: [LabPlan] {
        templateLabs.compactMap { Pipeline.compile($0.lab.spec).plan }
    }

    static func plan(_ name: String) throws -> LabPlan {
        try #require(plans.first { $0.name == name })
    }

    /// Three gateways, four racks (one gateway with two), long names: the transit link reaches a
    /// gateway that is not next to it.
    static var threeGateways: Lab {
        Lab("three-gateways") {
            NodePool("10.1.0.0/16", rackPrefix: 24)
            Cluster("three-gateways") {
                PodPool("10.244.0.0/24", ipip: .crossSubnet, rack: "rack-a")
                PodPool("10.244.1.0/24", vxlan: .always, rack: "rack-b")
                PodPool("10.244.2.0/24", vxlan: .crossSubnet)
            }
            Gateway("edge-a", vyos: "1.4.9") { Masquerade(source: "10.1.0.0/16") }
            Gateway("edge-b", vyos: "1.2.8") { Masquerade(source: "10.1.0.0/16") }
            Gateway("edge-c", vyos: "1.5.0")
            Rack("rack-a", router: "edge-a") {
                Node(.controlPlane)
                Node(.worker)
            }
            Rack("rack-b", router: "edge-b") { Node(.worker) }
            Rack("rack-c", router: "edge-c") {
                Node(.worker)
                Node(.worker)
                Node(.worker)
            }
            Rack("rack-d", router: "edge-a") { Node(.worker) }
        }
    }
}

/// The text content of an SVG, read with Foundation's XML parser: nil when it is not well-formed.
final class SVGText: NSObject, XMLParserDelegate {
    private(set) var texts: [String] = []
    private(set) var rootAttributes: [String: String] = [:]
    private var current: String?
    private var elements = 0

    static func parse(_ svg: String) -> SVGText? {
        let reader = SVGText()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        return parser.parse() ? reader : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elements == 0 { rootAttributes = attributes }
        elements += 1
        if name == "text" || name == "title" { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if let text = current, name == "text" || name == "title" { texts.append(text) }
        current = nil
    }
}

import LabKit
import LabModel
import LabgenTestSupport
import Testing

@testable import LabgenCore

/// Property: whatever text is written into a name or value of the DSL, the lab is either refused
/// at its DSL line by a model check (LG1nn), or it compiles and its artifacts verify clean. No
/// value may pass the model checks and only be rejected later, by a verification rule on a file
/// that is never written, or by an internal error (LG900).
@Suite("No value is rejected only after the DSL line")
struct NoLateRejectionTests {
    /// Characters that YAML, shells, VyOS, ip and containerlab treat specially, and some letters.
    static let alphabet: [Character] =
        Array(##"'"\#:{}[],&*!|>%@`?- ~=/;$()<>+^._"##) + ["\n", "\t", "é", "🙂", "\u{202E}"] + Array("abcxyz019")

    enum Field: String, CaseIterable, Sendable {
        case rack, bridge, server, gateway, release, kindImage, serverImage, gatewayImage, mirror, labelKey,
            labelValue, selector, outbound, topology, cluster, poolName, transitBridge
    }

    static func lab(_ field: Field, _ text: String) -> Lab {
        func value(_ f: Field, _ normal: String) -> String { f == field ? text : normal }
        let labels: KeyValuePairs<String, String> =
            field == .labelKey ? [text: "v"] : field == .labelValue ? ["example.com/tier": text] : [:]
        return Lab("late") {
            NodePool("10.1.0.0/16", rackPrefix: 24)
            if field == .mirror { Registry(mirror: text) }
            Topology(name: value(.topology, "late"), serverImage: field == .serverImage ? text : nil)
            Transit(bridge: value(.transitBridge, "br-transit"))
            Cluster(value(.cluster, "late"), image: field == .kindImage ? text : nil) {
                PodPool(
                    "10.244.0.0/16", name: field == .poolName ? text : nil, ipip: .crossSubnet,
                    nodeSelector: field == .selector ? text : nil)
            }
            Gateway(value(.gateway, "gw0"), vyos: value(.release, "1.4.9"), image: field == .gatewayImage ? text : nil)
            {
                Masquerade(outbound: value(.outbound, "eth0"))
            }
            Gateway("gw1", vyos: "1.2.8")
            Rack(value(.rack, "rack0"), bridge: value(.bridge, "br-pool0"), router: value(.gateway, "gw0")) {
                Node(.controlPlane, server: value(.server, "server1"), labels: labels)
                Node(.worker)
            }
            Rack("rack1", router: "gw1") { Node(.worker) }
        }
    }

    @Test(arguments: Field.allCases)
    func everyValueIsRefusedAtItsLineOrWorks(field: Field) {
        var random = SeededRandom(seed: UInt64(Field.allCases.firstIndex(of: field)!) + 1)
        for round in 0..<60 {
            let length = Int.random(in: 1...8, using: &random)
            var text = String((0..<length).map { _ in Self.alphabet.randomElement(using: &random)! })
            if round % 3 == 0 { text = "a" + text }  // many grammars need a letter first
            if round == 0 { text = "a'b" }  // the quote that once reached clab.yaml (LG013 on a file never written)
            let compiled = Pipeline.compile(Self.lab(field, text).spec)
            let errors = compiled.diagnostics.filter { $0.severity == .error }
            let late = errors.filter { !$0.id.rawValue.hasPrefix("LG1") }
            #expect(late.isEmpty, "\(field) '\(text.debugEscaped)': \(late.map(\.description))")
            for error in errors where error.id.rawValue.hasPrefix("LG1") {
                #expect(error.location?.file.hasSuffix("NoLateRejectionTests.swift") == true, "\(error)")
            }
            if errors.isEmpty { #expect(compiled.rendered != nil, "\(field) '\(text.debugEscaped)'") }
        }
    }
}

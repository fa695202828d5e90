import LabKit
import LabModel
import Testing

@testable import LabgenCore

/// A one-rack lab with the given bridge, gateway, masquerade, registry, images, labels and selector.
func grammarLab(
    bridge: String = "br-pool0", gateway: String = "gw0", vyos: String = "1.4.9", outbound: String = "eth0",
    mirror: String? = nil, image: String? = nil, labels: KeyValuePairs<String, String> = [:],
    selector: String? = nil
) -> Lab {
    Lab("grammar") {
        if let mirror { Registry(mirror: mirror) }
        Cluster("grammar", image: image) {
            Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet, nodeSelector: selector))
        }
        Gateway(gateway, vyos: vyos) { Masquerade(source: "10.1.0.0/16", outbound: outbound) }
        Rack("rack0", subnet: "10.1.5.0/24", bridge: bridge) {
            Node(.controlPlane, labels: labels)
            Node(.worker)
        }
    }
}

/// The IDs of the errors and warnings of a lab.
func ids(_ lab: Lab) -> [String] { diagnostics(lab).map { "\($0.severity == .error ? "" : "w:")\($0.id.rawValue)" } }

@Suite("Names and values checked against their consumers' grammars")
struct ToolGrammarTests {
    @Test(
        "bridge names containerlab, the shell or ip would misread are refused",
        arguments: [
            ("*", "LG122"), ("br*", "LG122"), ("~", "LG122"), ("-a", "LG122"), ("{a}", "LG122"), (";id", "LG122"),
            ("a'b", "LG122"), ("a\"b", "LG122"), ("br%d", "LG122"), ("$x", "LG122"), ("a`b", "LG122"),
            ("up", "LG122"), ("dev", "LG122"), ("type", "LG122"), ("help", "LG122"), ("name", "LG122"),
            ("master", "LG122"), ("down", "LG122"), ("a b", "LG109"), ("a/b", "LG109"),
        ])
    func refusedBridgeNames(name: String, id: String) {
        #expect(ids(grammarLab(bridge: name)) == [id], "\(diagnostics(grammarLab(bridge: name)))")
    }

    @Test func acceptedBridgeNames() {
        for name in ["br-pool0", "br.x", "br_x", "a|b", "B0", "0br"] {
            #expect(ids(grammarLab(bridge: name)).isEmpty, "\(name): \(diagnostics(grammarLab(bridge: name)))")
        }
    }

    @Test func theBridgeLengthLimitIsSaidInTheFirstMessage() throws {
        // Two nodes and the gateway: ports -net0 ... -net2, so 15 - 5 = 10 characters.
        #expect(ids(grammarLab(bridge: "abcdefghij")).isEmpty)
        for name in ["abcdefghijk", "abcdefghijklmnopq"] {
            let found = diagnostics(grammarLab(bridge: name))
            #expect(found.map(\.id.rawValue) == ["LG109"])
            let message = try #require(found.first?.message)
            #expect(message.contains("can have at most 10 characters"), "\(message)")
            #expect(message.contains("'\(name)-net2'"), "\(message)")
        }
    }

    @Test func masqueradeOutboundMustBeOneVyOSInterface() {
        for good in ["eth0", "eth1.10", "bond0", "lo", "wg0"] {
            #expect(ids(grammarLab(outbound: good)).isEmpty, "\(good)")
        }
        for bad in ["!eth0", "eth*", "eth+", "eth", "foo0", "eth0.", "eth0.1.2", "ETH0"] {
            #expect(ids(grammarLab(outbound: bad)) == ["LG123"], "\(bad): \(diagnostics(grammarLab(outbound: bad)))")
        }
        #expect(diagnostics(grammarLab(outbound: "!eth0")).first?.message.contains("every interface but") == true)
    }

    @Test func gatewayNamesFollowVyOSHostNames() {
        #expect(ids(grammarLab(gateway: "g")) == ["LG123"])
        #expect(diagnostics(grammarLab(gateway: "g")).first?.message.contains("at least two characters") == true)
        #expect(ids(grammarLab(gateway: "g0")).isEmpty)
    }

    @Test func vyosReleasesAreStrict() {
        for bad in ["01.04.9", "1.4.09", "1", "1.4.9.1", "1.4.9\nset system", "1.4-", "1.4-roll ing", "v1.4.9", ""] {
            let found = diagnostics(grammarLab(vyos: bad))
            #expect(found.map(\.id.rawValue) == ["LG116"], "\(bad.debugEscaped): \(found)")
        }
        for good in ["1.2.8", "1.4", "1.4.9", "1.4-rolling-202307070317"] {
            #expect(ids(grammarLab(vyos: good)).isEmpty, "\(good)")
        }
    }

    @Test func imageReferencesFollowTheDistributionGrammar() {
        for bad in [
            "Kindest/Node:v1", "a//b", "a:b:c", "kindest/node:", "kindest/node: v1", "/a", "a/", "a--/b",
            "a@sha256:12", "kindest/node:-x", "a..b", "UPPER",
        ] {
            #expect(ids(grammarLab(image: bad)) == ["LG121"], "\(bad): \(diagnostics(grammarLab(image: bad)))")
        }
        for good in [
            "kindest/node:v1.23.4", "kindest/node", "192.168.2.100:5000/kindest/node:v1", "localhost/a_b",
            "registry.example.com/a/b-c__d.e:1.0", "Registry.Example.com/a:1",
            "a@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "a---b",
        ] {
            #expect(ids(grammarLab(image: good)).isEmpty, "\(good): \(diagnostics(grammarLab(image: good)))")
        }
    }

    @Test func registryHostsThatDockerReadsAsAUserAreRefused() {
        #expect(ids(grammarLab(mirror: "myregistry")) == ["LG124"])
        #expect(ids(grammarLab(mirror: "http://r.example")) == ["LG100"])
        #expect(ids(grammarLab(mirror: "r-.example")) == ["LG100"])
        for good in ["localhost", "localhost:5000", "myregistry:5000", "registry.local", "192.168.2.100:5000"] {
            #expect(ids(grammarLab(mirror: good)).isEmpty, "\(good)")
        }
    }

    @Test func nodeLabels() {
        #expect(ids(grammarLab(labels: ["node-role.kubernetes.io/worker": ""])) == ["LG127"])
        #expect(ids(grammarLab(labels: ["example.k8s.io/x": "y"])) == ["LG127"])
        #expect(ids(grammarLab(labels: ["tier": "a", "tier": "b"])) == ["LG119"])
        #expect(ids(grammarLab(labels: ["-tier": "a"])) == ["LG119"])
        #expect(ids(grammarLab(labels: ["Example.com/tier": "a"])) == ["LG119"])
        for good: KeyValuePairs<String, String> in [
            ["node.kubernetes.io/pool": "a"], ["x.kubelet.kubernetes.io/y": "1"], ["topology.kubernetes.io/zone": "z1"],
            ["example.com/tier": "Web_1"], ["tier": ""],
        ] {
            #expect(ids(grammarLab(labels: good)).isEmpty, "\(good): \(diagnostics(grammarLab(labels: good)))")
        }
    }

    @Test func calicoSelectorsMustParse() {
        for bad in [
            "rack ==", "rack = \"a\"", "all(", "has(rack", "rack in {\"a\",}", "(rack == \"a\"", "rack == a",
            "rack == \"a\" &&", "&& x", "rack == \"a\" rack", "rack == \"a", "x in {'a' 'b'}",
        ] {
            #expect(ids(grammarLab(selector: bad)) == ["LG125"], "\(bad): \(diagnostics(grammarLab(selector: bad)))")
        }
        for good in [
            "all()", "rack == \"rack0\"", "rack != 'x'", "has(rack)", "!has(example.com/x)",
            "rack in {\"rack0\", 'rack0'}", "rack not in {}", "(rack == \"rack0\" || has(a)) && !(b == \"c\")",
            "tier starts with \"w\"", "tier ends with 'b' && tier contains \"e\"", "global()",
        ] {
            #expect(ids(grammarLab(selector: good)).isEmpty, "\(good): \(diagnostics(grammarLab(selector: good)))")
        }
    }

    @Test func aSelectorNamingNoRackIsAWarning() throws {
        #expect(ids(grammarLab(selector: "rack == \"rack9\"")) == ["w:LG126"])
        #expect(ids(grammarLab(selector: "rack in {\"rack0\", \"rack7\"}")) == ["w:LG126"])
        #expect(ids(grammarLab(selector: "rack != \"rack9\"")).isEmpty)
        let message = try #require(diagnostics(grammarLab(selector: "rack == \"rack9\"")).first?.message)
        #expect(message.contains("'rack9'") && message.contains("racks: rack0"), "\(message)")
    }

    @Test func selectorParserStructure() throws {
        let parsed = try CalicoSelector.parse("!(a == 'x') && b in {\"y\"} || has(c)")
        #expect(
            parsed
                == .or(
                    .and(
                        .not(.compare(key: "a", op: "==", values: ["x"])), .compare(key: "b", op: "in", values: ["y"])),
                    .has("c")))
        #expect(
            throws: CalicoSelector.ParseError(
                column: 6, message: "expected a quoted value (\"...\" or '...') before the end")
        ) {
            try CalicoSelector.parse("a == ")
        }
    }
}

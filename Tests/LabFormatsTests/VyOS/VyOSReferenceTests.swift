import LabFormats
import Testing

@Suite("VyOS reference files")
struct VyOSReferenceTests {
    @Test func cruxBootRoundTripIsByteIdentical() throws {
        let config = try VyOSReader.readBootConfig(VyOSReferenceTexts.cruxBoot)
        #expect(config.footer?.releaseVersion == "1.2.8")
        #expect(config.footer?.configVersion.hasPrefix("qos@1:dhcp-server@5:") == true)
        #expect(config.footerPosition == TextPosition(line: 71, column: 1))
        let out = try VyOSWriter.bootConfig(config, dialect: .crux)
        #expect(out == VyOSReferenceTexts.cruxBoot)
    }

    @Test func sagittaBootRoundTripIsByteIdentical() throws {
        let config = try VyOSReader.readBootConfig(VyOSReferenceTexts.sagittaBoot)
        #expect(config.footer?.releaseVersion == "1.4-rolling-202307070317")
        #expect(config.footer?.configVersion.hasPrefix("bgp@4:") == true)
        #expect(config.footerPosition == TextPosition(line: 51, column: 1))
        let out = try VyOSWriter.bootConfig(config, dialect: .sagitta)
        #expect(out == VyOSReferenceTexts.sagittaBoot)
    }

    @Test func setCommandRoundTripIsByteIdentical() throws {
        let config = try VyOSReader.readSetCommands(VyOSReferenceTexts.cruxSet)
        #expect(config.footer == nil)
        #expect(try VyOSWriter.setCommands(config) == VyOSReferenceTexts.cruxSet)
    }

    @Test func cruxTreeShapeAndPositions() throws {
        let config = try VyOSReader.readBootConfig(VyOSReferenceTexts.cruxBoot)
        #expect(config.nodes.map(\.name) == ["interfaces", "nat", "system"])
        let interfaces = try #require(config["interfaces"].first)
        let eth = interfaces["ethernet"]
        #expect(eth.map(\.value) == ["eth1", "eth2"])
        #expect(eth[0]["address"].first?.value == "10.20.1.1/24")
        #expect(eth[0]["address"].first?.position == TextPosition(line: 3, column: 9))
        #expect(eth[0]["address"].first?.valuePosition == TextPosition(line: 3, column: 17))
        let lo = try #require(interfaces["loopback"].first)
        #expect(lo.value == "lo" && lo.children == [])
        let auth = try #require(config["system"].first?["login"].first?["user"].first?["authentication"].first)
        #expect(auth["encrypted-password"].first?.value?.hasPrefix("$6$fixture.salt$") == true)
        #expect(auth["plaintext-password"].first?.value == "")
    }

    @Test func bothFormsReadIntoTheSameTree() throws {
        for (text, dialect, schema) in [
            (VyOSReferenceTexts.cruxBoot, VyOSDialect.crux, VyOSSetSchema.crux),
            (VyOSReferenceTexts.sagittaBoot, .sagitta, .sagitta),
        ] {
            var boot = try VyOSReader.readBootConfig(text)
            boot.footer = nil
            let set = try VyOSWriter.setCommands(boot)
            #expect(try VyOSReader.readSetCommands(set, schema: schema) == boot)
            // ... and the boot text of the tree read from set form is the reference body.
            let again = try VyOSWriter.bootConfig(try VyOSReader.readSetCommands(set, schema: schema), dialect: dialect)
            #expect(text.hasPrefix(again))
        }
        // The reference set file is the reference 1.2 tree without the defaults `show configuration
        // commands` leaves out.
        let fromSet = try VyOSReader.readSetCommands(VyOSReferenceTexts.cruxSet)
        var boot = try VyOSReader.readBootConfig(VyOSReferenceTexts.cruxBoot)
        boot.footer = nil
        func prune(_ nodes: [VyOSNode]) -> [VyOSNode] {
            nodes.compactMap { n in
                if (["duplex", "smp-affinity", "speed"].contains(n.name) && n.value == "auto")
                    || (n.name == "time-zone" && n.value == "UTC")
                {
                    return nil
                }
                var n = n
                n.children = n.children.map(prune)
                return n
            }
        }
        boot.nodes = prune(boot.nodes)
        #expect(fromSet == boot)
    }

    @Test func setFormUsesTheReleaseComment() throws {
        // `protocols bgp` is a tag node in 1.2 and a container in 1.4.
        let text = "set protocols bgp 65000 neighbor 10.0.0.1 remote-as '65001'\n"
        let crux = try VyOSReader.readSetCommands(text)
        #expect(crux.nodes[0]["bgp"].first?.value == "65000")
        let v14 = "# Release version: 1.4\nset protocols bgp system-as '65000'\n"
        let sagitta = try VyOSReader.readSetCommands(v14)
        let bgp = try #require(sagitta.nodes[0]["bgp"].first)
        #expect(bgp.value == nil)
        #expect(bgp["system-as"].first?.value == "65000")
    }

    @Test func setHeaderLines() throws {
        var config = try VyOSReader.readSetCommands("set system host-name 'gw0'\n")
        config.footer = VyOSFooter(configVersion: "x@1", releaseVersion: "1.4")
        let out = try VyOSWriter.setCommands(config, header: ["Release version: 1.4", "# verbatim", ""])
        #expect(out == "# Release version: 1.4\n# verbatim\n#\nset system host-name 'gw0'\n")
        #expect(VyOSReader.isSetCommands(out))
        #expect(try VyOSReader.readSetCommands(out).nodes == config.nodes)
    }
}

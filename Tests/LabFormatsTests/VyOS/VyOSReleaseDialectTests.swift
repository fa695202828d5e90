import LabFormats
import Testing

/// The 1.3 (equuleus) and 1.5 (circinus) dialects beside 1.2 and 1.4, and which release a
/// configuration says it is in.
@Suite("VyOS release dialects")
struct VyOSReleaseDialectTests {
    static let config = VyOSConfig(
        nodes: [
            VyOSNode(
                "nat",
                children: [
                    VyOSNode(
                        "source",
                        children: [
                            VyOSNode("rule", "100", children: [VyOSNode("outbound-interface", "eth0")])
                        ])
                ]),
            VyOSNode("system", children: [VyOSNode("host-name", "gw0"), VyOSNode("plaintext-password", "")]),
        ],
        footer: VyOSFooter(configVersion: "nat@5:system@21", releaseVersion: "1.3.8"))

    @Test func equuleusWritesPlainValuesBareAndTheSlashFooter() throws {
        #expect(
            try VyOSWriter.bootConfig(Self.config, dialect: .equuleus) == """
                nat {
                    source {
                        rule 100 {
                            outbound-interface eth0
                        }
                    }
                }
                system {
                    host-name gw0
                    plaintext-password ""
                }


                // Warning: Do not remove the following line.
                // vyos-config-version: "nat@5:system@21"
                // Release version: 1.3.8

                """)
    }

    @Test func circinusQuotesEveryValue() throws {
        var config = Self.config
        config.footer = VyOSFooter(configVersion: "nat@8:system@27", releaseVersion: "1.5.0")
        #expect(
            try VyOSWriter.bootConfig(config, dialect: .circinus) == """
                nat {
                    source {
                        rule 100 {
                            outbound-interface "eth0"
                        }
                    }
                }
                system {
                    host-name "gw0"
                    plaintext-password ""
                }


                // Warning: Do not remove the following line.
                // vyos-config-version: "nat@8:system@27"
                // Release version: 1.5.0

                """)
    }

    @Test func everyDialectReadsBack() throws {
        for dialect in VyOSDialect.allCases {
            let text = try VyOSWriter.bootConfig(Self.config, dialect: dialect)
            #expect(try VyOSReader.readBootConfig(text) == Self.config, "\(dialect)")
        }
    }

    @Test func seriesAndReleaseNames() {
        #expect(VyOSDialect.allCases.map(\.series) == ["1.2", "1.3", "1.4", "1.5"])
        #expect(VyOSDialect(release: "1.3.8") == .equuleus)
        #expect(VyOSDialect(release: "1.3.1-S1") == .equuleus)
        #expect(VyOSDialect(release: "v1.4.0") == .sagitta)
        #expect(VyOSDialect(release: "1.5-rolling-202412060007") == .circinus)
        #expect(VyOSDialect(release: "1.5-stream-2025-Q2") == .circinus)
        #expect(VyOSDialect(release: "equuleus") == .equuleus)
        #expect(VyOSDialect(release: "1.2.8") == .crux)
        #expect(VyOSDialect(release: "1.1.8") == nil)
        #expect(VyOSDialect(release: "VyOS 999.helium.10131836") == nil)
        #expect(VyOSDialect(release: "1.35") == nil)
        #expect(VyOSDialect(release: "latest") == nil)
        #expect(!VyOSDialect.equuleus.quotesEveryValue && VyOSDialect.circinus.quotesEveryValue)
    }

    @Test func releaseFromTheFooter() throws {
        let equuleus = try VyOSReader.readBootConfig(
            """
            system {
                host-name vyos-2
            }


            // Warning: Do not remove the following line.
            // vyos-config-version: "broadcast-relay@1:interfaces@22:nat@5:quagga@8:system@21:zone-policy@1"
            // Release version: 1.3.3
            """)
        let evidence = try #require(VyOSReleaseEvidence.of(equuleus.footer))
        #expect(evidence.dialect == .equuleus)
        #expect(evidence.description == "VyOS 1.3.3 (equuleus)")

        // Without a known release line, the component versions tell 1.2 and 1.3 apart.
        var byComponents = equuleus.footer
        byComponents?.releaseVersion = "my-build"
        #expect(VyOSReleaseEvidence.of(byComponents)?.dialect == .equuleus)
        byComponents?.configVersion = "nat@4:system@10:webgui@1"
        #expect(VyOSReleaseEvidence.of(byComponents)?.dialect == .crux)
        byComponents?.configVersion = "bgp@5:nat@8:system@27"
        let later = try #require(VyOSReleaseEvidence.of(byComponents))
        #expect(later.dialect == nil && later.description == "VyOS 1.4 or later")
        #expect(VyOSReleaseEvidence.of(nil) == nil)

        let commands = "# Release version: 1.5.0\nset system host-name 'gw0'\n"
        #expect(VyOSReleaseEvidence.ofSetCommands(commands)?.dialect == .circinus)
        #expect(VyOSReleaseEvidence.ofSetCommands("set system host-name 'gw0'\n") == nil)
    }

    /// 1.3 keeps 1.2's tag nodes (`system ntp server`, `protocols bgp <asn>`); 1.5 knows 1.5's syslog.
    @Test func setSchemasPerRelease() throws {
        let ntp = "set system ntp server time1.vyos.net\n"
        let equuleus = try VyOSReader.readSetCommands("# Release version: 1.3.8\n" + ntp)
        #expect(equuleus.nodes[0]["ntp"].first?["server"].first?.isTagNode == true)
        #expect(VyOSSetSchema.forRelease("1.3.8").isTagNode(["protocols", "bgp"]))
        #expect(!VyOSSetSchema.forRelease("1.5.0").isTagNode(["protocols", "bgp"]))
        #expect(VyOSSetSchema.forRelease("1.5.0").isTagNode(["system", "syslog", "local", "facility"]))
        #expect(VyOSSetSchema.forRelease("1.6.0").isTagNode(["service", "ntp", "server"]))
        let syslog = "set system syslog local facility all level 'info'\n"
        let circinus = try VyOSReader.readSetCommands("# Release version: 1.5.0\n" + syslog)
        let facility = circinus.nodes[0]["syslog"].first?["local"].first?["facility"].first
        #expect(facility?.value == "all" && facility?.isTagNode == true)
    }
}

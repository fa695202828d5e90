import LabFormats
import Testing

@Suite("VyOS writer and reader")
struct VyOSSyntaxTests {
    static let sample = VyOSConfig(nodes: [
        VyOSNode(
            "interfaces",
            children: [
                VyOSNode(
                    "ethernet", "eth1",
                    children: [
                        VyOSNode("address", "10.20.1.1/24"),
                        VyOSNode("address", "10.1.5.2/24"),
                        VyOSNode("description", "rack 0 \"uplink\" {x} #1; it's \\ ok"),
                        VyOSNode("disable"),
                    ]),
                VyOSNode("loopback", "lo", children: []),
            ]),
        VyOSNode(
            "system",
            children: [
                VyOSNode("host-name", "gw0"),
                VyOSNode("plaintext-password", ""),
                VyOSNode("url", "http://x/y"),
            ]),
    ])

    @Test func dialectsDiffer() throws {
        let crux = try VyOSWriter.bootConfig(Self.sample, dialect: .crux)
        let sagitta = try VyOSWriter.bootConfig(Self.sample, dialect: .sagitta)
        #expect(
            crux == """
                interfaces {
                    ethernet eth1 {
                        address 10.20.1.1/24
                        address 10.1.5.2/24
                        description "rack 0 \\"uplink\\" {x} #1; it's \\\\ ok"
                        disable
                    }
                    loopback lo {
                    }
                }
                system {
                    host-name gw0
                    plaintext-password ""
                    url "http://x/y"
                }

                """)
        #expect(
            sagitta == """
                interfaces {
                    ethernet eth1 {
                        address "10.20.1.1/24"
                        address "10.1.5.2/24"
                        description "rack 0 \\"uplink\\" {x} #1; it's \\\\ ok"
                        disable
                    }
                    loopback lo {
                    }
                }
                system {
                    host-name "gw0"
                    plaintext-password ""
                    url "http://x/y"
                }

                """)
        #expect(try VyOSReader.readBootConfig(crux) == Self.sample)
        #expect(try VyOSReader.readBootConfig(sagitta) == Self.sample)
    }

    @Test func footers() throws {
        let config = VyOSConfig(
            nodes: [VyOSNode("system", children: [VyOSNode("host-name", "a")])],
            footer: VyOSFooter(configVersion: "a@1:b@2", releaseVersion: "1.2.8"))
        #expect(
            try VyOSWriter.bootConfig(config, dialect: .crux) == """
                system {
                    host-name a
                }


                /* Warning: Do not remove the following line. */
                /* === vyatta-config-version: "a@1:b@2" === */
                /* Release version: 1.2.8 */

                """)
        #expect(
            try VyOSWriter.bootConfig(config, dialect: .sagitta) == """
                system {
                    host-name "a"
                }

                // Warning: Do not remove the following line.
                // vyos-config-version: "a@1:b@2"
                // Release version: 1.2.8

                """)
        for dialect in [VyOSDialect.crux, .sagitta] {
            #expect(try VyOSReader.readBootConfig(VyOSWriter.bootConfig(config, dialect: dialect)) == config)
        }
        var bad = config
        bad.footer?.configVersion = "a\"b"
        #expect(vyosError { try VyOSWriter.bootConfig(bad, dialect: .crux) }?.message.contains("'\"'") == true)
        bad.footer?.configVersion = "a"
        bad.footer?.releaseVersion = "1.2 */ x"
        #expect(vyosError { try VyOSWriter.bootConfig(bad, dialect: .crux) } != nil)
    }

    @Test func setForm() throws {
        let out = try VyOSWriter.setCommands(Self.sample)
        #expect(
            out == """
                set interfaces ethernet eth1 address '10.20.1.1/24'
                set interfaces ethernet eth1 address '10.1.5.2/24'
                set interfaces ethernet eth1 description 'rack 0 "uplink" {x} #1; it'\\''s \\ ok'
                set interfaces ethernet eth1 disable
                set interfaces loopback lo
                set system host-name 'gw0'
                set system plaintext-password ''
                set system url 'http://x/y'

                """)
        #expect(try VyOSReader.readSetCommands(out) == Self.sample)
        #expect(VyOSReader.isSetCommands(out))
        #expect(!VyOSReader.isSetCommands(VyOSReferenceTexts.cruxBoot))
        #expect(!VyOSReader.isSetCommands(""))
        #expect(!VyOSReader.isSetCommands("# only a comment\n"))
        #expect(VyOSReader.isSetCommands("configure\r\nset a b\r\ncommit\r\n"))
        // Non-plain tag values are quoted, and read back.
        let tagged = VyOSConfig(nodes: [VyOSNode("user", "a b$'", children: [VyOSNode("level", "x")])])
        let setText = try VyOSWriter.setCommands(tagged)
        #expect(setText == "set user 'a b$'\\''' level 'x'\n")
        #expect(try VyOSReader.readSetCommands(setText, schema: .inferred(from: tagged)) == tagged)
        #expect(try VyOSWriter.bootConfig(tagged, dialect: .sagitta) == "user \"a b$'\" {\n    level \"x\"\n}\n")
    }

    @Test func shellWordsInSetForm() throws {
        let text = """
            # comment line
            configure
            set system host-name "gw\\"0\\$" # trailing comment
            set system domain-name lab\\ x'y'"z"
            set system option plain-unquoted
            commit
            save
            exit

            """
        let config = try VyOSReader.readSetCommands(text)
        let system = try #require(config["system"].first)
        #expect(system["host-name"].first?.value == "gw\"0$")
        #expect(system["domain-name"].first?.value == "lab xyz")
        #expect(system["option"].first?.value == "plain-unquoted")
        #expect(system["host-name"].first?.valuePosition == TextPosition(line: 3, column: 22))
    }

    @Test func emptyAndCommentOnlyInputs() throws {
        #expect(try VyOSReader.readBootConfig("") == VyOSConfig())
        #expect(try VyOSReader.readBootConfig("\n  \n/* x */\n// y\n") == VyOSConfig())
        #expect(try VyOSReader.readSetCommands("") == VyOSConfig())
        #expect(try VyOSReader.readSetCommands("\n# x\n") == VyOSConfig())
        #expect(try VyOSWriter.bootConfig(VyOSConfig(), dialect: .crux) == "")
        #expect(try VyOSWriter.setCommands(VyOSConfig()) == "")
    }

    @Test func readerAcceptsVariants() throws {
        let text = "a { b 'single q' /* inline\n comment */ }\nc \"\\n\\t\\/\\'\" // tail\n\u{FEFF}d\r\n"
        let config = try VyOSReader.readBootConfig("\u{FEFF}" + text.replacing("\u{FEFF}", with: ""))
        #expect(
            config.nodes == [
                VyOSNode("a", children: [VyOSNode("b", "single q")]),
                VyOSNode("c", "\n\t/'"), VyOSNode("d"),
            ])
    }

    @Test(
        arguments: [
            ("a {\n  b c\n", 1, 1, "unclosed '{' of 'a'"),
            ("a {\n  b x {\n  }\n", 1, 1, "unclosed '{' of 'a'"),
            ("a {\n}\n}\n", 3, 1, "unbalanced '}'"),
            ("a \"abc\n", 1, 3, "unterminated quoted value"),
            ("a 'abc", 1, 3, "unterminated quoted value"),
            ("a {\n /* never closed\n}\n", 2, 2, "unterminated '/*' comment"),
            ("a b c\n", 1, 5, "unexpected third word"),
            ("{\n}\n", 1, 1, "'{' must follow a node name"),
            ("a b c {\n}\n", 1, 5, "unexpected third word"),
            ("a \"x\\q\"\n", 1, 5, "unknown escape"),
            ("a \u{1}b\n", 1, 3, "control character U+0001"),
            ("é日 x\u{0}\n", 1, 5, "control character U+0000"),
        ] as [(String, Int, Int, String)])
    func bootErrors(text: String, line: Int, column: Int, message: String) {
        let error = vyosError { try VyOSReader.readBootConfig(text) }
        #expect(error?.position == TextPosition(line: line, column: column), "\(error?.description ?? "no error")")
        #expect(error?.message.contains(message) == true, "\(error?.description ?? "no error")")
    }

    @Test(
        arguments: [
            ("set a 'x\n", 1, 7, "unterminated quoted value"),
            ("set a \"x\n", 1, 7, "unterminated quoted value"),
            ("set a { b\n", 1, 7, "braces are not allowed"),
            ("set a $x\n", 1, 7, "unquoted shell character '$'"),
            ("set a b;c\n", 1, 8, "unquoted shell character ';'"),
            ("set a \"$x\"\n", 1, 8, "would be expanded"),
            ("show a\n", 1, 1, "expected a 'set' command"),
            ("set a b\n  delete a\n", 2, 3, "'delete' commands are not supported"),
            ("set\n", 1, 1, "'set' without a path"),
            ("set interfaces ethernet\n", 1, 16, "tag node 'ethernet' needs a value"),
            ("commit now\n", 1, 8, "unexpected words after 'commit'"),
            ("set a\u{7F}\n", 1, 6, "control character U+007F"),
            ("set a \\\n", 1, 8, "backslash must escape"),
        ] as [(String, Int, Int, String)])
    func setErrors(text: String, line: Int, column: Int, message: String) {
        let error = vyosError { try VyOSReader.readSetCommands(text) }
        #expect(error?.position == TextPosition(line: line, column: column), "\(error?.description ?? "no error")")
        #expect(error?.message.contains(message) == true, "\(error?.description ?? "no error")")
    }

    @Test func writerRejections() {
        func reject(_ node: VyOSNode, _ fragment: String) {
            let config = VyOSConfig(nodes: [VyOSNode("top", children: [node])])
            for body in [
                { () throws -> String in try VyOSWriter.bootConfig(config, dialect: .crux) },
                { () throws -> String in try VyOSWriter.bootConfig(config, dialect: .sagitta) },
                { () throws -> String in try VyOSWriter.setCommands(config) },
            ] {
                let error = vyosError(body)
                #expect(error?.message.contains(fragment) == true, "\(error?.description ?? "no error")")
            }
        }
        reject(VyOSNode("description", "two\nlines"), "value of 'top description' contains a newline")
        reject(VyOSNode("description", "bell\u{7}"), "U+7")
        reject(VyOSNode("description", "nel\u{85}"), "U+85")
        reject(VyOSNode("ethernet", "eth\r1", children: []), "carriage return")
        reject(VyOSNode("bad name", "x"), "is not a VyOS identifier")
        reject(VyOSNode("", "x"), "is not a VyOS identifier")
        reject(VyOSNode("a{", children: []), "is not a VyOS identifier")
        var deep = VyOSNode("leaf", "x")
        for _ in 0..<VyOSWriter.maximumDepth { deep = VyOSNode("n", children: [deep]) }
        reject(deep, "nested deeper than 256")
        let header = vyosError { try VyOSWriter.setCommands(VyOSConfig(), header: ["a\nset x"]) }
        #expect(header?.message.contains("newline") == true)
    }

    @Test func nestingLimit() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "a {\n", count: depth) + String(repeating: "}\n", count: depth)
        }
        #expect(vyosError { try VyOSReader.readBootConfig(nested(256)) } == nil)
        let error = vyosError { try VyOSReader.readBootConfig(nested(257)) }
        #expect(error?.position == TextPosition(line: 257, column: 3))
        #expect(error?.message.contains("nested deeper than 256") == true)
        let deepSet = "set " + Array(repeating: "a", count: 300).joined(separator: " ") + "\n"
        #expect(vyosError { try VyOSReader.readSetCommands(deepSet) }?.message.contains("deeper than 256") == true)
        // A tree at the limit writes and reads back.
        let limit = try VyOSReader.readBootConfig(nested(256))
        #expect(try VyOSReader.readBootConfig(VyOSWriter.bootConfig(limit, dialect: .crux)) == limit)
    }

    @Test func largeInputIsLinear() throws {
        // About 4 MB of config.boot; the 50 MB case was timed by hand (see the report).
        var text = "interfaces {\n"
        for i in 0..<60_000 {
            text += "    ethernet eth\(i) {\n        address \"10.\(i % 256).0.1/24\"\n    }\n"
        }
        text += "}\n"
        let config = try VyOSReader.readBootConfig(text)
        let set = try VyOSWriter.setCommands(config)
        let back = try VyOSReader.readSetCommands(set, schema: .crux)
        #expect(back == config)
        #expect(config.nodes[0].children?.count == 60_000)
    }
}

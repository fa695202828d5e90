import LabFormats
import LabModel

/// A node whose syntax differs between VyOS releases.
public enum VyOSReleaseSyntax: Hashable, Sendable {
    /// `system ntp { ... }`: 1.2 and 1.3 (the ntp@2 migration moves it to `service ntp`).
    case systemNTP
    /// `service ntp { ... }`: 1.4 and later.
    case serviceNTP
    /// `system login user X level admin`: 1.2 only.
    case loginLevel
    /// `nat ... rule N outbound-interface eth0` (or inbound): 1.2 and 1.3 (nat@6 and @7 rewrite it).
    case natInterfaceLeaf(String)
    /// `nat ... rule N outbound-interface { name eth0 }`: 1.4 and later.
    case natInterfaceBlock(String)
}

/// Which VyOS release a configuration is in: labgen reads all four dialects (1.2 crux, 1.3 equuleus,
/// 1.4 sagitta, 1.5 circinus) with one reader, and tells them apart by what the file says about
/// itself: the version footer of a config.boot, or the `# Release version:` comment of set commands.
extension VyOSFactsReader {
    /// The release the file names, positioned at its footer (or comment line); nil when it names none.
    static func release(of config: VyOSConfig, text: String, isSetCommands: Bool, file: String)
        -> Located<VyOSReleaseEvidence>?
    {
        if isSetCommands {
            guard let evidence = VyOSReleaseEvidence.ofSetCommands(text) else { return nil }
            var line = 1
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if raw.contains("Release version:") { break }
                line += 1
            }
            return Located(evidence, at: SourceLocation(file: file, line: line, column: 1))
        }
        guard let evidence = VyOSReleaseEvidence.of(config.footer) else { return nil }
        let position = config.footerPosition ?? .start
        return Located(evidence, at: SourceLocation(file: file, line: position.line, column: position.column))
    }

    /// The nodes of `config` whose syntax tells VyOS releases apart (see `VyOSReleaseSyntax`).
    static func releaseSyntax(of config: VyOSConfig, file: String) -> [Located<VyOSReleaseSyntax>] {
        func at(_ node: VyOSNode) -> SourceLocation {
            SourceLocation(file: file, line: node.position.line, column: node.position.column)
        }
        var found: [Located<VyOSReleaseSyntax>] = []
        for system in config["system"] {
            for ntp in system["ntp"] where ntp.isBlock { found.append(Located(.systemNTP, at: at(ntp))) }
            for user in system["login"].flatMap({ $0["user"] }) {
                for level in user["level"] { found.append(Located(.loginLevel, at: at(level))) }
            }
        }
        for service in config["service"] {
            for ntp in service["ntp"] where ntp.isBlock { found.append(Located(.serviceNTP, at: at(ntp))) }
        }
        for nat in config["nat"] {
            for direction in nat.children ?? [] where direction.name == "source" || direction.name == "destination" {
                for rule in direction["rule"] {
                    let interfaces = (rule.children ?? []).filter {
                        $0.name == "inbound-interface" || $0.name == "outbound-interface"
                    }
                    for node in interfaces {
                        let syntax: VyOSReleaseSyntax =
                            node.isBlock ? .natInterfaceBlock(node.name) : .natInterfaceLeaf(node.name)
                        found.append(Located(syntax, at: at(node)))
                    }
                }
            }
        }
        return found
    }

    /// For the summary of `labgen verify`: the releases of the config.boot files, e.g. `1.2.8 crux`
    /// when all name the same one, else `gw0-boot.cfg 1.5.0 circinus, gw1-boot.cfg 1.3.8 equuleus`;
    /// nil when no config.boot names its release. Set command files follow their config.boot and
    /// are left out.
    public static func releaseSummary(_ configs: [String: VyOSFacts]) -> String? {
        let boots = configs.values.filter { !$0.isSetCommands }.sorted { $0.file < $1.file }
        let named = boots.compactMap { facts in facts.release.map { (facts.file, short($0.value)) } }
        guard !named.isEmpty else { return nil }
        if Set(named.map { $0.1 }).count == 1, named.count == boots.count { return named[0].1 }
        return named.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }

    /// `1.3.8 equuleus`, `1.3 equuleus`, `1.4 or later`.
    static func short(_ evidence: VyOSReleaseEvidence) -> String {
        guard let dialect = evidence.dialect else { return "1.4 or later" }
        let release = evidence.release.flatMap {
            VyOSDialect(release: $0) == dialect && $0.first?.isNumber == true ? $0 : nil
        }
        return "\(release ?? dialect.series) \(dialect.codename)"
    }
}

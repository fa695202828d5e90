/// The VyOS release series behind each dialect, and which release a configuration says it is in.
///
/// | dialect    | series | values                 | footer                                        |
/// |------------|--------|------------------------|-----------------------------------------------|
/// | `crux`     | 1.2    | bare when plain        | `/* === vyatta-config-version: "..." === */`  |
/// | `equuleus` | 1.3    | bare when plain        | `// vyos-config-version: "..."`               |
/// | `sagitta`  | 1.4    | always double-quoted   | `// vyos-config-version: "..."`               |
/// | `circinus` | 1.5    | always double-quoted   | `// vyos-config-version: "..."`               |
extension VyOSDialect {
    /// The release series: `1.2`, `1.3`, `1.4`, `1.5`.
    public var series: String {
        switch self {
        case .crux: "1.2"
        case .equuleus: "1.3"
        case .sagitta: "1.4"
        case .circinus: "1.5"
        }
    }

    /// The release's code name, `crux`, `equuleus`, `sagitta` or `circinus`.
    public var codename: String {
        switch self {
        case .crux: "crux"
        case .equuleus: "equuleus"
        case .sagitta: "sagitta"
        case .circinus: "circinus"
        }
    }

    /// `VyOS 1.3 (equuleus)`.
    public var releaseName: String { "VyOS \(series) (\(codename))" }

    /// Whether config.boot double-quotes every leaf value (1.4 and later), or writes plain values bare.
    public var quotesEveryValue: Bool { self == .sagitta || self == .circinus }

    /// The dialect of a release series (`1.3`), or nil for a series labgen has no dialect for.
    public init?(series: String) {
        guard let dialect = Self.allCases.first(where: { $0.series == series }) else { return nil }
        self = dialect
    }

    /// The dialect of a release as VyOS names it in its footer or image tag: `1.3.8`, `v1.4.0`,
    /// `1.5-rolling-202412060007`, `1.3.1-S1`, or a code name (`equuleus`); nil for anything else.
    public init?(release: String) {
        let text = release.vyosTrimmingWhitespace.lowercased()
        if let dialect = Self.allCases.first(where: { text == $0.codename || text.hasPrefix($0.codename + "-") }) {
            self = dialect
            return
        }
        guard let (major, minor) = Self.majorMinor(text) else { return nil }
        self.init(series: "\(major).\(minor)")
    }

    /// `1.3` of `1.3.8`, `v1.3.8`, `1.3-rolling-...`; nil unless two numbers start the text.
    static func majorMinor(_ text: String) -> (Int, Int)? {
        var rest = Substring(text)
        if rest.hasPrefix("v") { rest = rest.dropFirst() }
        let head = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let parts = head.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let major = Int(parts[0]), let minor = Int(parts[1]) else { return nil }
        let tail = rest.dropFirst(head.count)
        guard tail.isEmpty || tail.first == "-" || tail.first == " " else { return nil }
        return (major, minor)
    }
}

/// The release a VyOS configuration says it is in, and how that was found.
public struct VyOSReleaseEvidence: Hashable, Sendable {
    /// The dialect of that release; nil when only "1.4 or later" can be told.
    public var dialect: VyOSDialect?
    /// The release as written (`1.3.8`), or nil when it was inferred from the component versions.
    public var release: String?
    /// What the detection read: `its 'Release version' line`, `its component versions (system@21)`.
    public var source: String

    /// The footer's component versions (`nat` -> 5 of `nat@5`); empty for set commands.
    public var components: [String: Int]

    public init(dialect: VyOSDialect?, release: String?, source: String, components: [String: Int] = [:]) {
        self.dialect = dialect
        self.release = release
        self.source = source
        self.components = components
    }

    /// `nat@5:system@21` as `["nat": 5, "system": 21]` (entries that are not `name@number` are skipped).
    public static func components(_ configVersion: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for entry in configVersion.split(separator: ":") {
            let parts = entry.split(separator: "@")
            if parts.count == 2, let number = Int(parts[1]) { result[String(parts[0]), default: number] = number }
        }
        return result
    }

    /// `VyOS 1.3 (equuleus)`, `VyOS 1.3.8 (equuleus)`, or `VyOS 1.4 or later`.
    public var description: String {
        guard let dialect else { return "VyOS 1.4 or later" }
        if let release, VyOSDialect.majorMinor(release.lowercased()) != nil {
            return "VyOS \(release) (\(dialect.codename))"
        }
        return dialect.releaseName
    }

    /// The release of a config.boot, from its version footer: the `Release version:` line when it
    /// names a known release, else the component versions (`system@10` and lower is 1.2, up to
    /// `system@22` is 1.3, anything later is 1.4 or later: 1.4 and 1.5 share the numbers of
    /// many components). Nil without a footer.
    public static func of(_ footer: VyOSFooter?) -> VyOSReleaseEvidence? {
        guard let footer else { return nil }
        let components = Self.components(footer.configVersion)
        if let dialect = VyOSDialect(release: footer.releaseVersion) {
            return VyOSReleaseEvidence(
                dialect: dialect, release: footer.releaseVersion, source: "its 'Release version' line",
                components: components)
        }
        guard let number = components["system"] else { return nil }
        let dialect: VyOSDialect? = number <= 10 ? .crux : number <= 22 ? .equuleus : nil
        return VyOSReleaseEvidence(
            dialect: dialect, release: nil, source: "its component versions (system@\(number))", components: components)
    }

    /// The release of a `set` command file, from a `# Release version: X` comment line (which
    /// labgen writes and the shared validator reads); nil without one.
    public static func ofSetCommands(_ text: String) -> VyOSReleaseEvidence? {
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = String(rawLine).vyosTrimmingWhitespace
            guard line.hasPrefix("#"), let r = line.utf8Range(of: "Release version:") else { continue }
            let release = String(line[r.upperBound...]).vyosTrimmingWhitespace
            guard let dialect = VyOSDialect(release: release) else { return nil }
            return VyOSReleaseEvidence(dialect: dialect, release: release, source: "its 'Release version' comment")
        }
        return nil
    }
}

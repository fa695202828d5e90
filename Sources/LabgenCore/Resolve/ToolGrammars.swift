import LabModel

/// The grammars of the tools that read what labgen writes, each returning why a value is refused
/// (nil when the tool accepts it). Every value is checked here, at the DSL line, so that nothing
/// reaches a file that its consumer would reject or read differently.
public enum ToolGrammars {
    /// A CNI release tag (Calico, Flannel): `v3.30.3`, `v3.23.2`, `v3.31.0-0.dev` (letters, digits, `.` and `-` after `vN.N`).
    static func isReleaseTag(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 4, scalars.count <= 64, scalars[0] == "v" else { return false }
        let parts = text.dropFirst().split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, Int(parts[0]) != nil, parts[1].prefix(while: \.isNumber).count > 0 else { return false }
        return scalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-")
        }
    }

    // MARK: containerlab and Linux

    /// containerlab's node-name rule, `^[a-zA-Z0-9][a-zA-Z0-9-._|]*$` (types.go).
    public static func containerlabNameProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        guard let first = bytes.first else { return "a containerlab node name cannot be empty" }
        if !isAlnum(first) {
            return "'\(name.debugEscaped)' must start with a letter or digit (containerlab node names match "
                + "^[a-zA-Z0-9][a-zA-Z0-9-._|]*$)"
        }
        if let bad = name.unicodeScalars.first(where: { !($0.isASCII && isContainerlabByte(UInt8($0.value))) }) {
            return "'\(name.debugEscaped)' contains '\(String(bad).debugEscaped)'; containerlab node names match "
                + "^[a-zA-Z0-9][a-zA-Z0-9-._|]*$"
        }
        return nil
    }

    /// Words `ip link` reads as keywords, where a device name may stand alone (`ip link show NAME`).
    /// The script always writes `dev`/`name` before a bridge, but a bridge named like a keyword is
    /// refused anyway: it is a trap for every hand-typed `ip` command.
    public static let ipKeywords: Set<String> = [
        "add", "address", "alias", "all", "allmulticast", "arp", "broadcast", "change", "default", "del", "delete",
        "dev", "down", "dynamic", "group", "help", "index", "link", "list", "lst", "master", "mtu", "multicast",
        "name", "netns", "nomaster", "promisc", "qdisc", "replace", "set", "show", "state", "trailers",
        "txqueuelen", "type", "up", "vf", "vrf",
    ]

    /// A host bridge: short enough that its last port `<bridge>-net<lastPort>` fits in Linux's 15
    /// bytes (the real limit, said in the first message), a Linux interface name (LG109), a name
    /// containerlab accepts for a node, and not an `ip link` keyword (LG122).
    static func bridgeNameProblem(_ name: String, lastPort: Int) -> (ModelCheck, String)? {
        let suffix = "-net\(lastPort)"
        let limit = 15 - suffix.utf8.count
        if name.utf8.count > limit {
            let ports = lastPort == 0 ? "'\(name)-net0'" : "'\(name)-net0' ... '\(name)\(suffix)'"
            return (
                .interfaceNameTooLong,
                "'\(name.debugEscaped)' has \(name.utf8.count) characters, but its ports are named \(ports) and Linux "
                    + "interface names have at most 15, so this bridge name can have at most \(limit) characters"
            )
        }
        if let problem = Names.linuxInterfaceProblem(name) { return (.interfaceNameTooLong, problem) }
        if let problem = containerlabNameProblem(name) { return (.invalidTopologyName, problem) }
        if ipKeywords.contains(name.lowercased()) {
            return (.invalidTopologyName, "'\(name)' is a keyword of the 'ip link' command; choose another bridge name")
        }
        return nil
    }

    // MARK: VyOS

    /// VyOS's interface-name validator (`src/validators/interface-name` in vyos-1x), anchored:
    /// a known type prefix, a number and an optional VLAN (`eth0`, `eth1.10`, `bond0`), or `lo`.
    /// NAT's `!eth0` (every interface but eth0) and `eth*` (a wildcard) are not names.
    public static let vyosInterfacePrefixes = [
        "bond", "br", "dum", "en", "ersp", "eth", "gnv", "lan", "l2tp", "l2tpeth", "macsec", "peth", "ppp", "pppoe",
        "pptp", "sstp", "tun", "vti", "vtun", "vxlan", "wg", "wlan", "wlm",
    ]

    public static func vyosInterfaceProblem(_ name: String) -> String? {
        if name == "lo" { return nil }
        let scalars = Array(name.unicodeScalars)
        let letters = scalars.prefix { ("a"..."z").contains($0) }
        let prefix = String(String.UnicodeScalarView(letters))
        let rest = scalars.dropFirst(letters.count).map(Character.init)
        let parts = String(rest).split(separator: ".", omittingEmptySubsequences: false)
        let numeric = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        if vyosInterfacePrefixes.contains(prefix), (1...2).contains(parts.count), parts.allSatisfy(numeric),
            name.utf8.count <= 15
        {
            return nil
        }
        var why = ""
        if name.hasPrefix("!") { why = " ('!' would mean every interface but this one, the rack interfaces too)" }
        if name.contains("*") || name.contains("+") { why = " (a wildcard would cover the rack interfaces too)" }
        return "'\(name.debugEscaped)' is not a VyOS interface name such as eth0, eth1.10 or bond0\(why)"
    }

    /// VyOS's host-name constraint (`include/constraint/host-name.xml.i` in vyos-1x, and 1.2's
    /// `^[[:alnum:]][-.[:alnum:]]*[[:alnum:]]$` with at most 63 characters): at least two characters.
    public static func vyosHostNameProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        let ok =
            (2...63).contains(bytes.count) && isAlnum(bytes.first!) && isAlnum(bytes.last!)
            && bytes.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        if ok { return nil }
        let lengthHint = bytes.count < 2 ? " (it needs at least two characters)" : ""
        return "'\(name.debugEscaped)' is not a VyOS host-name: VyOS requires [A-Za-z0-9][-.A-Za-z0-9]*[A-Za-z0-9], "
            + "at most 63 characters\(lengthHint)"
    }

    /// A VyOS release as the image tags and labgen's dialects name it: `1.2.8`, `1.4`, `1.4.9`,
    /// `1.4-rolling-202307070317`. Numbers without leading zeros; a suffix of letters, digits, `.` and `-`.
    public static func vyosReleaseProblem(_ text: String) -> String? {
        let (head, suffix): (Substring, Substring?) =
            if let dash = text.firstIndex(of: "-") {
                (text[..<dash], text[text.index(after: dash)...])
            } else {
                (text[...], nil)
            }
        let numbers = head.split(separator: ".", omittingEmptySubsequences: false)
        let numberOK = { (part: Substring) in
            !part.isEmpty && part.count <= 4 && part.allSatisfy { $0.isASCII && $0.isNumber }
                && !(part.count > 1 && part.first == "0")
        }
        var problem: String?
        if !(2...3).contains(numbers.count) || !numbers.allSatisfy(numberOK) {
            problem = "a release is two or three numbers without leading zeros"
        } else if let suffix,
            suffix.isEmpty
                || !suffix.utf8.allSatisfy({ isAlnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
        {
            problem = "the part after '-' may hold only letters, digits, '.' and '-'"
        }
        guard let problem else { return nil }
        return
            "'\(text.debugEscaped)' is not a VyOS release such as 1.2.8, 1.3.8, 1.4.9, 1.5.0 or 1.5-rolling-202412060007: "
            + problem
    }

    // MARK: Images and registries (distribution/reference grammar)

    /// A registry `host[:port]` as Docker and containerd read the first part of an image name:
    /// a domain name or IPv4 address (components of letters, digits and inner `-`), an optional port.
    public static func registryHostProblem(_ host: String) -> String? {
        let parts = host.split(separator: ":", omittingEmptySubsequences: false)
        let form = "'\(host.debugEscaped)' is not a registry host: write 'host' or 'host:port' (no scheme, no path)"
        guard (1...2).contains(parts.count) else { return form }
        let name = parts[0]
        guard !name.isEmpty, name.utf8.count <= 253,
            name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(isDomainComponent)
        else { return form }
        if parts.count == 2 {
            guard let port = Int(parts[1]), (1...65535).contains(port),
                parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
            else { return "'\(host.debugEscaped)': the port must be a number from 1 to 65535" }
        }
        return nil
    }

    /// A single host component without `.` or `:` other than `localhost` is a Docker Hub user to
    /// Docker and containerd (`myregistry/nettool` is `docker.io/myregistry/nettool`).
    public static func registryHostReadAsUser(_ host: String) -> String? {
        guard !host.contains("."), !host.contains(":"), host != "localhost" else { return nil }
        return "registry host '\(host.debugEscaped)' has no '.' or ':port' and is not 'localhost', so Docker and "
            + "containerd read it as a Docker Hub user (docker.io/\(host)/...); write its domain name or address, "
            + "or add its port"
    }

    /// An image reference of the distribution/reference grammar (what `docker pull`, containerd and
    /// kind accept): `[host[:port]/]path[:tag][@digest]`, the path lower-case components joined by
    /// `/`, each alphanumerics separated by `.`, `_`, `__` or dashes; the tag `[\w][\w.-]{0,127}`;
    /// the digest `algorithm:hex`.
    public static func imageReferenceProblem(_ image: String) -> String? {
        func refuse(_ why: String) -> String {
            "image '\(image.debugEscaped)' is not a valid image reference ([host[:port]/]path[:tag][@digest]): \(why)"
        }
        if image.isEmpty { return refuse("it is empty") }
        if let odd = image.unicodeScalars.first(where: { !$0.isASCII || $0.value <= 0x20 || $0.value == 0x7F }) {
            return refuse("'\(String(odd).debugEscaped)' is not allowed")
        }
        var rest = Substring(image)
        var digest: Substring?
        if let at = rest.firstIndex(of: "@") {
            digest = rest[rest.index(after: at)...]
            rest = rest[..<at]
        }
        if let digest {
            let parts = digest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, isDigestAlgorithm(parts[0]), parts[1].count >= 32,
                parts[1].allSatisfy({ $0.isHexDigit })
            else { return refuse("the digest must be algorithm:hex, such as sha256:<64 hex digits>") }
        }
        // The tag is after the last ':' that follows the last '/'.
        var tag: Substring?
        let lastSlash = rest.lastIndex(of: "/")
        let tail = lastSlash.map { rest[rest.index(after: $0)...] } ?? rest
        if let colon = tail.lastIndex(of: ":") {
            tag = rest[rest.index(after: colon)...]
            rest = rest[..<colon]
        }
        if let tag {
            let word = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "_") }
            guard let first = tag.first, word(first), tag.count <= 128,
                tag.allSatisfy({ word($0) || $0 == "." || $0 == "-" })
            else {
                let rule = "tag '\(tag)' must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"
                return refuse(tag.isEmpty ? "the tag after ':' is empty" : rule)
            }
        }
        var components = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard let first = components.first, !first.isEmpty else { return refuse("the name is empty") }
        // The first component is a registry host when it has '.' or ':', is 'localhost', or has
        // upper-case letters (as Docker decides it).
        if components.count > 1,
            first.contains(".") || first.contains(":") || first == "localhost" || first.contains(where: \.isUppercase)
        {
            if first.contains(where: \.isUppercase) && !first.contains(".") && !first.contains(":") {
                return refuse("'\(first)' has upper-case letters; repository names are lower-case")
            }
            let hostParts = first.split(separator: ":", omittingEmptySubsequences: false)
            guard hostParts.count <= 2,
                hostParts[0].split(separator: ".", omittingEmptySubsequences: false).allSatisfy(isDomainComponent),
                hostParts.count == 1 || (!hostParts[1].isEmpty && hostParts[1].allSatisfy { $0.isASCII && $0.isNumber })
            else {
                return refuse("registry host '\(first)' is not host[:port]")
            }
            components.removeFirst()
        }
        if rest.utf8.count > 255 { return refuse("the name is longer than 255 characters") }
        for component in components {
            if let problem = pathComponentProblem(component) { return refuse(problem) }
        }
        return nil
    }

    private static func pathComponentProblem(_ component: Substring) -> String? {
        if component.isEmpty { return "a path component is empty ('//' or a '/' at either end)" }
        if component.contains(":") { return "too many ':' (one tag at most)" }
        if component.contains(where: \.isUppercase) {
            return "'\(component)' has upper-case letters; repository names are lower-case"
        }
        let bytes = Array(component.utf8)
        let isLowerAlnum = { (b: UInt8) in (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || isDigit(b) }
        var i = 0
        var expectAlnum = true
        while i < bytes.count {
            if isLowerAlnum(bytes[i]) {
                expectAlnum = false
                i += 1
                continue
            }
            if expectAlnum { return "'\(component)' must start each part with a lower-case letter or digit" }
            // Separators: '.', '_', '__', or one or more '-'.
            if bytes[i] == UInt8(ascii: ".") {
                i += 1
            } else if bytes[i] == UInt8(ascii: "_") {
                i += (i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "_")) ? 2 : 1
            } else if bytes[i] == UInt8(ascii: "-") {
                while i < bytes.count && bytes[i] == UInt8(ascii: "-") { i += 1 }
            } else {
                return "'\(component)' may hold only lower-case letters, digits and the separators '.', '_', '__', '-'"
            }
            expectAlnum = true
        }
        if expectAlnum { return "'\(component)' ends with a separator" }
        return nil
    }

    private static func isDigestAlgorithm(_ text: Substring) -> Bool {
        let components = text.split(omittingEmptySubsequences: false) { "+.-_".contains($0) }
        return components.allSatisfy { part in
            guard let first = part.first, first.isASCII, first.isLetter else { return false }
            return part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    private static func isDomainComponent(_ part: Substring) -> Bool {
        let bytes = Array(part.utf8)
        guard let first = bytes.first, let last = bytes.last, bytes.count <= 63 else { return false }
        return isAlnum(first) && isAlnum(last) && bytes.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    // MARK: Kubernetes node labels

    /// Labels kubelet may set on its own Node through `--node-labels` (`IsKubeletLabel` in
    /// k8s.io/kubelet/pkg/apis/well_known_labels.go): these keys, and the namespaces
    /// `kubelet.kubernetes.io` and `node.kubernetes.io` with their subdomains.
    public static let kubeletLabels: Set<String> = [
        "kubernetes.io/hostname", "topology.kubernetes.io/zone", "topology.kubernetes.io/region",
        "failure-domain.beta.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/region",
        "beta.kubernetes.io/instance-type", "node.kubernetes.io/instance-type",
        "kubernetes.io/os", "kubernetes.io/arch",
        "beta.kubernetes.io/os", "beta.kubernetes.io/arch",
    ]
    public static let kubeletLabelNamespaces = ["kubelet.kubernetes.io", "node.kubernetes.io"]

    /// Why kubelet refuses to start with this key in `--node-labels` (kubelet's
    /// `ValidateKubeletFlags`): a key in the `kubernetes.io` or `k8s.io` namespaces that is not
    /// one of the kubelet labels. nil when kubelet accepts it.
    public static func kubeletLabelProblem(_ key: String) -> String? {
        guard let slash = key.firstIndex(of: "/") else { return nil }
        let namespace = String(key[..<slash])
        let isKubernetes = ["kubernetes.io", "k8s.io"].contains { namespace == $0 || namespace.hasSuffix("." + $0) }
        guard isKubernetes, !kubeletLabels.contains(key) else { return nil }
        if kubeletLabelNamespaces.contains(where: { namespace == $0 || namespace.hasSuffix("." + $0) }) { return nil }
        return "kubelet refuses to start with label '\(key)' in --node-labels: keys in the kubernetes.io and k8s.io "
            + "namespaces must be in kubelet.kubernetes.io/ or node.kubernetes.io/ (or one of kubelet's own, such as "
            + "topology.kubernetes.io/zone); set '\(key)' with kubectl label after the cluster is up"
    }

    // MARK: Bytes

    static func isAlnum(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
            || isDigit(b)
    }
    static func isDigit(_ b: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }
    private static func isContainerlabByte(_ b: UInt8) -> Bool {
        isAlnum(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_")
            || b == UInt8(ascii: "|")
    }
}

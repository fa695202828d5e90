import Foundation
import LabModel

/// A `kind create cluster ... --config=-` command of a shell script whose config is a heredoc.
public struct KindCreateFacts: Hashable, Sendable {
    public var file: String
    /// The `kind` word of the command.
    public var command: SourceLocation
    /// `--name NAME` / `--name=NAME`.
    public var name: Located<String>?
    /// `--image IMG` / `--image=IMG`.
    public var image: Located<String>?
    /// The heredoc's text, and the line of the script its first line is on.
    public var config: String
    public var configLine: Int
    /// A shell variable of the config or of `--name` that the script does not set to a literal
    /// (`$CLUSTER`, `$(cmd)`): the config is then not checked.
    public var unresolved: String?
    /// `cat > kind.yaml <<EOF ... EOF; kind create cluster --config kind.yaml`: the file the heredoc wrote.
    public var writtenTo: String?
}

/// What labgen reads from a shell script: the host bridges it creates and the kind clusters it
/// creates from a heredoc. Nothing else of a script is interpreted.
public struct ShellScriptFacts: Hashable, Sendable {
    public var file: String
    /// Host bridges: `brctl addbr X`, `ip link add [name] X type bridge` (and `ip l a`, loops over a
    /// literal list or a variable holding one, `BRIDGES='a b'`), `ovs-vsctl add-br X`.
    public var bridges: [Located<String>] = []
    /// A bridge whose name the reader could not resolve (`ip link add $1 type bridge`).
    public var unresolvedBridge: SourceLocation?
    public var kindClusters: [KindCreateFacts] = []
    /// `cilium install ...` and `helm install|upgrade ... cilium/cilium` commands with their `--set` values.
    public var ciliumInstalls: [CiliumFacts] = []
    /// Addresses the script puts on interfaces (`ip addr add A dev X`, `ifconfig X A`, also through
    /// `docker exec NODE ...`): a host bridge or a node configured after deploy can be a rack's gateway.
    public var hostAddresses: Set<IPv4Address> = []
    /// Heredocs fed to `containerlab deploy` / `clab deploy` or written to a YAML file (not read).
    public var otherHeredocs: [SourceLocation] = []
    /// Heredocs holding Calico or Cilium BGP resources (`cat <<EOF | kubectl apply -f -`, `calicoctl apply`):
    /// the text and the line of the script its first line is on.
    public var bgpManifests: [BGPManifest] = []
    /// `kubectl annotate node NAME projectcalico.org/ASNumber=N`: the node's Calico AS number.
    public var nodeASAnnotations: [String: Located<String>] = [:]
    /// Heredocs written to a file (`cat > F <<EOF`), by file: a later `kind create cluster --config F` reads one.
    var writtenFiles: [String: KindCreateFacts] = [:]
    /// Shell functions that create a bridge named by their first argument (`bridge_up() { ip link add
    /// name "$1" type bridge; ... }`, as labgen's bridges.sh has): each call names a bridge.
    var bridgeFunctions: Set<String> = []
}

/// A heredoc of a script that holds Kubernetes resources labgen reads (BGP peerings).
public struct BGPManifest: Hashable, Sendable {
    public var text: String
    public var firstLine: Int
}

/// Reads shell scripts (`*.sh`, or a file starting with `#!`) without running them: a small
/// tokenizer for quotes, comments, `;`/`&&`/`||`/`|` and heredocs, and a few command shapes.
public enum ShellScriptReader {
    /// Whether a file is a shell script: named `.sh`/`.bash`, or starting with a shebang.
    public static func isShellScript(path: String, text: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".sh") || lower.hasSuffix(".bash") || text.hasPrefix("#!")
    }

    struct Token {
        var text: String
        /// 1-based line and column of the token's first character (its quote, when quoted).
        var line: Int
        var column: Int
        var quoted: Bool
        var isOperator: Bool
        /// The target of an output redirection (`> F`, `>> F`).
        var isRedirect = false
    }

    struct PendingHeredoc {
        var delimiter: String
        var stripTabs: Bool
        /// `<<'EOF'` / `<<"EOF"`: the body is not expanded by the shell.
        var quoted: Bool
        var commandTokens: [Token]
        var bodyStart: Int
        var body: [Substring] = []
    }

    public static func read(_ text: String, file: String) -> ShellScriptFacts {
        read(text, file: file, fastPaths: true)
    }

    /// `read`, with the byte-level fast paths for ASCII lines (ShellScriptReader+ASCII.swift) on or
    /// off: both give the same facts (the tests compare them).
    static func read(_ text: String, file: String, fastPaths: Bool) -> ShellScriptFacts {
        var facts = ShellScriptFacts(file: file)
        let lines = fastPaths ? lines(of: text) : text.split(separator: "\n", omittingEmptySubsequences: false)
        facts.bridgeFunctions = bridgeFunctions(lines, fastPaths: fastPaths)
        var variables: [String: [Located<String>]] = [:]
        var heredocs: [PendingHeredoc] = []
        var pending: [Token] = []
        var index = 0
        while index < lines.count {
            let lineNumber = index + 1
            var line = lines[index]
            if line.hasSuffix("\r") { line = line.dropLast() }
            index += 1
            if !heredocs.isEmpty {
                let candidate = heredocs[0].stripTabs ? Substring(line.drop { $0 == "\t" }) : line
                if candidate == heredocs[0].delimiter {
                    finish(heredocs.removeFirst(), file: file, variables: variables, into: &facts)
                    if !heredocs.isEmpty { heredocs[0].bodyStart = lineNumber + 1 }
                } else {
                    heredocs[0].body.append(heredocs[0].stripTabs ? candidate : line)
                }
                continue
            }
            // A quote left open continues on the next lines (`bash -c '...` over several lines).
            var text = String(line)
            var startLine = lineNumber
            if let open = openQuote(line, fastPaths: fastPaths), index < lines.count {
                var quote: Character? = open
                while let q = quote, index < lines.count {
                    text += "\n" + lines[index]
                    index += 1
                    quote = openQuote(lines[index - 1], inside: q, fastPaths: fastPaths)
                }
                startLine = lineNumber
            }
            let (tokens, continues, markers) =
                (fastPaths ? withASCII(Substring(text)) { tokenizeASCII($0, lineNumber: startLine) } : nil)
                ?? tokenize(Substring(text), lineNumber: startLine)
            pending += tokens
            if continues { continue }
            let logical = pending
            pending = []
            for marker in markers {
                heredocs.append(
                    PendingHeredoc(
                        delimiter: marker.delimiter, stripTabs: marker.stripTabs, quoted: marker.quoted,
                        commandTokens: command(around: marker.index, in: logical), bodyStart: lineNumber + 1))
            }
            interpret(logical, file: file, variables: &variables, into: &facts)
            annotations(logical, file: file, into: &facts)
        }
        var seen = Set<String>()
        facts.bridges = facts.bridges.filter { seen.insert($0.value).inserted }
        return facts
    }

    /// The most words a variable may hold and still be expanded (lists of bridges are short).
    static let maximumVariableWords = 256

    /// Functions whose body creates a bridge named `$1` (`ip link add [name|dev] "$1" type bridge`,
    /// `brctl addbr "$1"`), found by their `NAME() {` line and the body up to the next `}` line.
    static func bridgeFunctions(_ lines: [Substring], fastPaths: Bool = true) -> Set<String> {
        var found: Set<String> = []
        var current: String?
        for line in lines {
            // Only a line that starts a function, or one in a body that could create a bridge, is looked at.
            let skip =
                (fastPaths
                    ? withASCII(line) { bytes in
                        current == nil
                            ? !contains(bytes, "()")
                            : !contains(bytes, "}") && !contains(bytes, "bridge") && !contains(bytes, "addbr")
                    } : nil)
                ?? (current == nil
                    ? !line.contains("()")
                    : !line.contains("}") && !line.contains("bridge") && !line.contains("addbr"))
            if skip { continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let name = current {
                if trimmed == "}" {
                    current = nil
                    continue
                }
                let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
                    .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
                let createsIP =
                    words.first == "ip" && words.contains("type") && words.contains("bridge")
                    && words.count > 3 && "link".hasPrefix(words[1]) && "add".hasPrefix(words[2])
                    && words.contains("$1")
                let createsBrctl = words.count >= 3 && words[0] == "brctl" && words[1] == "addbr" && words[2] == "$1"
                if createsIP || createsBrctl { found.insert(name) }
                continue
            }
            var head = trimmed
            if head.hasPrefix("function ") { head = String(head.dropFirst("function ".count)) }
            guard let paren = head.range(of: "()") else { continue }
            let name = head[..<paren.lowerBound].trimmingCharacters(in: .whitespaces)
            let after = head[paren.upperBound...].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, isNameText(name),
                after == "{" || after.isEmpty
            {
                current = name
            }
        }
        return found
    }

    /// `openQuote(_:inside:)`, on the bytes of an ASCII line when `fastPaths`.
    static func openQuote(_ line: Substring, inside initial: Character? = nil, fastPaths: Bool) -> Character? {
        if fastPaths, initial.map({ $0.isASCII && $0 != "\r\n" }) ?? true,
            let quote = withASCII(line, { openQuoteASCII($0, inside: initial?.asciiValue) })
        {
            return quote.map { Character(Unicode.Scalar($0)) }
        }
        return openQuote(String(line), inside: initial)
    }

    /// The quote still open at the end of `line` (a `#` comment outside quotes ends the scan).
    static func openQuote(_ line: String, inside initial: Character? = nil) -> Character? {
        var quote = initial
        var escaped = false
        var previous: Character = " "
        for character in line {
            defer { previous = character }
            if escaped {
                escaped = false
                continue
            }
            if character == "\\" && quote != "'" {
                escaped = true
                continue
            }
            if let q = quote {
                if character == q { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "#" && (previous == " " || previous == "\t") {
                break
            }
        }
        return quote
    }

    /// The simple command (between operators) that holds the token at `index`.
    static func command(around index: Int, in tokens: [Token]) -> [Token] {
        var start = min(index, tokens.count)
        while start > 0, !(tokens[start - 1].isOperator && tokens[start - 1].text != "|") { start -= 1 }
        var end = min(index, tokens.count)
        while end < tokens.count, !(tokens[end].isOperator && tokens[end].text != "|") { end += 1 }
        return Array(tokens[start..<end])
    }

    static func finish(
        _ heredoc: PendingHeredoc, file: String, variables: [String: [Located<String>]],
        into facts: inout ShellScriptFacts
    ) {
        let words = heredoc.commandTokens.filter { !$0.isOperator && !$0.isRedirect }.map(\.text)
        let body = heredoc.body.joined(separator: "\n") + "\n"
        if ["BGPPeer", "BGPConfiguration", "CiliumBGP"].contains(where: body.contains),
            words.contains("kubectl") || words.contains("calicoctl")
        {
            facts.bgpManifests.append(BGPManifest(text: body, firstLine: heredoc.bodyStart))
            return
        }
        if let target = heredoc.commandTokens.first(where: \.isRedirect)?.text,
            kindCreate(heredoc.commandTokens, file: file) == nil,
            body.contains("kind.x-k8s.io") || body.contains("kind: Cluster")
        {
            var written = KindCreateFacts(
                file: file, command: SourceLocation(file: file, line: heredoc.bodyStart - 1, column: 1), name: nil,
                image: nil,
                config: body, configLine: heredoc.bodyStart)
            if !heredoc.quoted, body.contains("$") {
                (written.config, written.unresolved) = substitute(body, variables)
            }
            written.writtenTo = target
            facts.writtenFiles[normalizeFile(target)] = written
            return
        }
        let location = SourceLocation(
            file: file, line: heredoc.commandTokens.first?.line ?? heredoc.bodyStart - 1,
            column: heredoc.commandTokens.first?.column ?? 1)
        if let kind = kindCreate(heredoc.commandTokens, file: file) {
            var cluster = kind
            cluster.config = heredoc.body.joined(separator: "\n") + "\n"
            cluster.configLine = heredoc.bodyStart
            if !heredoc.quoted, cluster.config.contains("$") {
                (cluster.config, cluster.unresolved) = substitute(cluster.config, variables)
            }
            resolveName(of: &cluster, variables)
            facts.kindClusters.append(cluster)
        } else if words.contains("deploy") || words.contains(where: { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }) {
            facts.otherHeredocs.append(location)
        }
    }

    /// Expands `$NAME` and `${NAME}` the script sets; the first reference it cannot expand, if any.
    static func substitute(_ text: String, _ variables: [String: [Located<String>]]) -> (String, String?) {
        var result = ""
        var unresolved: String?
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            guard characters[i] == "$", i + 1 < characters.count else {
                result.append(characters[i])
                i += 1
                continue
            }
            var j = i + 1
            var name = ""
            let braced = characters[j] == "{"
            if braced { j += 1 }
            while j < characters.count, characters[j].isLetter || characters[j].isNumber || characters[j] == "_" {
                name.append(characters[j])
                j += 1
            }
            if braced { if j < characters.count, characters[j] == "}" { j += 1 } else { name = "" } }
            if name.isEmpty {
                if characters[i + 1] == "(" || characters[i + 1] == "{" {
                    unresolved = unresolved ?? "$" + String(characters[i + 1])
                }
                result.append("$")
                i += 1
                continue
            }
            if let values = variables[name] {
                result += values.map(\.value).joined(separator: " ")
            } else {
                unresolved = unresolved ?? "$" + name
                result += String(characters[i..<j])
            }
            i = j
        }
        return (result, unresolved)
    }

    /// `kind create cluster` with `--config -` (or `--config=-`, `/dev/stdin`) in `tokens` (a pipeline).
    static func kindCreate(_ tokens: [Token], file: String) -> KindCreateFacts? {
        let tokens = tokens.filter { !$0.isRedirect }
        let words = tokens.map(\.text)
        guard
            let start = words.indices.first(where: { i in
                i + 2 < words.count && words[i] == "kind" && words[i + 1] == "create" && words[i + 2] == "cluster"
            })
        else { return nil }
        var end = start
        while end < tokens.count, !tokens[end].isOperator { end += 1 }
        let command = Array(tokens[start..<end])
        func option(_ name: String) -> Located<String>? {
            for (i, token) in command.enumerated() {
                if token.text == name, i + 1 < command.count {
                    let value = command[i + 1]
                    return Located(
                        value.text,
                        at: SourceLocation(file: file, line: value.line, column: value.column + (value.quoted ? 1 : 0)))
                }
                if token.text.hasPrefix(name + "=") {
                    let value = String(token.text.dropFirst(name.count + 1))
                    return Located(
                        value, at: SourceLocation(file: file, line: token.line, column: token.column + name.count + 1))
                }
            }
            return nil
        }
        let config = option("--config")?.value
        guard config == "-" || config == "/dev/stdin" else { return nil }
        return KindCreateFacts(
            file: file, command: SourceLocation(file: file, line: command[0].line, column: command[0].column),
            name: option("--name"), image: option("--image"), config: "", configLine: 0)
    }

    /// `kind create cluster --config F` where the script wrote F from a heredoc before.
    static func kindCreateFromWrittenFile(_ words: [Token], file: String, facts: ShellScriptFacts) -> KindCreateFacts? {
        guard words.count >= 3, words[0].text == "kind", words[1].text == "create", words[2].text == "cluster" else {
            return nil
        }
        var path: String?
        var name: Located<String>?
        var image: Located<String>?
        for (i, token) in words.enumerated() {
            func value(_ option: String) -> Located<String>? {
                if token.text == option, i + 1 < words.count {
                    return Located(
                        words[i + 1].text,
                        at: SourceLocation(file: file, line: words[i + 1].line, column: words[i + 1].column))
                }
                if token.text.hasPrefix(option + "=") {
                    return Located(
                        String(token.text.dropFirst(option.count + 1)),
                        at: SourceLocation(file: file, line: token.line, column: token.column + option.count + 1))
                }
                return nil
            }
            path = value("--config")?.value ?? path
            name = value("--name") ?? name
            image = value("--image") ?? image
        }
        guard let path, var written = facts.writtenFiles[normalizeFile(path)] else { return nil }
        written.command = SourceLocation(file: file, line: words[0].line, column: words[0].column)
        written.name = name
        written.image = image
        return written
    }

    static func normalizeFile(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }

    /// Splits one physical line into tokens; `continues` when it ends with a backslash. Heredoc
    /// markers (`<<EOF`, `<<-EOF`, `<<'EOF'`, `<< "EOF"`) are returned with the token index they follow.
    static func tokenize(_ line: Substring, lineNumber: Int) -> (
        tokens: [Token], continues: Bool, markers: [(delimiter: String, stripTabs: Bool, quoted: Bool, index: Int)]
    ) {
        var tokens: [Token] = []
        var markers: [(String, Bool, Bool, Int)] = []
        let characters = Array(line)
        var i = 0
        var continues = false
        var expectDelimiter: Bool?
        while i < characters.count {
            let c = characters[i]
            if c == " " || c == "\t" {
                i += 1
                continue
            }
            if c == "#" { break }
            if c == "\\" && i == characters.count - 1 {
                continues = true
                break
            }
            // Operators.
            let two = i + 1 < characters.count ? String(characters[i...(i + 1)]) : String(c)
            if two == "<<" {
                if i + 2 < characters.count && characters[i + 2] == "<" {
                    i += 3  // here-string
                    continue
                }
                i += 2
                var strip = false
                if i < characters.count && characters[i] == "-" {
                    strip = true
                    i += 1
                }
                expectDelimiter = strip
                continue
            }
            if ["&&", "||", ";;"].contains(two) {
                tokens.append(Token(text: two, line: lineNumber, column: i + 1, quoted: false, isOperator: true))
                i += 2
                continue
            }
            if [";", "|", "&", "(", ")", "`"].contains(c) {
                tokens.append(Token(text: String(c), line: lineNumber, column: i + 1, quoted: false, isOperator: true))
                i += 1
                continue
            }
            if c == ">" || c == "<" {
                // A redirection: skip it and its target word (an output file is kept as a redirect token).
                let output = c == ">"
                i += 1
                var duplicates = false
                while i < characters.count, characters[i] == ">" || characters[i] == "&" {
                    if characters[i] == "&" { duplicates = true }
                    i += 1
                }
                while i < characters.count, characters[i] == " " { i += 1 }
                let targetStart = i
                while i < characters.count, !" \t;|&<>".contains(characters[i]) { i += 1 }
                if output, !duplicates, targetStart < i, characters[targetStart - 1] != "<" {
                    var target = Token(
                        text: String(characters[targetStart..<i]).labTrimming("'\""), line: lineNumber,
                        column: targetStart + 1, quoted: false, isOperator: false)
                    target.isRedirect = true
                    tokens.append(target)
                }
                continue
            }
            // A word, with quotes removed.
            let start = i
            var word = ""
            var quoted = false
            while i < characters.count, !" \t;|&<>()`".contains(characters[i]) {
                let ch = characters[i]
                if ch == "'" || ch == "\"" {
                    quoted = true
                    i += 1
                    while i < characters.count, characters[i] != ch {
                        if ch == "\"" && characters[i] == "\\" && i + 1 < characters.count { i += 1 }
                        word.append(characters[i])
                        i += 1
                    }
                    i += 1
                    continue
                }
                if ch == "\\" && i + 1 < characters.count {
                    word.append(characters[i + 1])
                    i += 2
                    continue
                }
                word.append(ch)
                i += 1
            }
            if let strip = expectDelimiter {
                markers.append((word, strip, quoted, tokens.count))
                expectDelimiter = nil
                continue
            }
            // Keywords that start a new command.
            if !quoted, ["then", "do", "else", "elif", "{", "}", "!"].contains(word) {
                tokens.append(Token(text: ";", line: lineNumber, column: start + 1, quoted: false, isOperator: true))
                continue
            }
            tokens.append(Token(text: word, line: lineNumber, column: start + 1, quoted: quoted, isOperator: false))
        }
        return (tokens, continues, markers.map { (delimiter: $0.0, stripTabs: $0.1, quoted: $0.2, index: $0.3) })
    }

    /// Interprets the simple commands of one logical line.
    static func interpret(
        _ tokens: [Token], file: String, variables: inout [String: [Located<String>]],
        into facts: inout ShellScriptFacts
    ) {
        var commands: [[Token]] = [[]]
        for token in tokens where !token.isRedirect {
            if token.isOperator { commands.append([]) } else { commands[commands.count - 1].append(token) }
        }
        for var words in commands where !words.isEmpty {
            while let first = words.first,
                ["sudo", "exec", "command", "time", "export", "local", "readonly"].contains(first.text)
            {
                words.removeFirst()
            }
            guard let first = words.first else { continue }
            // NAME=value assignments.
            if words.count == 1, let equals = first.text.firstIndex(of: "="), !first.text[..<equals].isEmpty,
                isNameText(first.text[..<equals])
            {
                let name = String(first.text[..<equals])
                let value = first.text[first.text.index(after: equals)...]
                let base = first.column + name.count + 1 + (first.quoted ? 1 : 0)
                let items = splitWords(value, file: file, line: first.line, column: base)
                // A variable that grows line by line (`waiting="$waiting $node"` over thousands of
                // nodes) is not a list of bridges or a cluster name: past a bound it is forgotten,
                // so reading stays linear in the script's size. (Its words are not expanded then.)
                let refersToForgottenVariable = items.contains { refersToForgotten($0, variables) }
                let words = refersToForgottenVariable ? [] : items.flatMap { expand($0, variables) ?? [$0] }
                let forgotten = refersToForgottenVariable || words.count > maximumVariableWords
                let here = SourceLocation(file: file, line: first.line, column: first.column)
                variables[name] = forgotten ? [Located(forgottenMarker, at: here)] : words
                if name == "BRIDGES" { facts.bridges += items }
                continue
            }
            // A call of a function that creates the bridge named by its first argument.
            if facts.bridgeFunctions.contains(first.text), words.count >= 2 {
                addBridge(words[1], file: file, variables: variables, into: &facts)
                continue
            }
            if first.text == "for", words.count >= 3, words[2].text == "in" {
                var items: [Located<String>] = []
                for word in words.dropFirst(3) {
                    let located = Located(
                        word.text,
                        at: SourceLocation(file: file, line: word.line, column: word.column + (word.quoted ? 1 : 0)))
                    if word.text.contains("$") {
                        items += expand(located, variables) ?? []
                    } else {
                        items += splitWords(
                            Substring(word.text), file: file, line: word.line,
                            column: word.column + (word.quoted ? 1 : 0))
                    }
                }
                variables[words[1].text] = items
                continue
            }
            if CiliumReader.isInstall(words.map(\.text)) {
                facts.ciliumInstalls.append(
                    CiliumReader.read(
                        words.map {
                            CiliumReader.Word(text: $0.text, line: $0.line, column: $0.column + ($0.quoted ? 1 : 0))
                        },
                        file: file))
                continue
            }
            let texts = words.map(\.text)
            if var cluster = kindCreateFromWrittenFile(words, file: file, facts: facts) {
                resolveName(of: &cluster, variables)
                facts.kindClusters.append(cluster)
                continue
            }
            // Addresses a script gives inside a node (`docker exec gw ip addr add A dev eth1`): a gateway
            // address may live there (only used to know that some node has it).
            for k in texts.indices.dropFirst() where texts[k] == "ip" || texts[k] == "ifconfig" {
                let rest = texts[(k + 1)...].filter { !$0.hasPrefix("-") }
                if texts[k] == "ifconfig", rest.count >= 2,
                    let address = IPv4Address(String(rest[rest.startIndex + 1].split(separator: "/").first ?? ""))
                {
                    facts.hostAddresses.insert(address)
                } else if rest.count >= 3, isAbbreviation(rest[rest.startIndex], of: "address", minimum: 1),
                    isAbbreviation(rest[rest.startIndex + 1], of: "add", minimum: 1),
                    let address = IPv4Address(String(rest[rest.startIndex + 2].split(separator: "/").first ?? ""))
                {
                    facts.hostAddresses.insert(address)
                }
            }
            if texts[0] == "brctl", texts.count >= 3, texts[1] == "addbr" {
                addBridge(words[2], file: file, variables: variables, into: &facts)
            } else if texts[0] == "ovs-vsctl", let add = texts.firstIndex(of: "add-br"), add + 1 < texts.count {
                addBridge(words[add + 1], file: file, variables: variables, into: &facts)
            } else if texts[0] == "ifconfig", texts.count >= 3,
                let address = IPv4Address(String(texts[2].split(separator: "/").first ?? ""))
            {
                facts.hostAddresses.insert(address)
            } else if texts[0] == "ip" {
                var rest = Array(words.dropFirst())
                // Options: a bridge made in another namespace (-n, -netns) is not a host bridge.
                while let option = rest.first, option.text.hasPrefix("-") {
                    if ["-n", "-netns", "-net"].contains(option.text) { return }
                    rest.removeFirst()
                    if ["-f", "-family", "-b", "-batch", "-rc", "-rcvbuf"].contains(option.text), !rest.isEmpty {
                        rest.removeFirst()
                    }
                }
                if rest.count >= 3, isAbbreviation(rest[0].text, of: "address", minimum: 1),
                    isAbbreviation(rest[1].text, of: "add", minimum: 1),
                    let address = IPv4Address(String(rest[2].text.split(separator: "/").first ?? ""))
                {
                    facts.hostAddresses.insert(address)
                    continue
                }
                guard rest.count >= 3, isAbbreviation(rest[0].text, of: "link", minimum: 1),
                    isAbbreviation(rest[1].text, of: "add", minimum: 1)
                else { continue }
                let arguments = Array(rest.dropFirst(2))
                guard let type = arguments.firstIndex(where: { $0.text == "type" }), type + 1 < arguments.count,
                    arguments[type + 1].text == "bridge"
                else { continue }
                if let name = arguments.firstIndex(where: { $0.text == "name" || $0.text == "dev" }),
                    name + 1 < arguments.count,
                    name < type
                {
                    addBridge(arguments[name + 1], file: file, variables: variables, into: &facts)
                } else if arguments[0].text != "type", arguments[0].text != "link" {
                    addBridge(arguments[0], file: file, variables: variables, into: &facts)
                }
            }
        }
    }

    /// Whether `word` is a prefix of `full` of at least `minimum` characters (how `ip` reads its objects and verbs).
    static func isAbbreviation(_ word: String, of full: String, minimum: Int) -> Bool {
        word.count >= minimum && full.hasPrefix(word)
    }

    static func addBridge(
        _ token: Token, file: String, variables: [String: [Located<String>]], into facts: inout ShellScriptFacts
    ) {
        let location = SourceLocation(file: file, line: token.line, column: token.column + (token.quoted ? 1 : 0))
        let located = Located(token.text, at: location)
        if token.text.contains("$") || token.text.contains("`") {
            // `$1` in the body of a bridge-creating function: its calls name the bridges.
            if token.text == "$1" && !facts.bridgeFunctions.isEmpty { return }
            if let expanded = expand(located, variables), !expanded.isEmpty {
                facts.bridges += expanded
            } else if facts.unresolvedBridge == nil {
                facts.unresolvedBridge = location
            }
            return
        }
        guard !token.text.isEmpty else { return }
        facts.bridges.append(located)
    }

    /// `--name $CLUSTER`: the variable's one word when the script sets it, else the config is unresolved
    /// (and so not checked).
    static func resolveName(of cluster: inout KindCreateFacts, _ variables: [String: [Located<String>]]) {
        guard let name = cluster.name, name.value.contains("$") else { return }
        if let value = expand(name, variables), value.count == 1 {
            cluster.name = Located(value[0].value, at: name.location)
        } else {
            cluster.unresolved = cluster.unresolved ?? name.value
        }
    }

    /// `$NAME`, `${NAME}` as the whole word: the variable's words; nil when unknown or not a plain reference.
    static func expand(_ word: Located<String>, _ variables: [String: [Located<String>]]) -> [Located<String>]? {
        var name = word.value
        guard name.hasPrefix("$") else { return nil }
        name.removeFirst()
        if name.hasPrefix("{") && name.hasSuffix("}") { name = String(name.dropFirst().dropLast()) }
        guard isNameText(name) else { return nil }
        guard let value = variables[name], !isForgotten(value) else { return nil }
        return value
    }

    /// The value of a variable that grew past `maximumVariableWords`: unknown from then on.
    static let forgottenMarker = "\u{0}forgotten"

    static func isForgotten(_ value: [Located<String>]) -> Bool {
        value.count == 1 && value[0].value == forgottenMarker
    }

    /// Whether `word` is `$NAME`/`${NAME}` of a forgotten variable.
    static func refersToForgotten(_ word: Located<String>, _ variables: [String: [Located<String>]]) -> Bool {
        var name = word.value
        guard name.hasPrefix("$") else { return false }
        name.removeFirst()
        if name.hasPrefix("{") && name.hasSuffix("}") { name = String(name.dropFirst().dropLast()) }
        return variables[name].map(isForgotten) ?? false
    }

    static func splitWords(_ text: Substring, file: String, line: Int, column: Int) -> [Located<String>] {
        words(text).map {
            Located(String($0.word), at: SourceLocation(file: file, line: line, column: column + $0.offset))
        }
    }
}

extension ShellScriptReader {
    /// `kubectl annotate node[s] NAME ... projectcalico.org/ASNumber=N` (also `node/NAME`).
    static func annotations(_ tokens: [Token], file: String, into facts: inout ShellScriptFacts) {
        let words = tokens.filter { !$0.isOperator }
        guard let annotate = words.firstIndex(where: { $0.text == "annotate" }), annotate > 0,
            words[annotate - 1].text == "kubectl" || words[..<annotate].contains(where: { $0.text == "kubectl" })
        else { return }
        // Options may come before the resource (`annotate --overwrite node X ...`).
        var rest: [Token] = []
        var index = annotate + 1
        while index < words.count {
            let text = words[index].text
            if text.hasPrefix("-") {
                let takesValue = ["-n", "--namespace", "--context", "--kubeconfig", "-l", "--selector"].contains(text)
                index += takesValue ? 2 : 1
                continue
            }
            rest.append(words[index])
            index += 1
        }
        var node: String?
        if let first = rest.first, ["node", "nodes", "no"].contains(first.text), rest.count > 1 {
            node = rest[1].text
            rest.removeFirst(2)
        } else if let first = rest.first, first.text.hasPrefix("node/") {
            node = String(first.text.dropFirst("node/".count))
            rest.removeFirst()
        }
        guard let node, !node.hasPrefix("-"), !node.contains("$") else { return }
        let key = "projectcalico.org/ASNumber="
        for word in rest where word.text.hasPrefix(key) {
            let value = String(word.text.dropFirst(key.count))
            let column = word.column + key.count + (word.quoted ? 1 : 0)
            let location = SourceLocation(file: file, line: word.line, column: column)
            facts.nodeASAnnotations[node] = Located(value, at: location)
        }
    }
}

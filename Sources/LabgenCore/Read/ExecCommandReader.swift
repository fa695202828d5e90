import LabFormats
import LabModel

/// Reads the `ip` commands of a containerlab node's `exec` entries: addresses (`ip addr add`,
/// `ip a a`, `ip -4 a add`, IPv6 skipped), default routes (`ip route replace|add default via`,
/// `ip r r`, `ip r a`), VRFs and masters (`ip link add X type vrf`, `ip link set X master Y`), MTUs
/// (`ip link set [dev] X mtu N`).
/// Chains inside `bash -c '... && ...'` are split; anything else is not interpreted.
enum ExecCommandReader {
    static func parse(
        _ text: String, node: YAMLNode, origin: TextOrigin, into facts: inout ClabNodeFacts,
        diagnostics: inout DiagnosticList
    ) {
        // The length in scalars of the command's first line (up to the first Character "\n"), counted
        // only when a location is needed.
        var firstLineLength: Int?
        func firstLineScalars() -> Int {
            if let firstLineLength { return firstLineLength }
            // No "\n" byte: the whole text, whose scalars are its bytes that do not continue a UTF-8 sequence
            // (one pass over the bytes when they are contiguous).
            let counted = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
                var count = 0
                for byte in bytes {
                    if byte == UInt8(ascii: "\n") { return nil }
                    if byte & 0xC0 != 0x80 { count += 1 }
                }
                return count
            }
            if let counted, let count = counted {
                firstLineLength = count
                return count
            }
            // Otherwise (a "\n", or bytes that are not contiguous) by Characters: up to the first "\n".
            let end = YAMLWriter.containsLineFeed(text) ? text.firstIndex(of: "\n") ?? text.endIndex : text.endIndex
            let count = text[..<end].unicodeScalars.count
            firstLineLength = count
            return count
        }
        for segment in segments(text) {
            var tokens = words(Substring(segment.text))[...]
            // `bash -c '...'` / `sh -c "..."` wrappers.
            while let first = tokens.first, isWrapper(first.word) { tokens.removeFirst() }
            guard tokens.first.map({ $0.word.trimmingQuotes == "ip" }) == true else { continue }
            // A word with no quote at either end is its own trimmingQuotes: kept, not copied (and the
            // words of a command that is the whole text keep their offsets).
            let quoted = tokens.contains { token in
                let bytes = token.word.utf8
                return bytes.first.map(isQuote) != false || bytes.last.map(isQuote) != false
            }
            let words =
                !quoted && segment.offset == 0
                ? tokens
                : tokens.map { token -> (word: Substring, offset: Int) in
                    let bytes = token.word.utf8
                    let quoted = bytes.first.map(isQuote) != false || bytes.last.map(isQuote) != false
                    return (quoted ? Substring(token.word.trimmingQuotes) : token.word, segment.offset + token.offset)
                }[...]
            func location(_ offset: Int) -> SourceLocation {
                // Exact on the command's first line; the command's start otherwise.
                offset < firstLineScalars() ? origin.location(node, offset: offset) : origin.location(node)
            }
            interpret(words, location: location, into: &facts, diagnostics: &diagnostics)
        }
    }

    /// `bash`, `sh`, `-c`, `sudo` and lone quotes before the command.
    private static func isWrapper(_ word: Substring) -> Bool { isOne(word, of: wrappers) }
    private static let wrappers = ["bash", "sh", "-c", "sudo", "'", "\""]

    /// Whether `word` is one of `words`, byte for byte (every word here is ASCII; comparing bytes skips the
    /// Unicode comparison of `==`, and exec entries of a large lab are read 20,000 times).
    private static func isOne(_ word: Substring, of words: [String]) -> Bool {
        words.contains { $0.utf8.elementsEqual(word.utf8) }
    }

    /// `text.contains(character)` for an ASCII character: false at once when its byte is not in the text.
    private static func hasCharacter(_ text: Substring, _ character: Character) -> Bool {
        guard let byte = character.asciiValue, !text.utf8.contains(byte) else { return text.contains(character) }
        return false
    }

    /// `word.first?.isNumber == true`, from the first byte when it is ASCII.
    private static func startsWithNumber(_ word: Substring) -> Bool {
        guard let byte = word.utf8.first else { return false }
        guard byte >= 0x80 else { return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        return word.first?.isNumber == true
    }

    private static func isQuote(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") }

    /// The simple commands of `text` with their offsets: split on newlines, `&&`, `||`, `;` and `|`.
    static func segments(_ text: String) -> [(text: String, offset: Int)] {
        if let spans = text.utf8.withContiguousStorageIfAvailable({ segmentsASCII($0) }), let spans {
            // The usual exec entry is one command: the text itself, not a copy.
            if spans.count == 1, spans[0].start == 0, spans[0].end == text.utf8.count { return [(text, 0)] }
            let utf8 = text.utf8
            return spans.map { span in
                let from = utf8.index(utf8.startIndex, offsetBy: span.start)
                let to = utf8.index(from, offsetBy: span.end - span.start)
                return (String(text[from..<to]), span.start)
            }
        }
        var result: [(String, Int)] = []
        var current = ""
        var start = 0
        var offset = 0
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            let next = i + 1 < scalars.count ? scalars[i + 1] : " "
            let isSeparator = c == "\n" || c == ";" || (c == "&" && next == "&") || (c == "|")
            if isSeparator {
                result.append((current, start))
                current = ""
                let width = (c == "&" || (c == "|" && next == "|")) ? 2 : 1
                i += width
                offset += width
                start = offset
                continue
            }
            current.unicodeScalars.append(c)
            i += 1
            offset += 1
        }
        result.append((current, start))
        return result.filter { !$0.0.allSatisfy { $0 == " " || $0 == "\t" } }
    }

    /// The byte ranges of `segments` of an ASCII text (a scalar is a byte); nil when not ASCII.
    private static func segmentsASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int)]? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var result: [(start: Int, end: Int)] = []
        var start = 0
        var i = 0
        func add(_ end: Int) {
            let part = UnsafeBufferPointer(rebasing: bytes[start..<end])
            // Not only spaces and tabs (as bytes: ASCII has no multi-scalar Character but "\r\n").
            if part.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) {
                result.append((start, end))
            }
        }
        while i < bytes.count {
            let c = bytes[i]
            let next = i + 1 < bytes.count ? bytes[i + 1] : UInt8(ascii: " ")
            if c == UInt8(ascii: "\n") || c == UInt8(ascii: ";")
                || (c == UInt8(ascii: "&") && next == UInt8(ascii: "&"))
                || c == UInt8(ascii: "|")
            {
                add(i)
                i += (c == UInt8(ascii: "&") || (c == UInt8(ascii: "|") && next == UInt8(ascii: "|"))) ? 2 : 1
                start = i
                continue
            }
            i += 1
        }
        add(bytes.count)
        return result
    }

    /// Whether a word of `ip addr add` takes a value.
    private static func isAddressKeyword(_ word: Substring) -> Bool { isOne(word, of: addressKeywords) }
    private static let addressKeywords = [
        "dev", "peer", "brd", "broadcast", "label", "scope", "valid_lft", "preferred_lft", "metric", "anycast", "proto",
    ]

    static func interpret(
        _ words: ArraySlice<(word: Substring, offset: Int)>, location: (Int) -> SourceLocation,
        into facts: inout ClabNodeFacts, diagnostics: inout DiagnosticList
    ) {
        // Slices of the words, not copies: an exec entry of a large lab is read 20,000 times.
        var tokens = words.dropFirst()
        var family: String?
        while let first = tokens.first, first.word.utf8.first == UInt8(ascii: "-") {
            tokens.removeFirst()
            switch first.word {
            case "-6": family = "inet6"
            case "-4": family = "inet"
            case "-f", "-family":
                if let value = tokens.first {
                    family = String(value.word)
                    tokens.removeFirst()
                }
            case "-n", "-netns", "-b", "-batch": return  // another namespace, or a batch file
            default: break
            }
        }
        guard tokens.count >= 2 else { return }
        let object = tokens[tokens.startIndex].word
        let verb = tokens[tokens.startIndex + 1].word
        // `full` is an ASCII keyword: a byte prefix is a prefix.
        func abbreviates(_ word: Substring, _ full: String) -> Bool {
            !word.isEmpty && full.utf8.starts(with: word.utf8)
        }
        let rest = tokens.dropFirst(2)
        if abbreviates(object, "address") && !object.utf8.starts(with: "addrl".utf8) {
            guard abbreviates(verb, "add") || verb == "replace" || verb == "change", !rest.isEmpty else { return }
            // `ip addr add [local] A [peer P] [brd B] [label L] [scope S] dev IF ...`, keywords in any order.
            var addressToken: (word: Substring, offset: Int)?
            var index = rest.startIndex
            while index < rest.endIndex {
                let word = rest[index].word
                if isAddressKeyword(word) {
                    index += 2
                    continue
                }
                if word == "local" {
                    index += 1
                    continue
                }
                if addressToken == nil,
                    startsWithNumber(word) || hasCharacter(word, ":") || word.utf8.first == UInt8(ascii: "$")
                {
                    addressToken = rest[index]
                }
                index += 1
            }
            guard let addressToken else { return }
            if rest.contains(where: { $0.word == "peer" }) { return }  // a point-to-point address: no prefix to check
            let device = rest.firstIndex { $0.word == "dev" }.flatMap {
                $0 + 1 < rest.endIndex ? String(rest[$0 + 1].word) : nil
            }
            guard let device else { return }
            let text = String(addressToken.word)
            if family == "inet6" || hasCharacter(Substring(text), ":") || hasCharacter(Substring(text), "$") { return }
            guard let address = IPv4Interface(text) else {
                if text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "/" }) {
                    diagnostics.error(
                        RuleID.nodeIP, "'\(text)' in exec is not an IPv4 address with a prefix length",
                        at: location(addressToken.offset))
                }
                return
            }
            facts.addresses.append(
                ExecAddress(interface: device, address: address, location: location(addressToken.offset)))
        } else if abbreviates(object, "route") {
            guard family != "inet6",
                abbreviates(verb, "add") || abbreviates(verb, "replace") || abbreviates(verb, "change")
            else {
                return
            }
            // A default route of another routing table (source-based routing) is not the server's default route.
            if let table = rest.firstIndex(where: { $0.word == "table" }), table + 1 < rest.endIndex,
                !["main", "254"].contains(rest[table + 1].word)
            {
                return
            }
            guard let first = rest.first, first.word == "default" || first.word == "0.0.0.0/0",
                let via = rest.firstIndex(where: { $0.word == "via" }), via + 1 < rest.endIndex
            else { return }
            if let address = IPv4Address(String(rest[via + 1].word)) {
                facts.defaultRoutes.append(Located(address, at: location(rest[via + 1].offset)))
            }
        } else if abbreviates(object, "link") {
            let words = rest
            let rest = words.map { String($0.word) }
            if abbreviates(verb, "add"), let type = rest.firstIndex(of: "type"), type + 1 < rest.count,
                rest[type + 1] == "vrf"
            {
                let name =
                    rest.firstIndex(of: "name").flatMap { $0 + 1 < rest.count ? rest[$0 + 1] : nil } ?? rest.first ?? ""
                facts.vrfs.insert(name)
            } else if abbreviates(verb, "set") {
                let device = rest.first == "dev" ? (rest.count > 1 ? rest[1] : "") : rest.first ?? ""
                if let master = rest.firstIndex(where: { $0 == "master" || $0 == "vrf" }), master + 1 < rest.count {
                    facts.masters[device] = rest[master + 1]
                }
                // `ip link set [dev] X mtu N`: the MTU the node gives its own end of a link.
                if let mtu = words.firstIndex(where: { $0.word == "mtu" }), mtu + 1 < words.endIndex,
                    let value = Int(words[mtu + 1].word), !device.isEmpty
                {
                    facts.mtus[device] = Located(value, at: location(words[mtu + 1].offset))
                }
            }
        }
    }
}

extension Substring {
    var trimmingQuotes: String {
        // An ASCII word: quotes are bytes (the only two-scalar ASCII Character is "\r\n", no quote).
        if let trimmed = utf8.withContiguousStorageIfAvailable({ bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func isQuote(_ c: UInt8) -> Bool { c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") }
            var start = 0
            var end = bytes.count
            while start < end, isQuote(bytes[start]) { start += 1 }
            while end > start, isQuote(bytes[end - 1]) { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }), let trimmed {
            return trimmed
        }
        var text = self
        while let first = text.first, first == "'" || first == "\"" { text = text.dropFirst() }
        while let last = text.last, last == "'" || last == "\"" { text = text.dropLast() }
        return String(text)
    }
}

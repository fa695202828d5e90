/// Writes a TOML table in the layout of kind's `containerdConfigPatches`:
///
/// ```toml
/// [plugins."io.containerd.grpc.v1.cri".registry.mirrors."192.168.2.100:5000"]
///   endpoint = ["http://192.168.2.100:5000"]
/// ```
///
/// Keys of the root table come first, unindented; then every table that holds values (or is
/// empty) gets a `[dotted.header]` with its keys indented two spaces; tables holding only tables
/// get no header of their own (they are implied). Sections are separated by a blank line. Keys are
/// bare when made of `A-Za-z0-9_-`, else basic-quoted. Strings are basic strings with escapes
/// (`\"`, `\\`, `\b`, `\t`, `\n`, `\f`, `\r`, `\uXXXX` for other control characters), so every string
/// reads back exactly. Within a table, values are written before sub-tables, so a table whose entries
/// interleave values and tables reads back with the tables last.
///
/// Tables inside arrays are written as inline tables `{ k = v }`, which is valid TOML but outside
/// what `TOMLReader` reads.
public enum TOMLWriter {
    public static func write(_ doc: TOMLTable) -> String {
        var out = ""
        writeValues(of: doc, indent: "", into: &out)
        writeTables(of: doc, path: [], into: &out)
        return out
    }

    private static func writeValues(of table: TOMLTable, indent: String, into out: inout String) {
        for entry in table.entries {
            if case .table = entry.value { continue }
            out += indent + key(entry.key) + " = " + value(entry.value) + "\n"
        }
    }

    private static func writeTables(of table: TOMLTable, path: [String], into out: inout String) {
        for entry in table.entries {
            guard case .table(let sub) = entry.value else { continue }
            let subPath = path + [entry.key]
            let hasValues = sub.entries.contains {
                if case .table = $0.value { return false }
                return true
            }
            if hasValues || sub.entries.isEmpty {
                if !out.isEmpty { out += "\n" }
                out += "[" + subPath.map(key).joined(separator: ".") + "]\n"
                writeValues(of: sub, indent: "  ", into: &out)
            }
            writeTables(of: sub, path: subPath, into: &out)
        }
    }

    /// A key, bare when possible.
    static func key(_ k: String) -> String {
        let bare =
            !k.isEmpty
            && k.unicodeScalars.allSatisfy { s in
                ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_" || s == "-"
            }
        return bare ? k : quoted(k)
    }

    /// TOML's escapes for basic strings.
    static let escapes: [Unicode.Scalar: String] = [
        "\"": "\\\"", "\\": "\\\\", "\u{8}": "\\b", "\t": "\\t", "\n": "\\n", "\u{C}": "\\f", "\r": "\\r",
    ]

    static func quoted(_ s: String) -> String {
        CharacterEscaping.doubleQuoted(s, escapes) { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F ? "\\u" + CharacterEscaping.hex(scalar.value, digits: 4) : nil
        }
    }

    static func value(_ v: TOMLValue) -> String {
        switch v {
        case .string(let s): return quoted(s)
        case .integer(let i): return String(i)
        case .boolean(let b): return b ? "true" : "false"
        case .array(let items): return "[" + items.map(value).joined(separator: ", ") + "]"
        case .table(let t):
            if t.entries.isEmpty { return "{}" }
            return "{ " + t.entries.map { key($0.key) + " = " + value($0.value) }.joined(separator: ", ") + " }"
        }
    }
}

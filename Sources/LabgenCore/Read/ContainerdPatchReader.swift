import LabFormats
import LabModel

/// Reads the registry mirrors out of the TOML of kind's `containerdConfigPatches`: tables
/// `[plugins."io.containerd.grpc.v1.cri".registry.mirrors."HOST"]` with `endpoint = ["…"]`.
///
/// A small TOML subset (table headers with bare and quoted keys, string and string-array
/// values, comments) with positions; other tables and keys are skipped.
public enum ContainerdPatchReader {
    public static func mirrors(_ text: String, origin: TextOrigin, diagnostics: inout [Diagnostic]) -> [RegistryMirrorFacts] {
        var result: [RegistryMirrorFacts] = []
        var current: Int?
        for (lineIndex, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            let indent = rawLine.unicodeScalars.count - line.unicodeScalars.count
            let position = TextPosition(line: lineIndex + 1, column: indent + 1)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                current = nil
                guard let keys = tableKeys(line) else {
                    diagnostics.append(
                        .error(RuleID.unreadable, "containerd patch: malformed TOML table header", at: origin.location(position)))
                    continue
                }
                // …registry.mirrors."HOST" (also the `registry.configs` and other tables: skipped)
                if keys.count >= 2, keys[keys.count - 2] == "mirrors", keys.contains("registry") {
                    result.append(RegistryMirrorFacts(host: keys[keys.count - 1], endpoints: [], location: origin.location(position)))
                    current = result.count - 1
                }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].labTrimming(" \t\"")
            guard key == "endpoint", let index = current else { continue }
            let valueText = line[line.index(after: equals)...]
            let valueOffset = indent + line.distance(from: line.startIndex, to: equals) + 1
            for (string, offset) in strings(valueText) {
                result[index].endpoints.append(
                    Located(string, at: origin.location(TextPosition(line: lineIndex + 1, column: valueOffset + offset + 1))))
            }
        }
        return result
    }

    /// `[a."b.c".d]` -> `["a", "b.c", "d"]`.
    static func tableKeys(_ line: Substring) -> [String]? {
        var keys: [String] = []
        var current = ""
        var quoted = false
        var closed = false
        for character in line.dropFirst() {
            if closed { break }
            switch character {
            case "\"": quoted.toggle()
            case "." where !quoted:
                keys.append(current.labTrimming(" "))
                current = ""
            case "]" where !quoted: closed = true
            default: current.append(character)
            }
        }
        guard closed, !quoted else { return nil }
        keys.append(current.labTrimming(" "))
        return keys
    }

    /// The double- or single-quoted strings of a value, with their offsets (of the opening quote).
    static func strings(_ text: Substring) -> [(String, Int)] {
        var result: [(String, Int)] = []
        var offset = 0
        var current: String?
        var quote: Character = "\""
        var start = 0
        var escaped = false
        for character in text {
            if var string = current {
                if escaped {
                    string.append(character)
                    escaped = false
                    current = string
                } else if character == "\\" && quote == "\"" {
                    escaped = true
                } else if character == quote {
                    result.append((string, start))
                    current = nil
                } else {
                    string.append(character)
                    current = string
                }
            } else if character == "\"" || character == "'" {
                quote = character
                current = ""
                start = offset
            } else if character == "#" {
                break
            }
            offset += character.unicodeScalars.count
        }
        return result
    }
}

extension StringProtocol {
    func labTrimming(_ set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

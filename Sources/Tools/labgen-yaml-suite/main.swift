// Runs the LabFormats YAML reader over the public YAML test suite (one folder per case:
// in.yaml, in.json when valid, error when it must be rejected) and classifies every case.
//
// usage: labgen-yaml-suite [SUITE_DIR] [--verbose] [--allowlist FILE]
//
// Classes:
//   pass                 accepted and equal to in.json (or valid without in.json and accepted),
//                        or an error case rejected
//   out-of-subset        accepted, and the only differences are floats (or integers too large
//                        for Int), which the reader keeps as strings
//   refused-unsupported  valid, and the reader threw "unsupported YAML feature: ..." (fine)
//   refused-other        valid, and the reader threw another error
//   MISREAD              accepted but the data differs from in.json (bad)
//   ACCEPTED-INVALID     an error case was accepted (bad)
// Exits 1 when a MISREAD or ACCEPTED-INVALID case is not listed in the allowlist
// (default: known-differences.txt next to this file, lines "ID reason").

import Foundation
import LabFormats

// MARK: A small JSON reader for in.json streams (one JSON text per document)

indirect enum JSON: Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSON])
    case object([String: JSON])
}

struct JSONStreamParser {
    let u: [UInt8]
    var i = 0

    init(_ text: String) { u = Array(text.utf8) }

    mutating func skipSpace() {
        while i < u.count, u[i] == 0x20 || u[i] == 0x0A || u[i] == 0x0D || u[i] == 0x09 { i += 1 }
    }

    mutating func all() throws -> [JSON] {
        var out: [JSON] = []
        skipSpace()
        while i < u.count {
            out.append(try value())
            skipSpace()
        }
        return out
    }

    struct Bad: Error { let offset: Int }

    mutating func value() throws -> JSON {
        skipSpace()
        guard i < u.count else { throw Bad(offset: i) }
        switch u[i] {
        case UInt8(ascii: "{"):
            i += 1
            var object: [String: JSON] = [:]
            skipSpace()
            if i < u.count, u[i] == UInt8(ascii: "}") {
                i += 1
                return .object(object)
            }
            while true {
                skipSpace()
                guard case .string(let key) = try value() else { throw Bad(offset: i) }
                skipSpace()
                guard i < u.count, u[i] == UInt8(ascii: ":") else { throw Bad(offset: i) }
                i += 1
                object[key] = try value()
                skipSpace()
                guard i < u.count else { throw Bad(offset: i) }
                if u[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard u[i] == UInt8(ascii: "}") else { throw Bad(offset: i) }
                i += 1
                return .object(object)
            }
        case UInt8(ascii: "["):
            i += 1
            var array: [JSON] = []
            skipSpace()
            if i < u.count, u[i] == UInt8(ascii: "]") {
                i += 1
                return .array(array)
            }
            while true {
                array.append(try value())
                skipSpace()
                guard i < u.count else { throw Bad(offset: i) }
                if u[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard u[i] == UInt8(ascii: "]") else { throw Bad(offset: i) }
                i += 1
                return .array(array)
            }
        case UInt8(ascii: "\""):
            i += 1
            var scalars = String.UnicodeScalarView()
            var bytes: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
                bytes.removeAll()
            }
            var pendingHigh: UInt32? = nil
            while true {
                guard i < u.count else { throw Bad(offset: i) }
                let c = u[i]
                i += 1
                if c == UInt8(ascii: "\"") { break }
                if c != UInt8(ascii: "\\") {
                    bytes.append(c)
                    continue
                }
                flush()
                guard i < u.count else { throw Bad(offset: i) }
                let e = u[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "u"):
                    guard i + 4 <= u.count, let v = UInt32(String(decoding: u[i..<i + 4], as: UTF8.self), radix: 16)
                    else { throw Bad(offset: i) }
                    i += 4
                    if v >= 0xD800 && v < 0xDC00 {
                        pendingHigh = v
                    } else if v >= 0xDC00 && v < 0xE000, let high = pendingHigh {
                        let combined = 0x10000 + ((high - 0xD800) << 10) + (v - 0xDC00)
                        scalars.append(Unicode.Scalar(combined)!)
                        pendingHigh = nil
                    } else if let s = Unicode.Scalar(v) {
                        scalars.append(s)
                    }
                default: throw Bad(offset: i)
                }
            }
            flush()
            return .string(String(scalars))
        case UInt8(ascii: "t"):
            i += 4
            return .bool(true)
        case UInt8(ascii: "f"):
            i += 5
            return .bool(false)
        case UInt8(ascii: "n"):
            i += 4
            return .null
        default:
            let start = i
            while i < u.count, "+-0123456789.eE".utf8.contains(u[i]) { i += 1 }
            guard i > start else { throw Bad(offset: i) }
            return .number(String(decoding: u[start..<i], as: UTF8.self))
        }
    }
}

// MARK: Comparison

enum Comparison { case equal, floatOnly, different }

func compare(_ y: YAMLValue, _ j: JSON) -> Comparison {
    switch (y, j) {
    case (.null, .null): return .equal
    case (.bool(let a), .bool(let b)): return a == b ? .equal : .different
    case (.string(let a), .string(let b)): return a == b ? .equal : .different
    case (.int(let a), .number(let b)):
        if let bi = Int(b) { return a == bi ? .equal : .different }
        if let bd = Double(b), Double(a) == bd { return .equal }
        return .different
    case (.string(let a), .number(let b)):
        // The reader keeps floats (and integers too large for Int) as strings.
        var t = a
        if t.hasPrefix("+") { t.removeFirst() }
        if let ad = Double(t), let bd = Double(b), ad == bd || abs(ad - bd) <= 1e-9 * max(1, abs(bd)) {
            return .floatOnly
        }
        return .different
    case (.sequence(let a, _), .array(let b)):
        guard a.count == b.count else { return .different }
        var result = Comparison.equal
        for (x, z) in zip(a, b) {
            switch compare(x, z) {
            case .different: return .different
            case .floatOnly: result = .floatOnly
            case .equal: break
            }
        }
        return result
    case (.mapping(let pairs), .object(let object)):
        guard pairs.count == object.count else { return .different }
        var result = Comparison.equal
        for pair in pairs {
            guard let z = object[pair.key] else { return .different }
            switch compare(pair.value, z) {
            case .different: return .different
            case .floatOnly: result = .floatOnly
            case .equal: break
            }
        }
        return result
    default:
        return .different
    }
}

// MARK: Main

var arguments = Array(CommandLine.arguments.dropFirst())
var verbose = false
var allowlistPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("known-differences.txt").path
var suitePath = "../shared/yaml-test-suite"
while !arguments.isEmpty {
    let a = arguments.removeFirst()
    switch a {
    case "--verbose", "-v": verbose = true
    case "--allowlist": allowlistPath = arguments.isEmpty ? allowlistPath : arguments.removeFirst()
    default: suitePath = a
    }
}

let fm = FileManager.default
var isDirectory: ObjCBool = false
guard fm.fileExists(atPath: suitePath, isDirectory: &isDirectory), isDirectory.boolValue else {
    FileHandle.standardError.write("labgen-yaml-suite: no suite directory at \(suitePath)\n".data(using: .utf8)!)
    exit(2)
}

var allowed: [String: String] = [:]
if let text = try? String(contentsOfFile: allowlistPath, encoding: .utf8) {
    for line in text.split(separator: "\n") {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
        let parts = trimmed.split(separator: " ", maxSplits: 1)
        allowed[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
    }
}

let classes = ["pass", "out-of-subset", "refused-unsupported", "refused-other", "MISREAD", "ACCEPTED-INVALID"]
var byClass: [String: [String]] = [:]
var notes: [String: String] = [:]
var passWithoutJSON = 0

let ids = try fm.contentsOfDirectory(atPath: suitePath).filter {
    fm.fileExists(atPath: "\(suitePath)/\($0)/in.yaml")
}.sorted()

for id in ids {
    let dir = "\(suitePath)/\(id)"
    guard let data = fm.contents(atPath: "\(dir)/in.yaml") else { continue }
    let text = String(decoding: data, as: UTF8.self)
    let mustFail = fm.fileExists(atPath: "\(dir)/error")
    let outcome: Result<[YAMLValue], FormatError>
    do {
        outcome = .success(try YAMLReader.read(text).map(\.value))
    } catch {
        outcome = .failure(error)
    }
    let cls: String
    switch outcome {
    case .failure(let error):
        if mustFail {
            cls = "pass"
        } else if error.message.hasPrefix("unsupported YAML feature") {
            cls = "refused-unsupported"
        } else {
            cls = "refused-other"
        }
        notes[id] = error.description
    case .success(let values):
        if mustFail {
            cls = "ACCEPTED-INVALID"
            notes[id] = "accepted: \(values)"
        } else if let jsonData = fm.contents(atPath: "\(dir)/in.json") {
            var parser = JSONStreamParser(String(decoding: jsonData, as: UTF8.self))
            guard let expected = try? parser.all() else {
                cls = "refused-other"
                notes[id] = "could not parse in.json"
                break
            }
            if values.count != expected.count {
                cls = "MISREAD"
            } else {
                var result = Comparison.equal
                for (v, e) in zip(values, expected) {
                    let c = compare(v, e)
                    if c == .different {
                        result = .different
                        break
                    }
                    if c == .floatOnly { result = .floatOnly }
                }
                cls = result == .equal ? "pass" : result == .floatOnly ? "out-of-subset" : "MISREAD"
            }
            if cls == "MISREAD" { notes[id] = "got \(values)\n        expected \(expected)" }
        } else {
            cls = "pass"
            passWithoutJSON += 1
        }
    }
    byClass[cls, default: []].append(id)
}

var failing = false
print("YAML test suite: \(ids.count) cases in \(suitePath)")
for cls in classes {
    let list = byClass[cls] ?? []
    var line = "\(cls): \(list.count)"
    if cls == "pass" { line += " (\(passWithoutJSON) of them valid cases without in.json, accepted)" }
    print(line)
    let bad = cls == "MISREAD" || cls == "ACCEPTED-INVALID"
    if bad || (verbose && cls != "pass") {
        for id in list {
            let allowance = allowed[id].map { " [known: \($0)]" } ?? ""
            if bad && allowed[id] == nil { failing = true }
            print("  \(id)\(allowance)")
            if verbose || bad, let note = notes[id] { print("      \(note)") }
        }
    }
}
if failing {
    print("FAIL: misread or accepted-invalid cases that are not in the allowlist")
    exit(1)
}
print("OK")

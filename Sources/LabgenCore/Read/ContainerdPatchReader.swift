import Foundation
import LabFormats
import LabModel

/// Reads the registry mirrors out of the TOML of kind's `containerdConfigPatches`: tables
/// `[plugins."io.containerd.grpc.v1.cri".registry.mirrors."HOST"]` with `endpoint = ["…"]`,
/// through LabFormats' `TOMLReader` (positions are mapped into the enclosing file).
public enum ContainerdPatchReader {
    public static func mirrors(_ text: String, origin: TextOrigin, diagnostics: inout DiagnosticList)
        -> [RegistryMirrorFacts]
    {
        let document: TOMLDocument
        do {
            document = try TOMLReader.read(text)
        } catch {
            diagnostics.error(
                RuleID.unreadable, "containerd patch: \(error.message)", at: origin.location(error.position))
            return []
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [RegistryMirrorFacts] = []
        func walk(_ table: TOMLTable, _ path: [String]) {
            for entry in table.entries {
                guard case .table(let child) = entry.value else { continue }
                let childPath = path + [entry.key]
                if path.count >= 2, path[path.count - 1] == "mirrors", path.contains("registry") {
                    // `…registry.mirrors."HOST"`: its endpoints.
                    let location = origin.location(document.position(of: childPath) ?? .start)
                    var endpoints: [Located<String>] = []
                    if case .array(let values)? = child["endpoint"] {
                        let key = document.position(of: childPath + ["endpoint"]) ?? .start
                        let line = key.line <= lines.count ? lines[key.line - 1] : ""
                        for case .string(let endpoint) in values {
                            // Point at the endpoint's quoted string when it is on the key's line.
                            var position = key
                            if let range = line.range(of: "\"\(endpoint)\"") ?? line.range(of: "'\(endpoint)'") {
                                position.column =
                                    line.unicodeScalars.distance(
                                        from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1
                            }
                            endpoints.append(Located(endpoint, at: origin.location(position)))
                        }
                    }
                    result.append(RegistryMirrorFacts(host: entry.key, endpoints: endpoints, location: location))
                } else {
                    walk(child, childPath)
                }
            }
        }
        walk(document.root, [])
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

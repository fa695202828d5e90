import Foundation
import LabModel

/// How a file in the output folder compares with what labgen generates now.
public struct FileFreshness: Sendable, Equatable {
    public enum State: String, Sendable, Equatable {
        case fresh
        /// Not in the output folder.
        case missing
        /// As labgen wrote it, but the lab now generates something else.
        case stale
        /// Changed since labgen wrote it (its hash differs from the manifest's).
        case handEdited = "hand-edited"
        /// Generated before, no longer generated, still there.
        case obsolete
    }

    public var path: String
    public var state: State
    /// What is in the output folder now (nil when missing).
    public var current: String?
    /// What labgen generates (nil when obsolete).
    public var generated: String?

    /// The 1-based line of the first difference, for annotations.
    public var firstDifferentLine: Int {
        let a = (current ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        let b = (generated ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<min(a.count, b.count) where a[index] != b[index] { return index + 1 }
        return min(a.count, b.count) + (a.count == b.count ? 0 : 1)
    }
}

/// Compares a rendered lab with its output folder, without writing anything.
public enum Freshness {
    public static func compare(_ lab: RenderedLab, in root: URL) -> [FileFreshness] {
        let folder = root.appendingPathComponent(lab.name, isDirectory: true)
        let manifest = Dictionary(
            OutputWriter.readManifestEntries(in: folder).map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        var result: [FileFreshness] = []
        for artifact in lab.artifacts {
            let url = folder.appendingPathComponent(artifact.path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                result.append(
                    FileFreshness(path: artifact.path, state: .missing, current: nil, generated: artifact.contents))
                continue
            }
            let current = String(decoding: data, as: UTF8.self)
            if OutputWriter.isUpToDate(url, artifact) {
                result.append(
                    FileFreshness(path: artifact.path, state: .fresh, current: current, generated: artifact.contents))
                continue
            }
            let edited = manifest[artifact.path].map { $0 != SHA256.hex(Array(data)) } ?? true
            result.append(
                FileFreshness(
                    path: artifact.path, state: edited ? .handEdited : .stale, current: current,
                    generated: artifact.contents))
        }
        let generated = Set(lab.artifacts.map(\.path))
        for (path, _) in manifest.sorted(by: { $0.key < $1.key }) where !generated.contains(path) {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) {
                result.append(
                    FileFreshness(
                        path: path, state: .obsolete, current: String(decoding: data, as: UTF8.self), generated: nil))
            }
        }
        return result
    }
}

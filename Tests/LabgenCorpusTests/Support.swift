import Foundation
import LabKit
import LabModel
import Testing

@testable import LabgenCLI

/// The `#fileID` of the corpus file, as diagnostics show it without `--source-map`.
let corpusFileID = "LabgenCorpusTests/BrokenLabCorpus.swift"

/// A fresh temporary folder, removed by the caller with `removeTemporaryFolder`.
func makeTemporaryFolder(_ prefix: String = "labgen-corpus") throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.resolvingSymlinksInPath()
}

func removeTemporaryFolder(_ url: URL) {
    try? FileManager.default.removeItem(at: url)
}

/// Runs labgen in-process in `folder` and captures its output.
func runLabgen(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) -> (
    status: Int32, out: String, err: String
) {
    nonisolated(unsafe) var out = ""
    nonisolated(unsafe) var err = ""
    let context = CLIContext(
        workingDirectory: folder, environment: environment, executablePath: "labgen",
        out: { out += $0 }, err: { err += $0 })
    let status = Labgen.run(arguments, in: context)
    return (status, out, err)
}

/// Every file and folder below `root`: relative path -> contents (nil for folders), permissions
/// and modification date, so that a snapshot changes when anything is rewritten, even identically.
struct TreeSnapshot: Equatable, CustomStringConvertible {
    struct Entry: Equatable {
        var contents: Data?
        var permissions: Int
        var modified: Date?
        var inode: UInt64
    }

    var entries: [String: Entry]

    init(_ root: URL) throws {
        entries = [:]
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: root.path) else { return }
        while let relative = enumerator.nextObject() as? String {
            let path = root.appendingPathComponent(relative).path
            let attributes = try manager.attributesOfItem(atPath: path)
            let isFolder = (attributes[.type] as? FileAttributeType) == .typeDirectory
            entries[relative] = Entry(
                contents: isFolder ? nil : manager.contents(atPath: path),
                permissions: (attributes[.posixPermissions] as? Int) ?? -1,
                modified: isFolder ? nil : attributes[.modificationDate] as? Date,
                inode: (attributes[.systemFileNumber] as? UInt64) ?? 0)
        }
    }

    /// Only the paths and bytes (for comparing two different builds).
    var contentsOnly: [String: Data?] { entries.mapValues(\.contents) }

    var description: String { entries.keys.sorted().joined(separator: "\n") }
}

/// Copies the tree at `source` to `destination` (which must not exist), keeping modification dates.
func copyTree(_ source: URL, to destination: URL) throws {
    try FileManager.default.copyItem(at: source, to: destination)
}

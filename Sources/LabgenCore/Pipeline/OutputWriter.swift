import CLabgenSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a lab could not be written.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String

    public init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// What writing one lab did.
public struct LabWriteReport: Sendable, Equatable {
    public var lab: String
    public var written: [String] = []
    public var unchanged: [String] = []
    public var removed: [String] = []

    public var changed: Bool { !written.isEmpty || !removed.isEmpty }
}

/// Writes rendered labs below an output folder, one lab folder at a time, atomically.
///
/// For each lab the new folder is assembled beside the destination (`out/.labgen-<lab>.tmp`):
/// files that did not change are hard-linked from the current folder (not rewritten), files
/// the user put there are carried over, new contents are written, and all of them are synced
/// before the swap (one `syncfs` on Linux, else one `fsync` per file). Then the two
/// folders are exchanged with one `renameat2(RENAME_EXCHANGE)` (or `renamex_np` on macOS), so
/// a build killed at any moment leaves the old or the new complete folder, never a mix. Where
/// the file system cannot exchange, two renames are used and an interrupted pair is repaired
/// on the next run.
///
/// labgen removes a file only when its own manifest (`.labgen-manifest`) says it generated it.
/// Paths are checked so that nothing is ever written outside the output folder.
public struct OutputWriter {
    public static let manifestName = ".labgen-manifest"

    public let root: URL
    /// Called before each file is written, with its relative path: tests use it to fail midway.
    public var beforeWrite: ((String) throws -> Void)?

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    // MARK: - Paths

    /// Checks one path component: no empty, `.`, `..`, `/`, NUL or control characters.
    public static func checkComponent(_ component: String) -> String? {
        if component.isEmpty { return "an empty path component" }
        if component == "." || component == ".." { return "'\(component)' would leave the output folder" }
        if component.contains("/") || component.contains("\\") { return "'\(component)' contains a path separator" }
        if component.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "'\(component.debugEscaped)' contains a control character"
        }
        if component.utf8.count > 255 { return "a path component is longer than 255 bytes" }
        return nil
    }

    /// Checks a relative artifact path (`kubeadm/x.yaml`).
    public static func checkRelativePath(_ path: String) -> String? {
        if path.hasPrefix("/") { return "'\(path)' is absolute" }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if let problem = checkComponent(String(component)) { return problem }
        }
        return nil
    }

    func labFolder(_ lab: String) -> URL { root.appendingPathComponent(lab, isDirectory: true) }
    func tempFolder(_ lab: String) -> URL { root.appendingPathComponent(".labgen-\(lab).tmp", isDirectory: true) }
    func oldFolder(_ lab: String) -> URL { root.appendingPathComponent(".labgen-\(lab).old", isDirectory: true) }

    // MARK: - Reading what is there

    /// The generated files of a lab folder according to its manifest (empty when none).
    public static func readManifest(in folder: URL) -> [String] {
        readManifestEntries(in: folder).map(\.path)
    }

    /// The manifest's entries: each generated path with the SHA-256 of what labgen wrote, so
    /// that `labgen check` can tell a hand edit from a stale file.
    public static func readManifestEntries(in folder: URL) -> [(path: String, sha256: String)] {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(manifestName), encoding: .utf8) else {
            return []
        }
        return text.split(separator: "\n").compactMap { line -> (path: String, sha256: String)? in
            guard !line.hasPrefix("#"), let space = line.firstIndex(of: " ") else { return nil }
            let hash = String(line[..<space])
            let path = String(line[line.index(after: space)...].drop { $0 == " " })
            guard hash.count == 64, checkRelativePath(path) == nil else { return nil }
            return (path, hash)
        }
    }

    /// The manifest line that records the lab's source.
    public static let sourcePrefix = "# Source: "

    /// The source a lab folder was built from, as its manifest records it (nil when none is recorded).
    public static func readSource(in folder: URL) -> String? {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(manifestName), encoding: .utf8) else {
            return nil
        }
        let line = text.split(separator: "\n").first { $0.hasPrefix(sourcePrefix) }
        return line.map { String($0.dropFirst(sourcePrefix.count)) }
    }

    static func manifestText(_ lab: RenderedLab) -> String {
        "# Files generated by labgen for lab '\(lab.name)', with the SHA-256 of each.\n"
            + "# labgen removes only these files when they become stale.\n"
            + (lab.source.map { "\(sourcePrefix)\($0)\n" } ?? "")
            + lab.artifacts.sorted { $0.path < $1.path }.map { "\(SHA256.hex(Array($0.contents.utf8)))  \($0.path)\n" }.joined()
    }

    /// Completes or undoes an exchange that a killed build left half done.
    public func recover(_ lab: String) throws(OutputError) {
        let fm = FileManager.default
        let destination = labFolder(lab), old = oldFolder(lab), temp = tempFolder(lab)
        if fm.fileExists(atPath: old.path) {
            if !fm.fileExists(atPath: destination.path) {
                try move(old, to: destination)
            } else {
                try? fm.removeItem(at: old)
            }
        }
        if fm.fileExists(atPath: temp.path) { try? fm.removeItem(at: temp) }
    }

    // MARK: - Writing

    /// Writes one lab. Nothing is changed when every file is already up to date.
    @discardableResult
    public func write(_ lab: RenderedLab) throws(OutputError) -> LabWriteReport {
        if let problem = Self.checkComponent(lab.name) {
            throw OutputError(path: lab.name, "invalid lab folder name: \(problem)")
        }
        if lab.name.hasPrefix(".") { throw OutputError(path: lab.name, "a lab folder name cannot start with '.'") }
        var seen = Set<String>()
        for artifact in lab.artifacts {
            if let problem = Self.checkRelativePath(artifact.path) {
                throw OutputError(path: artifact.path, "refusing to write: \(problem)")
            }
            if artifact.path == Self.manifestName || !seen.insert(artifact.path).inserted {
                throw OutputError(path: artifact.path, "refusing to write: the path is reserved or used twice")
            }
        }
        let fm = FileManager.default
        try createDirectory(root)
        try recover(lab.name)
        let destination = labFolder(lab.name)
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: destination.path, isDirectory: &isDirectory)
        if exists {
            if let type = try? fm.attributesOfItem(atPath: destination.path)[.type] as? FileAttributeType,
                type == .typeSymbolicLink
            {
                throw OutputError(path: destination.path, "is a symbolic link; labgen does not write through links")
            }
            if !isDirectory.boolValue { throw OutputError(path: destination.path, "exists and is not a folder") }
        }

        let oldGenerated = exists ? Self.readManifest(in: destination) : []
        let newPaths = lab.artifacts.map(\.path)
        var report = LabWriteReport(lab: lab.name)
        for artifact in lab.artifacts {
            if exists, Self.isUpToDate(destination.appendingPathComponent(artifact.path), artifact) {
                report.unchanged.append(artifact.path)
            } else {
                report.written.append(artifact.path)
            }
        }
        let newSet = Set(newPaths)
        report.removed = oldGenerated.filter { !newSet.contains($0) && fm.fileExists(atPath: destination.appendingPathComponent($0).path) }
        let manifest = Self.manifestText(lab)
        let manifestCurrent = exists && (try? String(contentsOf: destination.appendingPathComponent(Self.manifestName), encoding: .utf8)) == manifest
        if !report.changed && manifestCurrent { return report }

        // Assemble the new folder beside the destination.
        let temp = tempFolder(lab.name)
        try createDirectory(temp)
        do {
            if exists {
                let generated = Set(oldGenerated).union([Self.manifestName])
                try carryOverUserFiles(from: destination, to: temp, skipping: generated)
            }
            let unchanged = Set(report.unchanged)
            var written: [String] = []
            var folders: Set<String> = []
            // Plain path strings: building a URL per file cost more than writing it (10,000 files).
            var tempPath = temp.path
            while tempPath.count > 1 && tempPath.hasSuffix("/") { tempPath.removeLast() }
            for artifact in lab.artifacts {
                let target = tempPath + "/" + artifact.path
                if let slash = artifact.path.lastIndex(of: "/") {
                    // One mkdir per folder, not per file (kubeadm/ holds a file per node).
                    let folder = tempPath + "/" + artifact.path[..<slash]
                    if folders.insert(folder).inserted { try createDirectory(URL(fileURLWithPath: folder, isDirectory: true)) }
                }
                if unchanged.contains(artifact.path) {
                    try linkOrCopy(destination.appendingPathComponent(artifact.path), to: URL(fileURLWithPath: target))
                } else {
                    try beforeWrite?(artifact.path)
                    try writeFile(target, contents: Data(artifact.contents.utf8), executable: artifact.executable)
                    written.append(target)
                }
            }
            try beforeWrite?(Self.manifestName)
            let manifestPath = tempPath + "/" + Self.manifestName
            try writeFile(manifestPath, contents: Data(manifest.utf8), executable: false)
            written.append(manifestPath)
            try syncWritten(written, in: temp)
            syncDirectory(temp)
        } catch let error as OutputError {
            try? fm.removeItem(at: temp)
            throw error
        } catch {
            try? fm.removeItem(at: temp)
            throw OutputError(path: temp.path, IOProblem.reason(error))
        }

        // Swap it into place.
        if exists {
            if labgen_exchange_paths(temp.path, destination.path) == 0 {
                syncDirectory(root)
                try? fm.removeItem(at: temp)
            } else {
                let old = oldFolder(lab.name)
                try move(destination, to: old)
                try move(temp, to: destination)
                syncDirectory(root)
                try? fm.removeItem(at: old)
            }
        } else {
            try move(temp, to: destination)
            syncDirectory(root)
        }
        return report
    }

    static func isUpToDate(_ url: URL, _ artifact: Artifact) -> Bool {
        guard let data = try? Data(contentsOf: url), data == Data(artifact.contents.utf8) else { return false }
        let permissions = (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? 0
        return (permissions & 0o100 != 0) == artifact.executable
    }

    /// Hard-links (or copies) every file of `source` that labgen did not generate into `target`.
    private func carryOverUserFiles(from source: URL, to target: URL, skipping generated: Set<String>) throws(OutputError) {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: source.path) else { return }
        var entries: [String] = []
        while let relative = enumerator.nextObject() as? String { entries.append(relative) }
        for relative in entries.sorted() where !generated.contains(relative) {
            let from = source.appendingPathComponent(relative)
            let to = target.appendingPathComponent(relative)
            let attributes = (try? fm.attributesOfItem(atPath: from.path)) ?? [:]
            let type = attributes[.type] as? FileAttributeType
            if type == .typeDirectory {
                try createDirectory(to)
            } else if type == .typeSymbolicLink {
                if let destination = try? fm.destinationOfSymbolicLink(atPath: from.path) {
                    try createDirectory(to.deletingLastPathComponent())
                    try? fm.createSymbolicLink(atPath: to.path, withDestinationPath: destination)
                }
            } else {
                try createDirectory(to.deletingLastPathComponent())
                try linkOrCopy(from, to: to)
            }
        }
    }

    private func linkOrCopy(_ from: URL, to: URL) throws(OutputError) {
        if link(from.path, to.path) == 0 { return }
        do {
            try FileManager.default.copyItem(at: from, to: to)
        } catch {
            throw OutputError(path: to.path, "cannot copy \(from.path): \(IOProblem.reason(error))")
        }
    }

    private func writeFile(_ path: String, contents: Data, executable: Bool) throws(OutputError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, executable ? 0o755 : 0o644)
        guard fd >= 0 else { throw OutputError(path: path, "cannot create: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        let result: Int32 = contents.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let n = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return 0
        }
        if result != 0 { throw OutputError(path: path, "cannot write: \(String(cString: strerror(result)))") }
        // The umask may have narrowed the mode; set it exactly so output is the same everywhere.
        fchmod(fd, executable ? 0o755 : 0o644)
    }

    /// Makes the written files durable before the folder is swapped into place: one syncfs of
    /// the file system (Linux), or, where that is missing or fails, one fsync per file.
    private func syncWritten(_ files: [String], in folder: URL) throws(OutputError) {
        let folderFD = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            defer { close(folderFD) }
            if labgen_sync_filesystem(folderFD) == 0 { return }
        }
        for path in files {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw OutputError(path: path, "cannot open to sync: \(String(cString: strerror(errno)))") }
            defer { close(fd) }
            if fsync(fd) != 0 { throw OutputError(path: path, "cannot sync: \(String(cString: strerror(errno)))") }
        }
    }

    private func createDirectory(_ url: URL) throws(OutputError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: url.path, "cannot create folder: \(IOProblem.reason(error))")
        }
    }

    private func move(_ from: URL, to: URL) throws(OutputError) {
        if rename(from.path, to.path) != 0 {
            throw OutputError(path: to.path, "cannot move \(from.path) into place: \(String(cString: strerror(errno)))")
        }
    }

    private func syncDirectory(_ url: URL) {
        let fd = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}

private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
    #else
        Darwin.write(fd, buffer, count)
    #endif
}

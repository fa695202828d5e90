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
            + lab.artifacts.sorted { $0.path < $1.path }.map { "\(lab.digest(of: $0))  \($0.path)\n" }.joined()
    }

    /// Completes or undoes an exchange that a killed build left half done. labgen's own leftovers
    /// are real folders; a symbolic link (or anything else) at `.labgen-<lab>.old` or `.tmp` is
    /// not labgen's and is an error: it never becomes the lab folder, and nothing is written through it.
    public func recover(_ lab: String) throws(OutputError) {
        let destination = labFolder(lab)
        let old = oldFolder(lab)
        let temp = tempFolder(lab)
        for leftover in [old, temp] {
            if let type = Self.fileType(leftover.path), type != S_IFDIR {
                throw OutputError(
                    path: leftover.path,
                    "is \(Self.describe(type)), not a folder labgen left; labgen does not use or follow it: remove it")
            }
        }
        if Self.fileType(old.path) == S_IFDIR {
            if Self.fileType(destination.path) == nil {
                try move(old, to: destination)
            } else {
                try? FileManager.default.removeItem(at: old)
            }
        }
        if Self.fileType(temp.path) == S_IFDIR { try? FileManager.default.removeItem(at: temp) }
    }

    // MARK: - Writing

    /// A lab assembled in `out/.labgen-<lab>.tmp`, ready to be swapped into place by `commit`.
    public struct StagedLab: Sendable {
        public var report: LabWriteReport
        /// The assembled folder; nil when nothing changed and there is nothing to swap.
        var temp: URL?
        var destination: URL
        var destinationExists: Bool
    }

    /// Writes one lab. Nothing is changed when every file is already up to date.
    @discardableResult
    public func write(_ lab: RenderedLab) throws(OutputError) -> LabWriteReport {
        try write([lab])[0]
    }

    /// Writes several labs all or nothing: every lab is assembled beside its destination first;
    /// only when all of them are assembled are they swapped into place, one exchange each. An
    /// error before the swaps (a name, a symbolic link, a failed write) changes no lab folder.
    @discardableResult
    public func write(_ labs: [RenderedLab]) throws(OutputError) -> [LabWriteReport] {
        guard !labs.isEmpty else { return [] }
        let createdRoot = try prepareRoot()
        var staged: [StagedLab] = []
        do {
            for lab in labs { staged.append(try stage(lab)) }
        } catch {
            for lab in staged { discard(lab) }
            if createdRoot { rmdir(root.path) }  // only when empty: nothing else was there
            throw error
        }
        // The swaps: one exchange each. Only a failing rename itself can stop them midway; the
        // labs not swapped yet are then discarded (left as they were), and the error names the lab.
        for (index, lab) in staged.enumerated() {
            do {
                try commit(lab)
            } catch {
                for rest in staged[(index + 1)...] { discard(rest) }
                throw error
            }
        }
        return staged.map(\.report)
    }

    /// The output folder: created when missing; refused when it is a symbolic link (labgen does
    /// not write through links; pass the real path) or not a folder. Returns whether it was created.
    func prepareRoot() throws(OutputError) -> Bool {
        switch Self.fileType(root.path) {
        case nil:
            do {
                try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: root.path, "cannot create the output folder: \(IOProblem.reason(error))")
            }
            return true
        case S_IFDIR:
            return false
        case S_IFLNK:
            let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: root.path)
            let target = destination.map { " (to \($0))" } ?? ""
            throw OutputError(
                path: root.path,
                "the output folder is a symbolic link\(target); labgen does not write through links: "
                    + "pass the real path")
        case let type?:
            throw OutputError(path: root.path, "the output folder is \(Self.describe(type)), not a folder")
        }
    }

    /// Checks a lab and assembles its new folder beside the destination; changes no lab folder.
    public func stage(_ lab: RenderedLab) throws(OutputError) -> StagedLab {
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
        try recover(lab.name)
        let destination = labFolder(lab.name)
        let exists: Bool
        switch Self.fileType(destination.path) {
        case nil: exists = false
        case S_IFDIR: exists = true
        case S_IFLNK:
            throw OutputError(path: destination.path, "is a symbolic link; labgen does not write through links")
        case let type?:
            throw OutputError(path: destination.path, "is \(Self.describe(type)), not a folder")
        }
        if exists { try checkNoLinksOnWritePaths(lab, in: destination) }

        let oldGenerated = exists ? Self.readManifest(in: destination) : []
        let newPaths = lab.artifacts.map(\.path)
        // A file of the user's where labgen now generates one (say a lab.sh of their own before
        // labgen wrote lab.sh) is neither overwritten nor carried over: the user decides.
        let oldSet = Set(oldGenerated)
        for path in newPaths where exists && !oldSet.contains(path) {
            let current = destination.appendingPathComponent(path).path
            if Self.fileType(current) != nil {
                throw OutputError(
                    path: current,
                    "exists, but labgen did not write it (it is not in \(Self.manifestName)); labgen does not "
                        + "overwrite files it did not write: move it away, then build again")
            }
        }
        var report = LabWriteReport(lab: lab.name)
        for artifact in lab.artifacts {
            if exists, Self.isUpToDate(destination.appendingPathComponent(artifact.path), artifact) {
                report.unchanged.append(artifact.path)
            } else {
                report.written.append(artifact.path)
            }
        }
        let newSet = Set(newPaths)
        report.removed = oldGenerated.filter {
            !newSet.contains($0) && Self.fileType(destination.appendingPathComponent($0).path) != nil
        }
        let manifest = Self.manifestText(lab)
        let manifestCurrent =
            exists && Self.fileType(destination.appendingPathComponent(Self.manifestName).path) == S_IFREG
            && (try? String(contentsOf: destination.appendingPathComponent(Self.manifestName), encoding: .utf8))
                == manifest
        if !report.changed && manifestCurrent {
            return StagedLab(report: report, temp: nil, destination: destination, destinationExists: exists)
        }

        // Assemble the new folder beside the destination. mkdir, not "create if missing": a
        // leftover of any kind at the temporary name is never reused.
        let temp = tempFolder(lab.name)
        if mkdir(temp.path, 0o755) != 0 {
            throw OutputError(path: temp.path, "cannot create: \(systemError())")
        }
        do {
            var folders = try FolderHandles(temp)
            defer { folders.closeAll() }
            if exists {
                let generated = Set(oldGenerated).union([Self.manifestName])
                try carryOverUserFiles(from: destination, into: &folders, skipping: generated)
            }
            let unchanged = Set(report.unchanged)
            for artifact in lab.artifacts {
                let (folder, name) = Self.split(artifact.path)
                let fd = try folders.descriptor(folder)
                if unchanged.contains(artifact.path) {
                    let current = destination.appendingPathComponent(artifact.path).path
                    try linkOrCopy(current, to: fd, name, shown: artifact.path)
                } else {
                    try beforeWrite?(artifact.path)
                    try writeFile(
                        fd, name, contents: artifact.contents, executable: artifact.executable,
                        shown: temp.appendingPathComponent(artifact.path).path)
                    folders.written.append(artifact.path)
                }
            }
            try beforeWrite?(Self.manifestName)
            try writeFile(
                try folders.descriptor(""), Self.manifestName, contents: manifest, executable: false,
                shown: temp.appendingPathComponent(Self.manifestName).path)
            folders.written.append(Self.manifestName)
            try folders.syncAll()
        } catch let error as OutputError {
            try? fm.removeItem(at: temp)
            throw error
        } catch {
            try? fm.removeItem(at: temp)
            throw OutputError(path: temp.path, IOProblem.reason(error))
        }
        return StagedLab(report: report, temp: temp, destination: destination, destinationExists: exists)
    }

    /// Swaps a staged lab into place: one exchange (or, where the file system cannot, two renames
    /// that the next run completes if interrupted).
    public func commit(_ staged: StagedLab) throws(OutputError) {
        guard let temp = staged.temp else { return }
        let fm = FileManager.default
        let destination = staged.destination
        if staged.destinationExists {
            if labgen_exchange_paths(temp.path, destination.path) == 0 {
                syncDirectory(root)
                try? fm.removeItem(at: temp)
            } else {
                let old = oldFolder(staged.report.lab)
                try move(destination, to: old)
                try move(temp, to: destination)
                syncDirectory(root)
                try? fm.removeItem(at: old)
            }
        } else {
            try move(temp, to: destination)
            syncDirectory(root)
        }
    }

    /// Removes a staged lab's assembled folder without swapping it in.
    public func discard(_ staged: StagedLab) {
        if let temp = staged.temp { try? FileManager.default.removeItem(at: temp) }
    }

    static func isUpToDate(_ url: URL, _ artifact: Artifact) -> Bool {
        guard fileType(url.path) == S_IFREG else { return false }
        guard let data = try? Data(contentsOf: url), data == Data(artifact.contents.utf8) else { return false }
        let permissions = (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? 0
        return (permissions & 0o100 != 0) == artifact.executable
    }

    // MARK: - Symbolic links

    /// The type bits of what is at `path`, without following a symbolic link there (lstat);
    /// nil when nothing is there.
    static func fileType(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    static func describe(_ type: mode_t) -> String {
        switch type {
        case S_IFLNK: "a symbolic link"
        case S_IFDIR: "a folder"
        case S_IFREG: "a file"
        default: "a special file"
        }
    }

    /// Every folder on the way to a file labgen writes, and the file itself, must not be a
    /// symbolic link in the current lab folder: such a link is an error that names it, so that
    /// nothing is ever read for carrying over, or written, through it.
    private func checkNoLinksOnWritePaths(_ lab: RenderedLab, in destination: URL) throws(OutputError) {
        var checked = Set<String>()
        for path in lab.artifacts.map(\.path) + [Self.manifestName] {
            let components = path.split(separator: "/").map(String.init)
            var relative = ""
            for (index, component) in components.enumerated() {
                relative += (relative.isEmpty ? "" : "/") + component
                guard checked.insert(relative).inserted else { continue }
                let full = destination.appendingPathComponent(relative).path
                guard let type = Self.fileType(full) else { break }
                let isLast = index == components.count - 1
                if type == S_IFLNK {
                    throw OutputError(
                        path: full,
                        "is a symbolic link where labgen writes \(isLast ? "a file" : "files"); labgen does not write "
                            + "through links: remove it (labgen recreates \(isLast ? "the file" : "the folder"))")
                }
                if !isLast && type != S_IFDIR {
                    throw OutputError(path: full, "is \(Self.describe(type)) where labgen needs a folder; remove it")
                }
                if isLast && type == S_IFDIR {
                    throw OutputError(path: full, "is a folder where labgen writes a file; remove it")
                }
            }
        }
    }

    // MARK: - Assembling

    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// Open folders of the assembled lab, by relative path, each opened with O_NOFOLLOW and
    /// created with mkdirat: files are created relative to them, never through a path that a
    /// symbolic link could redirect.
    struct FolderHandles {
        let base: URL
        var open: [String: Int32] = [:]
        /// Files created below `base` (relative paths), for the fsync fallback.
        var written: [String] = []

        init(_ base: URL) throws(OutputError) {
            self.base = base
            let fd = Glibc_open(base.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { throw OutputError(path: base.path, "cannot open: \(systemError())") }
            open[""] = fd
        }

        /// The folder `relative` (created when missing, as a real folder).
        mutating func descriptor(_ relative: String) throws(OutputError) -> Int32 {
            if let fd = open[relative] { return fd }
            let (parent, name) = OutputWriter.split(relative)
            let parentFD = try descriptor(parent)
            if mkdirat(parentFD, name, 0o755) != 0 && errno != EEXIST {
                throw OutputError(
                    path: base.appendingPathComponent(relative).path, "cannot create folder: \(systemError())")
            }
            let fd = openat(parentFD, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else {
                throw OutputError(
                    path: base.appendingPathComponent(relative).path,
                    errno == ELOOP || errno == ENOTDIR
                        ? "is not a folder; labgen does not write through links"
                        : "cannot open folder: \(systemError())")
            }
            open[relative] = fd
            return fd
        }

        /// Makes the written files durable before the folder is swapped into place: one syncfs
        /// of the file system (Linux), else one fsync per written file, then per folder.
        mutating func syncAll() throws(OutputError) {
            if let fd = open[""], labgen_sync_filesystem(fd) == 0 { return }
            for relative in written {
                let (folder, name) = OutputWriter.split(relative)
                let fd = openat(try descriptor(folder), name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
                let shown = base.appendingPathComponent(relative).path
                guard fd >= 0 else { throw OutputError(path: shown, "cannot open to sync: \(systemError())") }
                defer { close(fd) }
                if fsync(fd) != 0 { throw OutputError(path: shown, "cannot sync: \(systemError())") }
            }
            for (relative, fd) in open where fsync(fd) != 0 {
                throw OutputError(path: base.appendingPathComponent(relative).path, "cannot sync: \(systemError())")
            }
        }

        mutating func closeAll() {
            for fd in open.values { close(fd) }
            open = [:]
        }
    }

    /// Hard-links (or copies) every entry of `source` that labgen did not generate into the new
    /// folder. The walk never follows a symbolic link: a link the user put there is carried over
    /// as a link (labgen writes nothing through it; the write paths were checked before).
    private func carryOverUserFiles(
        from source: URL, into folders: inout FolderHandles, skipping generated: Set<String>
    ) throws(OutputError) {
        // Folders that held generated files: created again only when they hold something else
        // (a folder whose generated files are all gone, such as kubeadm/ once the patches are one
        // file, is not left behind empty).
        var generatedFolders: Set<String> = []
        for path in generated {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                generatedFolders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? source : source.appendingPathComponent(relative)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            for name in names {
                let path = relative.isEmpty ? name : relative + "/" + name
                if generated.contains(path) { continue }
                let from = folder.appendingPathComponent(name).path
                switch Self.fileType(from) {
                case S_IFDIR:
                    if !generatedFolders.contains(path) { _ = try folders.descriptor(path) }
                    pending.append(path)
                case S_IFLNK:
                    if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: from) {
                        _ = symlinkat(target, try folders.descriptor(relative), name)
                    }
                case S_IFREG:
                    try linkOrCopy(from, to: try folders.descriptor(relative), name, shown: path)
                default:
                    continue  // sockets, devices, fifos: not carried over
                }
            }
        }
    }

    /// Hard-links the file at `from` (a symbolic link there is not followed) as `name` in the
    /// folder `folderFD`, or copies it where hard links fail.
    private func linkOrCopy(_ from: String, to folderFD: Int32, _ name: String, shown: String) throws(OutputError) {
        if linkat(AT_FDCWD, from, folderFD, name, 0) == 0 { return }
        let input = Glibc_open(from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else { throw OutputError(path: from, "cannot read to carry over: \(systemError())") }
        defer { close(input) }
        var info = stat()
        fstat(input, &info)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(input, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw OutputError(path: from, "cannot read: \(systemError())") }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        try writeFile(folderFD, name, contents: data, executable: info.st_mode & 0o100 != 0, shown: shown)
    }

    /// Writes `contents` from its own UTF-8 storage (no copy: at 10,000 nodes the artifacts are 23 MB).
    private func writeFile(_ folderFD: Int32, _ name: String, contents: String, executable: Bool, shown: String)
        throws(OutputError)
    {
        var text = contents
        var failure: OutputError?
        text.withUTF8 { utf8 in
            do throws(OutputError) {
                try writeFile(folderFD, name, bytes: UnsafeRawBufferPointer(utf8), executable: executable, shown: shown)
            } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private func writeFile(_ folderFD: Int32, _ name: String, contents: Data, executable: Bool, shown: String)
        throws(OutputError)
    {
        var failure: OutputError?
        contents.withUnsafeBytes { bytes in
            do throws(OutputError) {
                try writeFile(folderFD, name, bytes: bytes, executable: executable, shown: shown)
            } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Creates `name` in the folder `folderFD`: O_EXCL and O_NOFOLLOW, so an existing entry of
    /// any kind (a symbolic link included) is an error, never written through.
    private func writeFile(
        _ folderFD: Int32, _ name: String, bytes buffer: UnsafeRawBufferPointer, executable: Bool, shown: String
    ) throws(OutputError) {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        let fd = openat(folderFD, name, flags, executable ? 0o755 : 0o644)
        guard fd >= 0 else { throw OutputError(path: shown, "cannot create: \(systemError())") }
        defer { close(fd) }
        var offset = 0
        while offset < buffer.count {
            let n = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: shown, "cannot write: \(systemError())")
            }
            offset += n
        }
        // The umask may have narrowed the mode; set it exactly so output is the same everywhere.
        fchmod(fd, executable ? 0o755 : 0o644)
    }

    private func move(_ from: URL, to: URL) throws(OutputError) {
        if rename(from.path, to.path) != 0 {
            throw OutputError(path: to.path, "cannot move \(from.path) into place: \(systemError())")
        }
    }

    private func syncDirectory(_ url: URL) {
        let fd = Glibc_open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}

private func Glibc_open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
    #if canImport(Glibc)
    Glibc.open(path, flags, mode)
    #else
    Darwin.open(path, flags, mode)
    #endif
}

/// The text of the last system call's error (errno).
private func systemError() -> String { String(cString: strerror(errno)) }

private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}

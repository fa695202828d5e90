import Foundation
import LabFormats
import LabModel

/// Finds a lab's artifacts by their content, not their names, and reads them into `LabFacts`.
public enum ArtifactDiscovery {
    /// What a file holds, as far as labgen is concerned. Each kind is declared beside its row of
    /// `ArtifactTable`.
    public struct Kind: RawRepresentable, Hashable, Sendable, CaseIterable, Comparable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Every kind, in the order of `ArtifactTable`.
        public static var allCases: [Kind] { ArtifactTable.entries.compactMap(\.kind) }

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// What `text` holds; empty for files labgen does not read (including YAML that does not parse
    /// and does not look like an artifact).
    public static func classify(_ text: String, path: String = "") -> Set<Kind> {
        classifyAndParse(text, path: path).kinds
    }

    /// Whether a file starting with `#!` names an interpreter other than a shell (python, perl, ...).
    static func isOtherScript(_ text: String) -> Bool {
        guard text.hasPrefix("#!") else { return false }
        let first = text.prefix { $0 != "\n" }
        let words = first.dropFirst(2).split(separator: " ")
        let interpreter = (words.first?.split(separator: "/").last).map(String.init) ?? ""
        let program =
            interpreter == "env" ? words.dropFirst().first { !$0.hasPrefix("-") }.map(String.init) ?? "" : interpreter
        return !program.hasSuffix("sh")
    }

    /// `classify`, and the YAML documents it parsed on the way (nil when it did not parse them),
    /// so that reading a file parses its YAML once, not twice. A shell script is never parsed as
    /// YAML: it is a bridge script when it creates bridges and a kind config when it feeds one to
    /// `kind create cluster --config=-` from a heredoc (its facts are kept in `script`, so that it
    /// is read once too).
    static func classifyAndParse(_ text: String, path: String = "") -> Classification {
        if isOtherScript(text) { return Classification([], nil) }
        let entries = ArtifactTable.entries
        if ShellScriptReader.isShellScript(path: path, text: text) {
            let script = ShellScriptReader.read(text, file: path)
            let kinds = Set(entries.compactMap { entry in entry.detectScript?(script) == true ? entry.kind : nil })
            return Classification(kinds: kinds, documents: nil, script: script)
        }
        if let (kind, _) = ArtifactTable.textSigns.first(where: { $0.1.matches(text) }) {
            return Classification([kind], nil)
        }
        // A JSON file (lab.json, 6 MB at 10,000 nodes) is no artifact whether it parses or not: not parsed.
        if !path.isEmpty, !isYAMLName(path), isOneFlowDocument(text) { return Classification([], nil) }
        guard let documents = try? YAMLReader.read(text) else {
            // Looks like an artifact but does not parse: read it to report why (only a file named
            // like YAML; a saved web page or notes that mention `topology:` are not artifacts).
            guard path.isEmpty || isYAMLName(path) else { return Classification([], nil) }
            if let (kind, _) = ArtifactTable.unparsedSigns.first(where: { $0.1.matches(text) }) {
                return Classification([kind], nil)
            }
            return Classification([], nil)
        }
        return Classification(classify(documents), documents)
    }

    /// What the rows' `prepareDocument` read from each document of a file classified as theirs:
    /// one dictionary per document, by the row's index in `ArtifactTable.entries`.
    static func prepareReads(_ classified: Classification, path: String) -> [[Int: PreparedRead]] {
        guard let documents = classified.documents else { return [] }
        let rows = ArtifactTable.entries.enumerated().filter { _, entry in
            entry.prepareDocument != nil && entry.kind.map(classified.kinds.contains) == true
        }
        guard !rows.isEmpty else { return [] }
        let origin = TextOrigin(file: path)
        return documents.map { document in
            var reads: [Int: PreparedRead] = [:]
            for (row, entry) in rows {
                if let read = entry.prepareDocument?(document, origin) { reads[row] = read }
            }
            return reads
        }
    }

    /// What the row that reads a file that is not YAML (`readText`) read from it ahead, by the row's
    /// index in `ArtifactTable.entries`: the first row of the file's kinds with a `readText`, as in
    /// `LabFacts.add`.
    static func prepareText(_ classified: Classification, path: String, text: String) -> (
        row: Int, read: PreparedRead
    )? {
        guard !classified.kinds.isEmpty, !ShellScriptReader.isShellScript(path: path, text: text),
            let (row, entry) = ArtifactTable.entries.enumerated().first(where: { _, entry in
                entry.textReader != nil && entry.kind.map(classified.kinds.contains) == true
            }),
            let prepare = entry.prepareText
        else { return nil }
        return (row, prepare(path, text))
    }

    /// A file whose documents were all read ahead and freed: how many there were, and the last
    /// calico-config veth_mtu among them.
    struct ReadAhead: Sendable {
        var count: Int
        var vethMTU: Located<Int>?
    }

    /// The rows whose `readDocument` reads the documents of a file of `kinds` (a row of one of the
    /// kinds, or one that reads such files too, `readWith`), with their indices in `ArtifactTable.entries`.
    static func documentReaders(of kinds: Set<Kind>) -> [(row: Int, entry: ArtifactEntry)] {
        ArtifactTable.entries.enumerated().compactMap { row, entry in
            guard entry.documentReader != nil,
                entry.kind.map(kinds.contains) == true || !entry.readWith.isDisjoint(with: kinds)
            else { return nil }
            return (row, entry)
        }
    }

    /// A job of `read`: a file, or a piece of one.
    struct ReadJob: Sendable {
        var file: Int
        var piece: Piece?
    }

    /// A piece of a large YAML stream (see `pieces(of:)`): its text and the line it starts on.
    struct Piece: Sendable {
        var text: String
        var firstLine: Int
    }

    /// The smallest stream `read` cuts in two pieces.
    static let pieceMinimumSize = 256 << 10

    /// Two pieces of `file` that read as its documents (`YAMLReader.documentBoundary`), for a large file that
    /// `classifyAndParse` would parse as YAML whole: named like YAML, not a script, no text sign of a row.
    /// Nil for any other file.
    static func pieces(of file: (path: String, text: String)) -> [Piece]? {
        let text = file.text
        guard text.utf8.count >= pieceMinimumSize, isYAMLName(file.path), !isOtherScript(text),
            !ShellScriptReader.isShellScript(path: file.path, text: text),
            !ArtifactTable.textSigns.contains(where: { $0.1.matches(text) }),
            let boundary = YAMLReader.documentBoundary(nearMiddleOf: text)
        else { return nil }
        let utf8 = text.utf8
        let cut = utf8.index(utf8.startIndex, offsetBy: boundary.offset)
        return [
            Piece(text: String(text[..<cut]), firstLine: 1),
            Piece(text: String(text[cut...]), firstLine: boundary.line),
        ]
    }

    /// `classifyAndParse`, `prepareReads` and `releaseReadDocuments` of one piece of a file: its documents
    /// classified and read ahead alone (the rows that read them are those of its own kinds).
    static func classifyAndPrepare(_ piece: Piece, path: String, release: Bool) -> Classification {
        guard let documents = try? YAMLReader.read(piece.text, firstLine: piece.firstLine) else {
            return Classification([], nil)
        }
        var classified = Classification(classify(documents), documents)
        classified.prepared = prepareReads(classified, path: path)
        if release { classified.releaseReadDocuments(path: path) }
        return classified
    }

    /// What `classifyAndParse` found in a file.
    struct Classification: Sendable {
        var kinds: Set<Kind>
        /// The YAML documents, when the file was parsed as YAML.
        var documents: [YAMLNode]?
        /// What the readers read from the documents ahead (`prepareReads`).
        var prepared: [[Int: PreparedRead]] = []
        /// What the reader of a file that is not YAML read from it ahead (`prepareText`).
        var preparedText: (row: Int, read: PreparedRead)? = nil
        /// The shell script's facts, when the file is a shell script (`ShellScriptReader.read(text, file: path)`).
        var script: ShellScriptFacts? = nil
        /// Set when every document was read ahead and the documents were freed (`releaseReadDocuments`).
        var readAhead: ReadAhead? = nil

        /// When the readers' work on every document was done ahead (`prepared`), `LabFacts.add` needs
        /// no document: the documents are freed here, on the core that parsed them, and what `add`
        /// reads of them besides the readers (calico-config's veth_mtu) is kept. Only for a file whose
        /// kinds are its own (`add` reads a file named on the command line as the kind it was named).
        mutating func releaseReadDocuments(path: String) {
            guard let documents, !documents.isEmpty, prepared.count == documents.count else { return }
            let readers = ArtifactDiscovery.documentReaders(of: kinds)
            guard !readers.isEmpty, readers.allSatisfy({ $0.entry.readPrepared != nil }),
                prepared.allSatisfy({ reads in readers.allSatisfy { reads[$0.row] != nil } })
            else { return }
            let origin = TextOrigin(file: path)
            readAhead = ReadAhead(
                count: documents.count,
                vethMTU: documents.lazy.compactMap { CalicoReader.vethMTU($0, origin: origin) }.last)
            self.documents = nil
        }

        /// The classification of a file from those of its pieces, in order, when they read as the whole
        /// file reads: every piece parsed, all of one set of kinds, and their documents all read ahead and
        /// freed or all kept. Nil otherwise (the caller reads the file whole).
        static func joined(_ pieces: [Classification]) -> Classification? {
            guard let first = pieces.first, !first.kinds.isEmpty,
                pieces.allSatisfy({ $0.kinds == first.kinds && ($0.documents != nil || $0.readAhead != nil) }),
                pieces.allSatisfy({ ($0.readAhead != nil) == (first.readAhead != nil) })
            else { return nil }
            var joined = Classification(kinds: first.kinds, documents: nil)
            joined.prepared = pieces.flatMap(\.prepared)
            if first.readAhead != nil {
                let readAheads = pieces.compactMap(\.readAhead)
                joined.readAhead = ReadAhead(
                    count: readAheads.reduce(0) { $0 + $1.count },
                    vethMTU: readAheads.reversed().lazy.compactMap(\.vethMTU).first)
            } else {
                joined.documents = pieces.flatMap { $0.documents ?? [] }
            }
            return joined
        }

        init(kinds: Set<Kind>, documents: [YAMLNode]?, script: ShellScriptFacts? = nil) {
            self.kinds = kinds
            self.documents = documents
            self.script = script
        }

        /// `([kind], nil)`: kinds without documents.
        init(_ kinds: Set<Kind>, _ documents: [YAMLNode]?) { self.init(kinds: kinds, documents: documents) }
    }

    /// Whether `text`, read as YAML, is a single flow collection if it parses at all: its first
    /// content (after a byte-order mark, white space and comment lines) is `{` or `[`, and no line
    /// starts with `---` or `...`. Such a stream that parses is one document, that collection (a
    /// document ends only at the end of the text or at a document marker), which `classify` skips
    /// as JSON; one that does not parse is not an artifact either when its name is not YAML's.
    static func isOneFlowDocument(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var k = 0
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { k = 3 }
            let contentStart = k
            while k < bytes.count {
                let c = bytes[k]
                if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n")
                    || c == UInt8(ascii: "\r")
                {
                    k += 1
                } else if c == UInt8(ascii: "#") {
                    while k < bytes.count && bytes[k] != UInt8(ascii: "\n") && bytes[k] != UInt8(ascii: "\r") { k += 1 }
                } else {
                    break
                }
            }
            guard k < bytes.count, bytes[k] == UInt8(ascii: "{") || bytes[k] == UInt8(ascii: "[") else { return false }
            // No line starts with "---" or "..." (whatever follows them).
            var lineStart = contentStart
            while lineStart < bytes.count {
                if lineStart + 3 <= bytes.count {
                    let c = bytes[lineStart]
                    if (c == UInt8(ascii: "-") || c == UInt8(ascii: ".")) && bytes[lineStart + 1] == c
                        && bytes[lineStart + 2] == c
                    {
                        return false
                    }
                }
                var next = lineStart
                while next < bytes.count && bytes[next] != UInt8(ascii: "\n") && bytes[next] != UInt8(ascii: "\r") {
                    next += 1
                }
                lineStart = next + 1
            }
            return true
        }
    }

    /// Whether a line starts with `key:` and holds `word` after it (`kind: !!str Cluster`).
    static func hasKey(_ key: String, containing word: String, in text: String) -> Bool {
        text.split(separator: "\n").contains { $0.hasPrefix(key + ":") && $0.dropFirst(key.count + 1).contains(word) }
    }

    /// A curly-brace VyOS config that may not parse: a top-level `interfaces {`, `system {`,
    /// `nat {`, `protocols {` or `service {` line, or VyOS's version footer.
    static func looksLikeVyOS(_ text: String) -> Bool {
        if text.containsBytes("vyatta-config-version") || text.containsBytes("vyos-config-version") { return true }
        // The first 200 non-empty lines, as bytes (no String per line): `<section> {` at a line's start.
        let sections: [[UInt8]] = ["interfaces", "system", "nat", "protocols", "service", "firewall"].map {
            Array($0.utf8)
        }
        var text = text
        return text.withUTF8 { bytes in
            var start = 0
            var lines = 0
            while start < bytes.count, lines < 200 {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                if end > start {
                    lines += 1
                    for section in sections where end - start > section.count {
                        guard bytes[start..<(start + section.count)].elementsEqual(section) else { continue }
                        var index = start + section.count
                        while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
                        if index < end, bytes[index] == UInt8(ascii: "{") { return true }
                    }
                }
                start = end + 1
            }
            return false
        }
    }

    /// File name endings of the artifacts labgen reads: such a file that is not text, is empty or
    /// is too large is reported, not skipped.
    static let artifactExtensions = [".yaml", ".yml", ".cfg", ".boot", ".sh"]

    /// The largest file labgen reads as an artifact (real ones are kilobytes; 10,000-node labs a few MB).
    public static let maximumFileSize = 16 << 20

    static func isYAMLName(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".yaml") || path.lowercased().hasSuffix(".yml")
    }

    static func isArtifactName(_ path: String) -> Bool {
        artifactExtensions.contains { path.lowercased().hasSuffix($0) }
    }

    private static func classify(_ documents: [YAMLNode]) -> Set<Kind> {
        var kinds = Set<Kind>()
        for document in documents {
            // JSON (lab.json, containerlab's topology-data.json) is not an artifact labgen reads.
            if document.isFlow { continue }
            for entry in ArtifactTable.entries {
                if let kind = entry.kind, entry.detectDocument?(document) == true { kinds.insert(kind) }
            }
        }
        return kinds
    }

    /// The regular text files below `folder` (hidden files and folders skipped, at most 6 levels),
    /// with paths relative to `folder`, sorted.
    public static func files(in folder: URL) -> [(path: String, text: String)] { scan(folder).files }

    /// `files(in:)`, and an error for every file named like an artifact (`.yaml`, `.cfg`, ...) that
    /// cannot be one: not UTF-8 text, a NUL byte, larger than `maximumFileSize`, or empty.
    public static func scan(_ folder: URL) -> (files: [(path: String, text: String)], problems: [Diagnostic]) {
        var result: [(String, String)] = []
        var problems: [Diagnostic] = []
        func problem(_ path: String, _ message: String, _ position: TextPosition = .start) {
            problems.append(
                .error(
                    RuleID.unreadable, "\(path) \(message)",
                    at: SourceLocation(file: path, line: position.line, column: position.column)))
        }
        func walk(_ url: URL, _ relative: String, depth: Int) {
            guard depth <= 6,
                let entries = try? FileManager.default.contentsOfDirectory(
                    at: url, includingPropertiesForKeys: [.isDirectoryKey, .fileSizeKey, .isRegularFileKey])
            else { return }
            for entry in entries.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
                let name = entry.lastPathComponent
                if name.hasPrefix(".") { continue }
                let values = try? entry.resourceValues(forKeys: [.isDirectoryKey, .fileSizeKey, .isRegularFileKey])
                let path = relative.isEmpty ? name : relative + "/" + name
                if values?.isDirectory == true {
                    walk(entry, path, depth: depth + 1)
                    continue
                }
                guard values?.isRegularFile == true else { continue }
                let artifactName = isArtifactName(path)
                let size = values?.fileSize ?? 0
                if size > maximumFileSize {
                    if artifactName {
                        problem(
                            path,
                            "is \(size / (1 << 20)) MiB, larger than any lab artifact (labgen reads at most \(maximumFileSize >> 20) MiB); is it the right file?"
                        )
                    }
                    continue
                }
                guard let data = try? Data(contentsOf: entry) else {
                    if artifactName { problem(path, "cannot be read") }
                    continue
                }
                if let bad = firstNonText(data) {
                    if artifactName { problem(path, "is not text: \(bad.what)", bad.position) }
                    continue
                }
                let text = String(decoding: data, as: UTF8.self)
                if artifactName && text.allSatisfy({ $0.isWhitespace }) {
                    problem(path, "is empty; a lab artifact was expected (a truncated or failed write?)")
                    continue
                }
                result.append((path, text))
            }
        }
        walk(folder, "", depth: 0)
        return (result, problems)
    }

    /// The position and description of the first NUL byte or invalid UTF-8 sequence, if any.
    static func firstNonText(_ data: Data) -> (what: String, position: TextPosition)? {
        // Most files are ASCII without a NUL: eight bytes at a time, nothing to report.
        let plainASCII = data.withUnsafeBytes { raw -> Bool in
            var k = 0
            while k + 8 <= raw.count {
                let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                let zero = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
                if (x & 0x8080_8080_8080_8080) | zero != 0 { return false }
                k += 8
            }
            while k < raw.count {
                if raw[k] == 0 || raw[k] >= 0x80 { return false }
                k += 1
            }
            return true
        }
        if plainASCII { return nil }
        let bytes = [UInt8](data)
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var length = 1
            if byte == 0 { return ("a NUL byte", TextPosition(line: line, column: column)) }
            if byte >= 0x80 {
                length = byte >= 0xF0 && byte < 0xF5 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 && byte < 0xE0 ? 2 : 0
                let valid =
                    length > 0 && index + length <= bytes.count
                    && bytes[(index + 1)..<(index + length)].allSatisfy { $0 & 0xC0 == 0x80 }
                    && String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
                if !valid {
                    return (String(format: "byte 0x%02X is not UTF-8", byte), TextPosition(line: line, column: column))
                }
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return nil
    }
}

extension LabFacts {
    /// Reads the artifacts among `files` (path as shown in diagnostics, and contents), found by
    /// content. `expected` names the kind of files the user named explicitly: such a file that is
    /// not of that kind is an error. Every file's path is remembered for bind checks.
    public static func read(
        _ files: [(path: String, text: String)], expected: [String: ArtifactDiscovery.Kind] = [:],
        clusterName: String? = nil
    ) -> LabFacts {
        read(files, expected: expected, clusterName: clusterName, preparing: true)
    }

    /// `preparing: false` reads every document in `add`, as before `prepareDocument` (the tests
    /// compare the two).
    static func read(
        _ files: [(path: String, text: String)], expected: [String: ArtifactDiscovery.Kind] = [:],
        clusterName: String? = nil, preparing: Bool
    ) -> LabFacts {
        var facts = LabFacts()
        facts.clusterName = clusterName
        var book = ReadBook()
        // Classifying and parsing each file is independent (and most of the work): in parallel.
        // A lab has a dozen files, a few of them large (kind.yaml, the topology, kubeadm.yaml): from two.
        // The readers' own work on each parsed document is done there too (`prepareDocument`).
        // The largest files first: the topology, parsed and read, is the longest job of all.
        @Sendable func readWhole(_ file: (path: String, text: String)) -> ArtifactDiscovery.Classification {
            var classified = ArtifactDiscovery.classifyAndParse(file.text, path: file.path)
            if preparing {
                classified.prepared = ArtifactDiscovery.prepareReads(classified, path: file.path)
                classified.preparedText = ArtifactDiscovery.prepareText(classified, path: file.path, text: file.text)
                if expected[file.path] == nil { classified.releaseReadDocuments(path: file.path) }
            }
            return classified
        }
        // Three files of a large lab are most of the work, and two cores cannot share three jobs evenly:
        // a large stream of documents (kubeadm.yaml) is parsed and read as two pieces, one job each.
        let jobs = files.indices.flatMap { index -> [ArtifactDiscovery.ReadJob] in
            guard preparing, let pieces = ArtifactDiscovery.pieces(of: files[index]) else {
                return [ArtifactDiscovery.ReadJob(file: index, piece: nil)]
            }
            return pieces.map { ArtifactDiscovery.ReadJob(file: index, piece: $0) }
        }
        let results = Parallel.heaviestFirst(
            jobs, weights: jobs.map { $0.piece?.text.utf8.count ?? files[$0.file].text.utf8.count }
        ) {
            job -> ArtifactDiscovery.Classification in
            let file = files[job.file]
            guard let piece = job.piece else { return readWhole(file) }
            return ArtifactDiscovery.classifyAndPrepare(piece, path: file.path, release: expected[file.path] == nil)
        }
        var classifications: [ArtifactDiscovery.Classification] = []
        classifications.reserveCapacity(files.count)
        var next = 0
        for index in files.indices {
            var parts: [ArtifactDiscovery.Classification] = []
            while next < jobs.count, jobs[next].file == index {
                parts.append(results[next])
                next += 1
            }
            // Pieces that do not read as the whole would (one does not parse, or they differ in kind or in
            // what was read ahead): the file is read whole, as any other.
            classifications.append(
                parts.count == 1
                    ? parts[0] : ArtifactDiscovery.Classification.joined(parts) ?? readWhole(files[index]))
        }
        let otherLabs = ArtifactDiscovery.otherLabFolders(
            files.map(\.path), classifications.map(\.kinds), expected: expected)
        for folder in otherLabs {
            // Pointed at that lab's topology file (a diagnostic names a file, never a folder).
            let topology = zip(files, classifications).first {
                $0.0.path.hasPrefix(folder + "/") && $0.1.kinds.contains(.containerlab)
            }
            facts.readDiagnostics.append(
                Diagnostic(
                    RuleID.unreadable, .note,
                    "\(folder)/ holds its own containerlab topology: it is another lab, not checked with this one (run labgen verify on it)",
                    at: SourceLocation(file: topology?.0.path ?? folder, line: 1, column: 1)))
        }
        for (path, _) in files { facts.files.insert(normalize(path)) }
        for ((path, text), classified) in zip(files, classifications) {
            if expected[path] == nil, otherLabs.contains(where: { path.hasPrefix($0 + "/") }) { continue }
            var kinds = classified.kinds
            if var wanted = expected[path] {
                if wanted == .ciliumValues, kinds.contains(.ciliumScript) { wanted = .ciliumScript }
                if !kinds.contains(wanted) {
                    facts.readDiagnostics.append(
                        .error(
                            RuleID.unreadable, "\(path) was named as a \(wanted.rawValue) but does not hold one",
                            at: SourceLocation(file: path, line: 1, column: 1)))
                    continue
                }
                if !ShellScriptReader.isShellScript(path: path, text: text) {
                    kinds = [wanted]
                    if wanted == .kindConfig || wanted == .containerlab {
                        kinds.formUnion(ArtifactDiscovery.classify(text).subtracting([.kindConfig, .containerlab]))
                    }
                }
            }
            if kinds.isEmpty, ArtifactDiscovery.isYAMLName(path) {
                // A YAML file that does not parse and does not look like an artifact (a docker-compose
                // file with anchors, a tool's own format): not a lab artifact; say that it was skipped.
                do {
                    _ = try YAMLReader.read(text)
                } catch {
                    facts.readDiagnostics.append(
                        Diagnostic(
                            RuleID.unreadable, .note,
                            "\(path) is skipped: it is not a lab artifact labgen reads and does not parse as YAML (\(error.message))",
                            at: SourceLocation(file: path, line: error.position.line, column: error.position.column)))
                }
            }
            facts.add(
                path: path, text: text, kinds: kinds, documents: classified.documents, script: classified.script,
                prepared: classified.prepared, preparedText: classified.preparedText, readAhead: classified.readAhead,
                book: &book)
        }
        // The parsed documents are read: freed on another thread (at 10,000 nodes, tens of milliseconds).
        Parallel.dropInBackground(consume classifications)
        facts.chooseKindConfig(explicit: Set(expected.filter { $0.value == .kindConfig }.keys))
        // Two topologies in one lab (variants of it): which one is deployed is not written down. The
        // first is checked; a warning says so (an explicitly named one is never in doubt).
        let clabFiles = book.clabFiles
        if clabFiles.count > 1, !expected.values.contains(.containerlab) {
            facts.readDiagnostics.append(
                .warning(
                    RuleID.unreadable,
                    "found \(clabFiles.count) containerlab topologies (\(clabFiles.joined(separator: ", "))); checked \(facts.clab?.file ?? clabFiles[0]) only: name the one to check with --clab",
                    at: SourceLocation(file: clabFiles[1], line: 1, column: 1)))
        }
        return facts
    }

    mutating func add(
        path: String, text: String, kinds: Set<ArtifactDiscovery.Kind>, documents parsed: [YAMLNode]? = nil,
        script parsedScript: ShellScriptFacts? = nil, prepared: [[Int: PreparedRead]] = [],
        preparedText: (row: Int, read: PreparedRead)? = nil, readAhead: ArtifactDiscovery.ReadAhead? = nil,
        book: inout ReadBook
    ) {
        guard !kinds.isEmpty else { return }
        let origin = TextOrigin(file: path)
        let entries = ArtifactTable.entries.filter { $0.kind.map(kinds.contains) ?? false }
        if ShellScriptReader.isShellScript(path: path, text: text) {
            let script = parsedScript ?? ShellScriptReader.read(text, file: path)
            hostAddresses.formUnion(script.hostAddresses)
            for entry in entries { entry.readScript?(&self, &book, script) }
            return
        }
        // A file that is not YAML (VyOS, a bridge script) is read whole, as the first such kind.
        if let (row, entry) = ArtifactTable.entries.enumerated().first(where: { _, entry in
            entry.textReader != nil && entry.kind.map(kinds.contains) == true
        }) {
            if let preparedText, preparedText.row == row, let readPrepared = entry.readPreparedText {
                readPrepared(&self, path, preparedText.read)
            } else {
                entry.textReader?(&self, path, text)
            }
            return
        }
        let readers = ArtifactDiscovery.documentReaders(of: kinds)
        // Every document read ahead and freed (`releaseReadDocuments`): the results, in the same order.
        if let readAhead {
            for index in 0..<readAhead.count {
                for (row, entry) in readers { entry.readPrepared?(&self, &book, origin, prepared[index][row]!) }
            }
            if let mtu = readAhead.vethMTU { vethMTU = mtu }
            return
        }
        let documents: [YAMLNode]
        do {
            if let parsed { documents = parsed } else { documents = try YAMLReader.read(text) }
        } catch {
            readDiagnostics.append(
                .error(
                    RuleID.unreadable, "\(path) does not parse: \(error.message)", at: origin.location(error.position)))
            return
        }
        let readDocuments = readers.map { ($0.row, $0.entry.readPrepared, $0.entry.documentReader) }
        for (index, document) in documents.enumerated() {
            for (row, readPrepared, readDocument) in readDocuments {
                if index < prepared.count, let read = prepared[index][row], let readPrepared {
                    readPrepared(&self, &book, origin, read)
                } else {
                    readDocument?(&self, &book, document, origin)
                }
            }
            // Calico's calico-config ConfigMap, wherever it is.
            if let mtu = CalicoReader.vethMTU(document, origin: origin) { vethMTU = mtu }
        }
    }

    /// The node images of the containerlab topology read from `file` (the first topology is the one read).
    mutating func addClabImages(of file: String) {
        for node in clab?.nodes ?? [] where clab?.file == file {
            if let image = node.image { images.append(ImageReference(reference: image, pulledInCluster: false)) }
        }
    }

    /// The kind configs of a shell script's `kind create cluster --config=-` heredocs (cluster name
    /// and image from the command line).
    mutating func addKindClusters(of script: ShellScriptFacts, book: inout ReadBook) {
        let folder = script.file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(
            separator: "/")
        for cluster in script.kindClusters {
            // Written to a file the lab keeps: that file is read as the kind config.
            if let written = cluster.writtenTo,
                files.contains(normalize(folder.isEmpty ? written : folder + "/" + written))
            {
                continue
            }
            if let unresolved = cluster.unresolved {
                readDiagnostics.append(
                    Diagnostic(
                        RuleID.unreadable, .note,
                        "the kind config of this 'kind create cluster' uses \(unresolved), which \(script.file) does not set to a literal value: not checked",
                        at: cluster.command))
                continue
            }
            let origin = TextOrigin(file: script.file, origin: TextPosition(line: cluster.configLine, column: 1))
            let documents: [YAMLNode]
            do {
                documents = try YAMLReader.read(cluster.config)
            } catch {
                readDiagnostics.append(
                    .error(
                        RuleID.unreadable, "the kind config in \(script.file) does not parse: \(error.message)",
                        at: origin.location(error.position)))
                continue
            }
            guard let document = documents.first(where: KindConfigReader.isKindConfig) else { continue }
            book.kindFiles.append(script.file)
            var read = KindConfigReader.read(document, origin: origin, diagnostics: &readDiagnostics)
            // kind's --name wins over the config's name:.
            if let name = cluster.name { read.name = name }
            if kind == nil { kind = read } else { otherKindConfigs.append(read) }
            if let image = cluster.image {
                images.append(ImageReference(reference: image, pulledInCluster: false))
            }
        }
    }

    /// With several kind configs (a multi-cluster lab, or a config kept twice), checks the one whose
    /// node containers the topology's servers join (else the first), and says so in a note.
    mutating func chooseKindConfig(explicit: Set<String>) {
        guard let first = kind, !otherKindConfigs.isEmpty else { return }
        let candidates = [first] + otherKindConfigs
        let targets = Set(
            clab?.nodes.compactMap { node in
                node.networkMode.flatMap {
                    $0.value.hasPrefix("container:") ? String($0.value.dropFirst("container:".count)) : nil
                }
            } ?? [])
        func score(_ config: KindFacts) -> Int {
            let cluster = clusterName ?? config.name?.value ?? "kind"
            return Names.kindContainerNames(cluster: cluster, roleNames: config.nodes.map(\.role.value)).filter(
                targets.contains
            ).count
        }
        if let named = candidates.firstIndex(where: { explicit.contains($0.file) }) {
            kind = candidates[named]
            otherKindConfigs = candidates.enumerated().filter { $0.offset != named }.map(\.element)
            return
        }
        let best =
            candidates.indices.max {
                score(candidates[$0]) < score(candidates[$1])
                    || (score(candidates[$0]) == score(candidates[$1]) && $0 > $1)
            } ?? 0
        kind = candidates[best]
        otherKindConfigs = candidates.enumerated().filter { $0.offset != best }.map(\.element)
        let others = otherKindConfigs.map { "\($0.file)\($0.name.map { " (\($0.value))" } ?? "")" }.joined(
            separator: ", ")
        let why = score(candidates[best]) > 0 ? "the one whose node containers the topology joins" : "the first"
        readDiagnostics.append(
            Diagnostic(
                RuleID.unreadable, .note,
                "found \(candidates.count) kind configs; checked \(candidates[best].file)\(candidates[best].name.map { " (\($0.value))" } ?? ""), \(why), not \(others) (name one with --kind)",
                at: candidates[best].location))
    }

    /// `./a/../b//c` -> `b/c`.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        let absolute = path.hasPrefix("/")
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        return (absolute ? "/" : "") + parts.joined(separator: "/")
    }

    func normalize(_ path: String) -> String { Self.normalize(path) }
}

extension ArtifactDiscovery {
    /// Subfolders that hold a containerlab topology of their own while the lab folder (or a folder
    /// above them) holds one too: each is another lab. Files named explicitly are never excluded.
    static func otherLabFolders(_ paths: [String], _ kinds: [Set<Kind>], expected: [String: Kind]) -> [String] {
        func folder(_ path: String) -> String {
            path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        }
        let topologyFolders = Set(
            zip(paths, kinds).filter { $0.1.contains(.containerlab) && expected[$0.0] == nil }.map { folder($0.0) })
        guard topologyFolders.contains("") else { return [] }
        return topologyFolders.filter { !$0.isEmpty }.sorted().filter { candidate in
            // The outermost one only (a lab inside another lab is covered by its parent's exclusion).
            !topologyFolders.contains { !$0.isEmpty && $0 != candidate && candidate.hasPrefix($0 + "/") }
        }
    }
}

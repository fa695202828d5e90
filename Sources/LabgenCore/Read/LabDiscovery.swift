import Foundation
import LabModel

/// What `labgen verify` and `labgen import` read: a lab folder, files named with options, or both.
public struct LabInput: Sendable {
    /// A file named with an option (`--kind kind.yaml`).
    public struct NamedFile: Sendable {
        /// The path as the user gave it.
        public var path: String
        public var url: URL
        public var option: VerifyOption

        public init(path: String, url: URL, option: VerifyOption) {
            self.path = path
            self.url = url
            self.option = option
        }
    }

    /// The folder as the user gave it (nil: only named files), and where it is.
    public var folder: (shown: String, url: URL)?
    public var named: [NamedFile]
    /// The kind cluster name given on kind's command line (`kind create cluster --name`).
    public var clusterName: String?

    public init(folder: (shown: String, url: URL)?, named: [NamedFile], clusterName: String?) {
        self.folder = folder
        self.named = named
        self.clusterName = clusterName
    }

    /// How messages name the lab: the folder, else the named files.
    public var shown: String { folder?.shown ?? named.map(\.path).joined(separator: ", ") }
}

/// Why a lab's artifacts could not be read (exit status 2).
public enum LabDiscoveryError: Error, Equatable {
    /// A folder or named file that cannot be read (a usage error of the command).
    case unusable(String)
    /// Nothing labgen reads was found.
    case noArtifacts(String)
}

extension ArtifactDiscovery {
    /// `labgen verify`'s options that name files, in table order, each with its kind.
    public static let verifyOptions: [VerifyOption] = ArtifactTable.entries.compactMap { entry in
        guard var option = entry.option else { return nil }
        option.kind = entry.kind
        return option
    }

    /// Reads the artifacts of a lab: those found by content in the folder (if any) and the named files.
    public static func read(_ input: LabInput) throws(LabDiscoveryError) -> LabFacts {
        var files: [(path: String, text: String)] = []
        var scanProblems: [Diagnostic] = []
        var expected: [String: Kind] = [:]
        var folderURL: URL?
        if let (shown, url) = input.folder {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw .unusable("Cannot read the lab folder '\(shown.debugEscaped)': no such folder.")
            }
            guard isDirectory.boolValue else {
                throw .unusable(
                    "'\(shown.debugEscaped)' is a file, not a folder; "
                        + "name its folder, or the file with --kind, --clab, ...")
            }
            folderURL = url.standardizedFileURL
            (files, scanProblems) = scan(url)
        }
        for named in input.named {
            let url = named.url.standardizedFileURL
            let data: Data
            do {
                data = try IOProblem.read(url, shown: named.path.debugEscaped, what: "the file")
            } catch {
                throw .unusable(error.description + ".")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw .unusable("Cannot read '\(named.path.debugEscaped)': not UTF-8 text.")
            }
            // A file inside the folder keeps its folder-relative name.
            var shown = named.path
            if let folderURL, url.path.hasPrefix(folderURL.path + "/") {
                shown = String(url.path.dropFirst(folderURL.path.count + 1))
                files.removeAll { $0.path == shown }
            }
            if let anyOf = named.option.anyOf, classify(text).isDisjoint(with: anyOf) {
                throw .unusable("'\(named.path)' \(named.option.holdsNone).")
            }
            files.append((shown, text))
            if named.option.anyOf == nil, let kind = named.option.kind { expected[shown] = kind }
        }
        var facts = LabFacts.read(files, expected: expected, clusterName: input.clusterName)
        facts.readDiagnostics += scanProblems
        if let clab = input.named.first(where: { $0.option.kind == .containerlab }) {
            facts.readFilesBeside(clab, folder: folderURL)
        }
        if facts.kind == nil && facts.clab == nil && facts.vyos.isEmpty && facts.pools.isEmpty && facts.flannel.isEmpty
            && facts.cilium.isEmpty && facts.readDiagnostics.isEmpty
        {
            throw .noArtifacts(
                "no lab artifacts (kind config, containerlab topology, VyOS, Calico) found in "
                    + "\(input.shown.debugEscaped); "
                    + "name the lab folder, or the files with --kind, --clab, --vyos, --calico")
        }
        return facts
    }
}

extension LabFacts {
    /// Binds are relative to the topology file: know the files next to a topology named from
    /// elsewhere, and read the VyOS configs among them.
    mutating func readFilesBeside(_ clab: LabInput.NamedFile, folder: URL?) {
        guard self.clab?.file == clab.path else { return }
        let directory = clab.url.deletingLastPathComponent()
        let prefix = clab.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        guard directory.standardizedFileURL.path != folder?.path else { return }
        for (path, text) in ArtifactDiscovery.files(in: directory) {
            let shown = prefix.isEmpty ? path : (clab.path.hasPrefix("/") && prefix.isEmpty ? "/" : prefix + "/") + path
            files.insert(Self.normalize(shown))
            if ArtifactDiscovery.classify(text) == [.vyos], vyos[Self.normalize(shown)] == nil {
                var diagnostics = DiagnosticList()
                if let read = VyOSFactsReader.read(text, file: shown, diagnostics: &diagnostics) {
                    vyos[Self.normalize(shown)] = read
                }
                readDiagnostics += diagnostics
            }
        }
    }

    /// What was checked ("kind config", "2 VyOS configs", ...) and which kinds of artifact were not found,
    /// so that a clean result on a folder without, say, a kind config does not read as a clean lab.
    public var coverage: (checked: [String], notFound: [String]) {
        var checked: [String] = []
        var notFound: [String] = []
        func count(_ n: Int, _ what: String) {
            if n == 0 { notFound.append(what) } else { checked.append(n == 1 ? what : "\(n) \(what)s") }
        }
        count(kind == nil ? 0 : 1, "kind config")
        count(clab == nil ? 0 : 1, "containerlab topology")
        if vyos.isEmpty {
            notFound.append("VyOS config")
        } else {
            checked.append(
                "\(vyos.count) VyOS config\(vyos.count == 1 ? "" : "s")"
                    + (VyOSFactsReader.releaseSummary(vyos).map { " (\($0))" } ?? ""))
        }
        if !flannel.isEmpty {
            count(flannel.count, "kube-flannel net-conf")
        } else if !cilium.isEmpty {
            let installs = ciliumInstalls.count
            checked.append(installs == 1 ? "Cilium values" : "\(installs) sets of Cilium values")
        } else if pools.isEmpty {
            notFound.append("Calico pool")
        } else {
            checked.append("\(pools.count) Calico pool\(pools.count == 1 ? "" : "s")")
        }
        // Calico BGPPeers and Cilium BGP peers: only when the lab has them (most labs peer no BGP from the nodes).
        if !nodeBGPPeers.isEmpty {
            checked.append(
                "\(nodeBGPPeers.count) node BGP peering\(nodeBGPPeers.count == 1 ? "" : "s") (Calico/Cilium)")
        }
        return (checked, notFound)
    }
}

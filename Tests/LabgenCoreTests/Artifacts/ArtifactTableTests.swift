import Foundation
import LabKit
import LabModel
import TemplateLabs
import Testing

@testable import LabgenCore

/// The artifact table: each kind once, renderers in table order, and every written file read back
/// as its row's kind.
@Suite struct ArtifactTableTests {
    @Test func everyKindHasExactlyOneRow() {
        // The kinds are declared beside the rows; allCases is the table's list.
        let written = Artifact.Kind.allCases.map(\.rawValue)
        #expect(written.count == Set(written).count, "an Artifact.Kind written by two rows")
        let read = ArtifactDiscovery.Kind.allCases.map(\.rawValue)
        #expect(read.count == Set(read).count, "an ArtifactDiscovery.Kind in two rows")
        #expect(ArtifactTable.entries.allSatisfy { $0.kind != nil || !$0.written.isEmpty })
    }

    /// A row that `verify` finds can be both detected and read; a row that is written has a renderer.
    @Test func everyRowIsComplete() {
        for entry in ArtifactTable.entries {
            let name = entry.kind?.rawValue ?? entry.path
            if entry.kind != nil {
                let detects = entry.detectScript != nil || !entry.detectText.isEmpty || entry.detectDocument != nil
                let reads = entry.readScript != nil || entry.textReader != nil || entry.documentReader != nil
                #expect(detects, "\(name): no detector")
                #expect(reads, "\(name): no reader")
            }
            #expect(entry.written.isEmpty == (entry.render == nil), "\(name): written kinds and renderer disagree")
        }
        let options = ArtifactDiscovery.verifyOptions.map(\.name)
        #expect(options.count == Set(options).count)
        #expect(ArtifactDiscovery.verifyOptions.allSatisfy { $0.kind != nil })
    }

    /// Every template lab renders its files in the table's order, and each file that verify reads
    /// back is found as its row's kind.
    @Test(arguments: templateLabs.map(\.lab))
    func renderedFilesFollowTheTable(_ lab: Lab) throws {
        let rendered = try #require(Pipeline.compile(lab.spec).rendered)
        func rowOf(_ kind: Artifact.Kind) throws -> Int {
            try #require(ArtifactTable.entries.firstIndex { $0.written.contains(kind) }, "\(kind.rawValue): no row")
        }
        let rows = try rendered.artifacts.map { try rowOf($0.kind) }
        #expect(rows == rows.sorted(), "rendered out of table order: \(rendered.artifacts.map(\.path))")
        for artifact in rendered.artifacts {
            let entry = ArtifactTable.entries[try rowOf(artifact.kind)]
            #expect(Self.matches(artifact.path, entry.path), "\(artifact.path) is not the row's path '\(entry.path)'")
            guard let kind = entry.kind else {
                #expect(!artifact.kind.isReadBack)
                continue
            }
            #expect(artifact.kind.isReadBack)
            #expect(
                ArtifactDiscovery.classify(artifact.contents, path: artifact.path).contains(kind),
                "\(lab.spec.name)/\(artifact.path) is not found as a \(kind.rawValue)")
        }
    }

    /// Whether `path` is one of the row's documented paths (`a, b` or `a or b`; `<x>` stands for a name).
    static func matches(_ path: String, _ documented: String) -> Bool {
        documented.replacingOccurrences(of: " or ", with: ", ").components(separatedBy: ", ").contains { pattern in
            let parts = pattern.components(separatedBy: "<")
            var regex = "^" + NSRegularExpression.escapedPattern(for: parts[0])
            for part in parts.dropFirst() {
                let rest = part.split(separator: ">", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                regex += "[^/]+" + NSRegularExpression.escapedPattern(for: rest)
            }
            return path.range(of: regex + "$", options: .regularExpression) != nil
        }
    }

    @Test func documentedPathsMatch() {
        #expect(Self.matches("kubeadm/worker.yaml", ArtifactTable.kubeadmPatch.path))
        #expect(Self.matches("kubeadm.yaml", ArtifactTable.kubeadmPatch.path))
        #expect(!Self.matches("kubeadm/a/b.yaml", ArtifactTable.kubeadmPatch.path))
        #expect(Self.matches("startup-conf/gw0.cfg", ArtifactTable.vyos.path))
        #expect(!Self.matches("startup-conf/gw0.boot", ArtifactTable.vyos.path))
        #expect(!Self.matches("kind.yml", ArtifactTable.kindConfig.path))
    }

    /// The source notes come from the rows: a diagnostic in calico/ippool.yaml names the pool.
    @Test func sourceNotesComeFromTheRows() throws {
        let lab = try #require(templateLabs.first { $0.file == "calico-ipip-crosssubnet-2022.swift" }).lab
        let compiled = Pipeline.compile(lab.spec)
        let plan = try #require(compiled.plan)
        let rendered = try #require(compiled.rendered)
        let diagnostic = Diagnostic.error(
            RuleID.podSubnet, "test", at: SourceLocation(file: ArtifactPaths.calicoPools, line: 3, column: 1))
        let noted = Pipeline.attachSource(diagnostic, plan: plan, spec: lab.spec, rendered: rendered)
        #expect(noted.notes.map(\.message) == ["pod pool '\(plan.cluster!.pools[0].name)' is declared here"])
        let elsewhere = Diagnostic.error(
            RuleID.podSubnet, "test", at: SourceLocation(file: ArtifactPaths.kindConfig, line: 3, column: 1))
        let lab2 = Pipeline.attachSource(elsewhere, plan: plan, spec: lab.spec, rendered: rendered)
        #expect(lab2.notes.map(\.message) == ["the lab is declared here"])
    }
}

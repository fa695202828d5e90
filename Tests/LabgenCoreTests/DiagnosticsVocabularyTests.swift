import LabKit
import LabModel
import Testing

@testable import LabgenCore

/// The shared pieces of the diagnostics: `Claims` (every duplicate of the resolver), the one
/// suggestion function, and `DiagnosticList` as the collector of readers and the verifier.
@Suite struct DiagnosticsVocabularyTests {
    let here = SourceLocation(file: "lab.swift", line: 3, column: 5)
    let there = SourceLocation(file: "lab.swift", line: 9, column: 5)

    @Test func claimsReportTheSecondUseWithANoteAtTheFirst() {
        var claims = Claims<String>(check: .duplicateName)
        var diagnostics = DiagnosticList()
        let first = claims.claim("br0", what: "bridge of rack 'a'", at: here, into: &diagnostics) { _ in ("x", nil) }
        #expect(first)
        #expect(diagnostics.isEmpty)
        let second = claims.claim("br0", what: "bridge of rack 'b'", at: there, into: &diagnostics) { first in
            ("'br0' is used by \(first.what) already", "first used here")
        }
        #expect(!second)
        #expect(diagnostics.count == 1)
        let diagnostic = diagnostics[0]
        #expect(diagnostic.id == ModelCheck.duplicateName.id)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == there)
        #expect(diagnostic.message == "'br0' is used by bridge of rack 'a' already")
        #expect(diagnostic.notes == [Diagnostic.Note("first used here", at: here)])
        // The first claim stays the first.
        #expect(claims["br0"]?.what == "bridge of rack 'a'")
    }

    @Test func reportDuplicateDoesNotClaim() {
        var claims = Claims<Int>(check: .duplicateName)
        var diagnostics = DiagnosticList()
        #expect(!claims.reportDuplicate(100, at: here, into: &diagnostics) { _ in ("dup", nil) })
        #expect(claims[100] == nil)
        claims.record(100, at: here)
        #expect(claims.reportDuplicate(100, at: there, into: &diagnostics) { _ in ("dup", nil) })
        #expect(diagnostics.map(\.message) == ["dup"])
        #expect(diagnostics[0].notes.isEmpty)
    }

    @Test func aDuplicateServerAndADuplicateAddressGoThroughTheContextsClaims() {
        let lab = Lab("dups") {
            Cluster("dups") {}
            Gateway("gw0", vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24") {
                Node(.controlPlane, address: "10.1.5.10", server: "s1")
                Node(.worker, address: "10.1.5.10", server: "s1")
            }
        }
        let found = diagnostics(lab)
        #expect(found.map(\.id) == [ModelCheck.duplicateName.id, ModelCheck.duplicateAddress.id])
        #expect(found[0].message == "server 's1' has the same name as server")
        #expect(found[1].message == "server 's1' uses 10.1.5.10, which server 's1' already uses")
        #expect(found.allSatisfy { $0.notes.count == 1 })
    }

    @Test func aSecondSingletonIsReportedWithANoteAtTheFirst() throws {
        let lab = Lab("twice") {
            Cluster("one") { Calico(pool: PodPool("10.244.0.0/16")) }
            Cluster("two") {}
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
        let found = diagnostics(lab)
        #expect(found.map(\.id) == [ModelCheck.misplacedElement.id])
        let second = try #require(found.first)
        #expect(second.message == "a lab has at most one Cluster")
        #expect(second.notes.map(\.message) == ["the first Cluster is here"])
        #expect(second.notes[0].location == lab.spec.clusters[0].location)
        #expect(second.location == lab.spec.clusters[1].location)

        let twoCNIs = Lab("cnis") {
            Cluster("cnis") {
                Calico(pool: PodPool("10.244.0.0/16"))
                Flannel(.vxlan)
            }
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
        let conflict = try #require(diagnostics(twoCNIs).first)
        #expect(conflict.id == ModelCheck.conflictingCNI.id)
        #expect(conflict.message == "a cluster has one CNI; Flannel here conflicts with Calico")
        #expect(conflict.notes.map(\.message) == ["Calico is declared here"])
    }

    @Test func suggestionsForTypedWordsAndForNamesInFiles() {
        // A typed word: at most a third of its length (1 to 3 edits).
        #expect(Suggestions.closest(to: "biuld", in: ["build", "check", "verify"]) == "build")
        #expect(Suggestions.closest(to: "ipv", in: ["ipvs", "iptables"]) == "ipvs")
        #expect(Suggestions.closest(to: "xyz", in: ["build"]) == nil)
        // Ties go to the first in alphabetical order, whatever the candidates' order.
        #expect(Suggestions.closest(to: "LG1044", in: ["LG104", "LG044"]) == "LG044")
        // A name in a file: a third of the shorter name, at least 2 edits.
        let nodes = ["clab-calico-ipip-control-plane", "clab-calico-ipip-worker2"]
        #expect(Suggestions.distance("clab-calico-ipip-wk2", "clab-calico-ipip-worker2") == 4)
        #expect(
            Suggestions.closest(to: "clab-calico-ipip-wk2", in: nodes, tolerance: .name) == "clab-calico-ipip-worker2")
        #expect(Suggestions.closest(to: "clab-calico-ipip-wk2", in: nodes, tolerance: .word) == nil)
        #expect(Suggestions.closest(to: "IPTABLES", in: Conventions.kubeProxyModes, tolerance: .name) == "iptables")
        // Adjacent transpositions count as one edit.
        #expect(Suggestions.distance("wokrer", "worker") == 1)
    }

    @Test func theCollectorIsACollection() {
        var list: DiagnosticList = [.warning("LG008", "w", at: there)]
        list.error("LG002", "e", at: here)
        list += [.error("LG002", "e", at: here)]
        #expect(list.count == 3)
        #expect(list.hasErrors)
        #expect(list.errors.count == 2 && list.warnings.count == 1)
        // Verification order: each once, by location.
        #expect(list.uniqueSortedByLocation.map(\.message) == ["e", "w"])
    }
}

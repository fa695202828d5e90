import Foundation
import LabModel
import LabgenCore
import Testing

/// Every diagnostic ID labgen can report has an entry in `DiagnosticCatalogue` with an explanation,
/// and `labgen explain` prints it: the model checks (LG1nn) had none before.
@Suite struct ExplainCatalogueTests {
    /// Every `"LGnnn"` string literal in Sources/ (that is how IDs are defined), with its file.
    static func idLiteralsInSources() throws -> [(id: String, file: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        let pattern = try Regex(#""(LG[0-9]{3})""#)
        var found: [(String, String)] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let id = match.output[1].substring { found.append((String(id), url.lastPathComponent)) }
            }
        }
        return found
    }

    @Test func everyIDInTheSourcesIsInTheCatalogue() throws {
        let literals = try Self.idLiteralsInSources()
        // The model checks alone are 37 IDs; the scan must see them, or it is looking in the wrong place.
        #expect(literals.count >= ModelCheck.allCases.count + Rule.catalogue.count)
        for (id, file) in literals {
            #expect(DiagnosticCatalogue.descriptor(DiagnosticID(id)) != nil, "\(id) (\(file)) has no catalogue entry")
        }
    }

    @Test func everyModelCheckHasItsOwnExplanation() {
        var seen: Set<String> = []
        for check in ModelCheck.allCases {
            let entry = DiagnosticCatalogue.descriptor(check.id)
            #expect(entry?.stage == .model, "\(check.rawValue)")
            #expect(check.explanation.count > 2 * check.summary.count, "\(check.rawValue): explanation too short")
            #expect(seen.insert(check.explanation).inserted, "\(check.rawValue) shares its explanation")
        }
    }

    @Test func catalogueIDsAreUnique() {
        let ids = DiagnosticCatalogue.all.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func explainPrintsEveryEntry() throws {
        let workspace = try Workspace()
        let list = workspace.labgen(["explain"])
        #expect(list.status == 0)
        for entry in DiagnosticCatalogue.all {
            #expect(list.out.contains("  \(entry.id)  "), "the list lacks \(entry.id)")
            let result = workspace.labgen(["explain", entry.id.rawValue.lowercased()])
            #expect(result.status == 0, "\(entry.id): \(result.err)")
            #expect(result.out.hasPrefix("\(entry.id): \(entry.summary) ("), "\(entry.id)")
            // The explanation's first line is printed.
            let firstLine = try #require(entry.explanation.split(separator: "\n").first)
            #expect(result.out.contains(firstLine), "\(entry.id)")
        }
    }

    @Test func modelCheckExplanationSaysWhereItIsReported() throws {
        let workspace = try Workspace()
        let result = workspace.labgen(["explain", "LG104"])
        #expect(
            result.out.hasPrefix(
                "LG104: two nodes or gateway interfaces with the same address (model check of 'labgen build', error)"))
        #expect(result.out.contains("answer ARP for each other"))
        #expect(result.out.contains("Reported on the lab description"))
    }

    @Test func unknownIDSuggestsTheClosest() throws {
        let workspace = try Workspace()
        let result = workspace.labgen(["explain", "lg1o4"])
        #expect(result.status == 2)
        #expect(result.err.contains("Did you mean 'LG104'?"), "\(result.err)")
    }
}

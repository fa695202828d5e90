import Foundation
import LabgenCore
import Testing

/// The README's rule table is the catalogue: every rule and model check has a row with its ID and
/// severity, and no row names a rule labgen does not have (the table drifted before).
@Suite struct RuleTableTests {
    @Test func readmeRuleTableEqualsTheCatalogue() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        var rows: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `LG") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            let id = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            #expect(rows[id] == nil, "README lists \(id) twice")
            rows[id] = cells[1]
        }
        for rule in Rule.catalogue {
            let severity = rule.severity == .warning ? "warning" : rule.severity == .note ? "note" : "error"
            #expect(
                rows[rule.id.rawValue] == severity,
                "README row of \(rule.id.rawValue): \(rows[rule.id.rawValue] ?? "missing"), catalogue: \(severity)")
        }
        let known = Set(
            Rule.catalogue.map(\.id.rawValue) + ModelCheck.allCases.map(\.rawValue) + [LabImporter.refusalID.rawValue])
        for id in rows.keys {
            #expect(known.contains(id), "README lists \(id), which labgen does not have")
        }
        // Model checks that have a README row say the severity labgen gives them.
        for check in ModelCheck.allCases {
            guard let row = rows[check.rawValue] else { continue }
            #expect(row == (check.isWarning ? "warning" : "error"), "README row of \(check.rawValue)")
        }
    }

    @Test func theCatalogueIsInIDOrder() {
        let ids = Rule.catalogue.map(\.id.rawValue)
        #expect(ids == ids.sorted())
    }
}

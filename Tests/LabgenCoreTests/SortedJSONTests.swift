import Foundation
import LabKit
import LabModel
import TemplateLabs
import Testing

@testable import LabgenCore

/// lab.json is written by `SortedJSON`, which must give JSONEncoder's bytes
/// (`[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`), or every committed lab.json would change.
@Suite struct SortedJSONTests {
    func expectSameAsFoundation(_ plan: LabPlan, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let fast = try SortedJSON.encode(plan) + "\n"
        #expect(fast == LabModelRenderer.encodeWithFoundation(plan), sourceLocation: sourceLocation)
    }

    @Test func everyBuiltInLab() throws {
        for template in templateLabs {
            let compiled = Pipeline.compile(template.lab.spec)
            try expectSameAsFoundation(try #require(compiled.plan))
        }
    }

    @Test func emptyCollectionsEscapesAndKeyOrder() throws {
        struct Sample: Encodable {
            var empty: [Int] = []
            var emptyObject: [String: Int] = [:]
            var text = "a/\"b\"\\c\nd\te é \u{7F}"
            var keys = ["rack10": 1, "rack2": 2, "Rack3": 3, "ipPools": 4, "ipipMode": 5, "a_b": 6, "aB": 7, "a-b": 8]
            var nested: [[String?]] = [["x", nil], []]
            var numbers = [-5, 0, Int.max]
            var flag = false
            var missing: String? = nil
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let foundation = String(decoding: try encoder.encode(Sample()), as: UTF8.self)
        #expect(try SortedJSON.encode(Sample()) == foundation)
    }

    @Test func unsupportedValuesThrow() {
        #expect(throws: SortedJSON.Unsupported.self) { try SortedJSON.encode(["x": 1.5]) }
        #expect(throws: SortedJSON.Unsupported.self) { try SortedJSON.encode(["x": "bell \u{7}"]) }
    }
}

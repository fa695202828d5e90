import Foundation
import LabKit
import LabModel
import TemplateLabs
import Testing

@testable import LabgenCore

/// lab.json is written by labgen's own writer (`LabModelJSON`, issue 17): byte for byte what
/// `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`.
@Suite struct LabModelJSONTests {
    static func foundation<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func everyTemplateLabsPlanIsWrittenAsJSONEncoderWritesIt() throws {
        for lab in templateLabs {
            guard let plan = Resolver.resolve(lab.lab.spec).plan else { continue }
            #expect(try LabModelJSON.encode(plan) == Self.foundation(plan), "\(lab.lab.spec.name)")
        }
    }

    @Test func randomLabsAreWrittenAsJSONEncoderWritesThem() throws {
        var resolved = 0
        for seed in UInt64(1)...60 {
            let spec = ModelRoundTripTests.randomLab(seed).spec
            #expect(try LabModelJSON.encode(spec) == Self.foundation(spec), "seed \(seed)")
            if let plan = Resolver.resolve(spec).plan {
                resolved += 1
                #expect(try LabModelJSON.encode(plan) == Self.foundation(plan), "seed \(seed)")
            }
        }
        #expect(resolved > 0)
    }

    @Test func keysEscapesAndEmptyContainersAreWrittenAsJSONEncoderWritesThem() throws {
        struct Sample: Encodable {
            var numbers: [Int]
            var missing: String?
            var text: String
            var nested: [String: [Bool]]
            var empty: [String: Int]
            var deep: [[[String]]]
        }
        var control = ""
        for v in 0..<0x20 { control.unicodeScalars.append(Unicode.Scalar(UInt8(v))) }
        let sample = Sample(
            numbers: [0, 1, -1, 300, Int.max, Int.min], missing: nil,
            text: control + "é中🙂\u{7F}\u{2028}\"'/\\ <>&",
            nested: [
                "node10": [true], "node9": [false], "Node2": [], "a": [], "B": [true], "b": [], "": [],
                "é": [], "z": [], "_x": [], "x-1": [], "x.2": [], "10": [], "9": [], "A10b": [], "a9B": [],
            ],
            empty: [:], deep: [[], [[]], [["a", "/"]]])
        #expect(try LabModelJSON.encode(sample) == Self.foundation(sample))
    }
}

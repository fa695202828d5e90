import LabKit
import LabModel
import TemplateLabs
import Testing

/// The compact form a lab program hands its labs over in (`ModelCoding`, issue 17): every model
/// decodes to the model that was encoded, locations of the lab file are renamed as they decode, and
/// bytes that are not a whole model are refused rather than misread.
@Suite struct ModelCodingTests {
    @Test func everyTemplateLabRoundTrips() throws {
        let specs = templateLabs.map(\.lab.spec)
        let bytes = try ModelCoding.encode(specs)
        #expect(bytes.starts(with: ModelCoding.magic))
        #expect(try ModelCoding.decode(Array<LabModel.LabSpec>.self, from: bytes) == specs)
    }

    @Test func randomLabsWithSpecialCharactersRoundTrip() throws {
        for seed in UInt64(1)...40 {
            let spec = ModelRoundTripTests.randomLab(seed).spec
            let decoded = try ModelCoding.decode(Array<LabModel.LabSpec>.self, from: ModelCoding.encode([spec]))
            #expect(decoded == [spec], "seed \(seed)")
        }
    }

    @Test func integersOfEverySizeAndOptionalsRoundTrip() throws {
        struct Sample: Codable, Equatable {
            var numbers: [Int]
            var missing: String?
            var present: String?
            var nested: [String: [Bool]]
        }
        let sample = Sample(
            numbers: [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Int.max, Int.min], missing: nil,
            present: "é中🙂\n\"'", nested: ["a": [true, false], "": []])
        #expect(try ModelCoding.decode(Sample.self, from: ModelCoding.encode(sample)) == sample)
    }

    @Test func locationsOfTheLabFileAreRenamedAsTheyDecode() throws {
        var spec = templateLabs[0].lab.spec
        spec.location.file = "LabFile/lab.swift"
        let relocation = SourceLocation.Relocation(module: "LabFile", file: "labs/mine.swift")
        let decoded = try ModelCoding.decode(
            Array<LabModel.LabSpec>.self, from: ModelCoding.encode([spec]),
            userInfo: [SourceLocation.relocation: relocation])
        #expect(decoded.first?.location.file == "labs/mine.swift")
        #expect(decoded.first?.location.line == spec.location.line)
    }

    @Test func bytesThatAreNotAWholeModelAreRefused() throws {
        let bytes = try ModelCoding.encode(templateLabs.prefix(2).map(\.lab.spec))
        #expect(throws: (any Error).self) {
            try ModelCoding.decode(Array<LabModel.LabSpec>.self, from: Array("[]".utf8))
        }
        #expect(throws: (any Error).self) {
            try ModelCoding.decode(Array<LabModel.LabSpec>.self, from: Array(bytes.dropLast()))
        }
        #expect(throws: (any Error).self) { try ModelCoding.decode(Array<LabModel.LabSpec>.self, from: bytes + [0]) }
        #expect(throws: (any Error).self) { try ModelCoding.decode([Int].self, from: bytes) }
    }
}

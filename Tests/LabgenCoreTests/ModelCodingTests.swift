import LabKit
import LabgenCore
import TemplateLabs
import Testing

@testable import LabModel

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

    // MARK: The streaming encoder writes the tree encoder's bytes

    @Test func streamingAndTreeEncodersWriteTheSameBytes() throws {
        let specs = templateLabs.map(\.lab.spec)
        #expect(try ModelCoding.encode(specs) == ModelCoding.encodeWithTree(specs))
        for lab in templateLabs {
            guard let plan = Resolver.resolve(lab.lab.spec).plan else { continue }
            #expect(try ModelCoding.encode(plan) == ModelCoding.encodeWithTree(plan), "\(lab.lab.spec.name)")
        }
        for seed in UInt64(1)...40 {
            let spec = ModelRoundTripTests.randomLab(seed).spec
            #expect(try ModelCoding.encode(spec) == ModelCoding.encodeWithTree(spec), "seed \(seed)")
        }
    }

    /// Counts of 128 and more take more than the one byte the stream writes first.
    @Test(arguments: [0, 1, 127, 128, 129, 16_383, 16_384, 20_000])
    func longArraysAndObjects(count: Int) throws {
        let numbers = (0..<count).map { $0 * 7 - 300 }
        let nested = [numbers, [], [1]]
        let object = Dictionary(uniqueKeysWithValues: (0..<min(count, 300)).map { ("k\($0)", [$0]) })
        #expect(try ModelCoding.encode(numbers) == ModelCoding.encodeWithTree(numbers))
        #expect(try ModelCoding.encode(nested) == ModelCoding.encodeWithTree(nested))
        #expect(try ModelCoding.decode([[Int]].self, from: ModelCoding.encode(nested)) == nested)
        let objectBytes = try ModelCoding.encode(object)
        #expect(try ModelCoding.decode([String: [Int]].self, from: objectBytes) == object)
    }

    /// Hand-written `encode(to:)`s the stream cannot follow in order: the result is still the tree's.
    @Test func encodersOutOfOrderFallBackToTheTree() throws {
        struct Interleaving: Encodable {
            enum Keys: String, CodingKey { case inner, after, more }
            func encode(to encoder: any Encoder) throws {
                var outer = encoder.container(keyedBy: Keys.self)
                var inner = outer.nestedContainer(keyedBy: Keys.self, forKey: .inner)
                try outer.encode(1, forKey: .after)
                try inner.encode("late", forKey: .more)  // the inner object was closed by `after`
            }
        }
        struct TwoContainers: Encodable {
            enum Keys: String, CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var first = encoder.container(keyedBy: Keys.self)
                try first.encode(1, forKey: .a)
                var second = encoder.container(keyedBy: Keys.self)
                try second.encode([true], forKey: .b)
            }
        }
        struct Super: Encodable {
            enum Keys: String, CodingKey { case x }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(2, forKey: .x)
                var single = container.superEncoder().singleValueContainer()
                try single.encode("base")
            }
        }
        struct Nothing: Encodable {
            func encode(to encoder: any Encoder) throws {}
        }
        struct Empty: Encodable {
            enum Keys: String, CodingKey { case unused }
            func encode(to encoder: any Encoder) throws {
                _ = encoder.container(keyedBy: Keys.self)
                _ = encoder.container(keyedBy: Keys.self)
            }
        }
        struct Mix: Encodable {
            var interleaving = Interleaving()
            var two = TwoContainers()
            var base = Super()
            var nothing = Nothing()
            var empty = Empty()
            var list: [Int] = []
        }
        #expect(try ModelCoding.encode(Interleaving()) == ModelCoding.encodeWithTree(Interleaving()))
        #expect(try ModelCoding.encode(TwoContainers()) == ModelCoding.encodeWithTree(TwoContainers()))
        #expect(try ModelCoding.encode(Super()) == ModelCoding.encodeWithTree(Super()))
        #expect(try ModelCoding.encode(Nothing()) == ModelCoding.encodeWithTree(Nothing()))
        #expect(try ModelCoding.encode(Empty()) == ModelCoding.encodeWithTree(Empty()))
        #expect(try ModelCoding.encode([Mix(), Mix()]) == ModelCoding.encodeWithTree([Mix(), Mix()]))
        #expect(try ModelCoding.encode(Interleaving()) != ModelCoding.encode(Nothing()))
    }

    /// Every integer width is written as an Int (both encoders); what does not fit, and floating
    /// point, is refused.
    @Test func integerWidthsAndFloatingPoint() throws {
        struct Widths: Codable, Equatable {
            var a: Int8 = -8
            var b: Int16 = 300
            var c: Int32 = -70_000
            var d: Int64 = 1 << 40
            var e: UInt = 7
            var f: UInt8 = 255
            var g: UInt16 = 65_535
            var h: UInt32 = 4_000_000_000
            var i: UInt64 = 1 << 62
            var list: [UInt8] = [1, 2, 3]
            var single: UInt16? = 9
        }
        let value = Widths()
        #expect(try ModelCoding.encode(value) == ModelCoding.encodeWithTree(value))
        #expect(try ModelCoding.decode(Widths.self, from: ModelCoding.encode(value)) == value)
        struct TooLarge: Encodable { var x: UInt64 = .max }
        struct Floating: Encodable { var x = 1.5 }
        #expect(throws: EncodingError.self) { try ModelCoding.encode(TooLarge()) }
        #expect(throws: EncodingError.self) { try ModelCoding.encodeWithTree(TooLarge()) }
        #expect(throws: EncodingError.self) { try ModelCoding.encode(Floating()) }
        #expect(throws: EncodingError.self) { try ModelCoding.encode([1.5]) }
        #expect(throws: EncodingError.self) { try ModelCoding.encodeWithTree(Float(1)) }
    }
}

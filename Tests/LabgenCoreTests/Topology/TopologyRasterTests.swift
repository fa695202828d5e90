import Foundation
import LabModel
import Testing

@testable import LabgenCore

/// The SVG rendered by a real SVG renderer, as a reviewer's tools would show it: `rsvg-convert`
/// (Debian's librsvg2-bin, which `.ci/run` installs) must read it and make a PNG of exactly the
/// picture's size. Skipped, with the reason, where rsvg-convert is not installed.
@Suite("Topology picture rendered by rsvg-convert")
struct TopologyRasterTests {
    static let rsvgConvert: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/rsvg-convert" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        guard bytes.count >= 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            bytes[12..<16] == [0x49, 0x48, 0x44, 0x52]
        else { return nil }
        func big(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (big(16), big(20))
    }

    @Test(
        "rsvg-convert renders every built-in lab's SVG at the picture's size",
        .enabled(if: rsvgConvert != nil, "rsvg-convert is not installed (apt-get install -y librsvg2-bin)"),
        arguments: PictureLabs.plans)
    func rendersAtItsSize(plan: LabPlan) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labgen-svg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = TopologyPicture.svg(plan)
        let input = folder.appendingPathComponent("topology.svg")
        let output = folder.appendingPathComponent("topology.png")
        try svg.write(to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.rsvgConvert))
        process.arguments = [input.path, "-o", output.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "rsvg-convert failed: \(message)")
        #expect(message.isEmpty, "rsvg-convert warned: \(message)")
        let size = try #require(Self.pngSize(try Data(contentsOf: output)), "not a PNG")
        let layout = TopologyLayout(TopologyGraph(plan))
        #expect(
            size.width == layout.width && size.height == layout.height,
            "\(plan.name): PNG \(size), SVG \(layout.width)x\(layout.height)")
        // And the picture it rendered holds every node's name and address as text.
        let texts = try #require(SVGText.parse(svg)).texts
        for node in plan.nodes {
            #expect(texts.contains(node.name))
            if let address = node.attachment?.address { #expect(texts.contains("\(address)")) }
        }
    }

    @Test func pngSizeReadsTheHeader() {
        var header: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
        header += [0, 0, 3, 44, 0, 0, 2, 210]
        #expect(Self.pngSize(Data(header))! == (812, 722))
        #expect(Self.pngSize(Data("<svg/>".utf8)) == nil)
    }
}

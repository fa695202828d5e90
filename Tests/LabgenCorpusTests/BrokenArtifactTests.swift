import Foundation
import LabFormats
import LabKit
import LabgenTestSupport
import Testing

@testable import LabgenCLI

// Broken artifacts: each is read by the format reader it belongs to (a FormatError with a
// position, within a time bound) and, when labgen has the `verify` command, given to
// `labgen verify DIR` in a lab folder (exit 1, a `file:line:col: error:` line, no crash, no hang).

/// Which reader an artifact goes through.
enum ArtifactFormat: String, Sendable {
    case yaml, vyosBoot, vyosSet
}

/// One broken artifact.
struct BrokenArtifact: Sendable, CustomTestStringConvertible {
    let title: String
    /// The path in the lab folder (`kind.yaml`, `startup-conf/gw0-boot.cfg`, ...).
    let path: String
    let format: ArtifactFormat
    let make: @Sendable () -> [UInt8]
    /// Where the reader must report the error (nil: the reader may accept the text, only
    /// verification can reject it, as with `nodes: 3`).
    let position: TextPosition?

    var testDescription: String { "\(path): \(title)" }

    init(_ title: String, _ path: String, _ format: ArtifactFormat, at position: TextPosition?, _ text: String) {
        self.init(title, path, format, at: position) { Array(text.utf8) }
    }

    init(
        _ title: String, _ path: String, _ format: ArtifactFormat, at position: TextPosition?,
        make: @escaping @Sendable () -> [UInt8]
    ) {
        self.title = title
        self.path = path
        self.format = format
        self.make = make
        self.position = position
    }

    /// The reader's verdict: nil when it accepts the text.
    func read() -> FormatError? {
        let text = String(decoding: make(), as: UTF8.self)
        do {
            switch format {
            case .yaml: _ = try YAMLReader.read(text)
            case .vyosBoot: _ = try VyOSReader.readBootConfig(text)
            case .vyosSet: _ = try VyOSReader.readSetCommands(text)
            }
            return nil
        } catch {
            return error
        }
    }
}

private func p(_ line: Int, _ column: Int) -> TextPosition { TextPosition(line: line, column: column) }

let goodKindConfig = """
    kind: Cluster
    apiVersion: kind.x-k8s.io/v1alpha4
    name: corpus
    networking:
      disableDefaultCNI: true
      podSubnet: 10.244.0.0/16
    nodes:
    - role: control-plane
      image: "kindest/node:v1.23.4"
    - role: worker

    """

let goodBoot = """
    interfaces {
        ethernet eth1 {
            address 10.1.5.1/24
            description "rack0"
        }
    }
    system {
        host-name gw0
    }

    """

enum ArtifactCorpus {
    /// `megabytes` MB of a repeated, valid-looking kind config line, ending in an unterminated quote.
    static func large(megabytes: Int) -> @Sendable () -> [UInt8] {
        {
            let line = Array("- role: worker\n".utf8)
            var bytes: [UInt8] = Array("kind: Cluster\nnodes:\n".utf8)
            bytes.reserveCapacity(megabytes * 1024 * 1024 + 64)
            while bytes.count < megabytes * 1024 * 1024 { bytes += line }
            bytes += Array("- role: \"worker\n".utf8)
            return bytes
        }
    }

    /// 50 MB for `labgen verify`, which must refuse or read it without hanging.
    static let fiftyMegabytes = large(megabytes: 50)

    static let garbage: @Sendable () -> [UInt8] = {
        var random = SeededRandom(seed: 0xBAD_F00D)
        return (0..<4096).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    static let cases: [BrokenArtifact] = [
        .init("truncated inside a quoted string", "kind.yaml", .yaml, at: p(9, 10), String(goodKindConfig.prefix(185))),
        .init("truncated inside a flow sequence", "kind.yaml", .yaml, at: p(2, 8), "kind: Cluster\nnodes: [a, b"),
        .init(
            "unterminated flow mapping", "kind.yaml", .yaml, at: p(2, 13),
            "kind: Cluster\nnetworking: {podSubnet: 10.244.0.0/16\n"),
        .init(
            "unterminated single quote", "calico/ippool.yaml", .yaml, at: p(4, 9),
            "apiVersion: projectcalico.org/v3\nkind: IPPool\nspec:\n  cidr: '10.244.0.0/16\n"),
        .init(
            "wrong type: nodes: 3", "kind.yaml", .yaml, at: nil,
            "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes: 3\n"),
        .init(
            "wrong type: a mapping for the image", "kind.yaml", .yaml, at: nil,
            "kind: Cluster\nnodes:\n- role: {a: b}\n"),
        .init(
            "anchor and alias", "kind.yaml", .yaml, at: p(3, 3),
            "kind: Cluster\nnodes:\n- &cp\n  role: control-plane\n- *cp\n"),
        .init("tag", "kind.yaml", .yaml, at: p(1, 7), "kind: !!str Cluster\n"),
        .init("merge key", "kind.yaml", .yaml, at: p(3, 3), "kind: Cluster\nnodes:\n- <<: {role: worker}\n"),
        .init(
            "tab indentation", "kind.yaml", .yaml, at: p(3, 1),
            "kind: Cluster\nnetworking:\n\tpodSubnet: 10.244.0.0/16\n"),
        .init("duplicate key", "kind.yaml", .yaml, at: p(3, 1), "kind: Cluster\nname: a\nname: b\n"),
        .init("binary garbage", "kind.yaml", .yaml, at: p(1, 13), make: garbage),
        .init("NUL byte in the middle", "kind.yaml", .yaml, at: p(3, 6), "kind: Cluster\nname: x\nnodes\u{0}: []\n"),
        // The reader reads 50 MB in about 30 s in a debug build: 5 MB keeps the suite fast (the
        // time is linear); `labgen verify` gets the full 50 MB below.
        .init("5 MB file", "kind.yaml", .yaml, at: p(349_527, 9), make: large(megabytes: 5)),
        .init("unterminated brace", "startup-conf/gw0-boot.cfg", .vyosBoot, at: p(2, 5), String(goodBoot.prefix(60))),
        .init("one closing brace too many", "startup-conf/gw0-boot.cfg", .vyosBoot, at: p(10, 1), goodBoot + "}\n"),
        .init(
            "unterminated quote", "startup-conf/gw0-boot.cfg", .vyosBoot, at: p(4, 21),
            goodBoot.replacingOccurrences(of: "\"rack0\"", with: "\"rack0")),
        .init("unterminated comment", "startup-conf/gw0-boot.cfg", .vyosBoot, at: p(10, 1), goodBoot + "/* version\n"),
        .init("binary garbage", "startup-conf/gw0-boot.cfg", .vyosBoot, at: p(1, 13), make: garbage),
        .init(
            "shell metacharacter in a set command", "startup-conf/gw0.cfg", .vyosSet, at: p(2, 22),
            "set system host-name gw0\nset system host-name $(reboot)\n"),
        .init(
            "unterminated quote in a set command", "startup-conf/gw0.cfg", .vyosSet, at: p(1, 42),
            "set interfaces ethernet eth1 description \"rack0\n"),
        .init("empty file", "kind.yaml", .yaml, at: nil, ""),
        .init("empty config.boot", "startup-conf/gw0-boot.cfg", .vyosBoot, at: nil, ""),
    ]
}

@Suite("Broken artifacts")
struct BrokenArtifactTests {
    @Test(
        "the reader gives an error with a position, in bounded time", .timeLimit(.minutes(1)),
        arguments: ArtifactCorpus.cases)
    func readerRejectsWithPosition(_ artifact: BrokenArtifact) {
        let error = artifact.read()
        guard let expected = artifact.position else { return }
        guard let error else {
            Issue.record("the reader accepted the broken artifact")
            return
        }
        #expect(!error.message.isEmpty)
        #expect(error.position.line >= 1 && error.position.column >= 1)
        // The reported position is where the problem starts, or where the text ends for a truncated file.
        #expect(error.position == expected, "\(error)")
    }

    static let verifyCases =
        ArtifactCorpus.cases + [
            BrokenArtifact("50 MB file", "kind.yaml", .yaml, at: nil, make: ArtifactCorpus.fiftyMegabytes)
        ]

    static var hasVerify: Bool { Labgen.subcommands.contains { $0.spec.name == "verify" } }

    @Test(
        "labgen verify reports a position, exits 1, never crashes or hangs", .enabled(if: hasVerify),
        .timeLimit(.minutes(2)), arguments: verifyCases)
    func verifyRejects(_ artifact: BrokenArtifact) throws {
        let folder = try makeTemporaryFolder("labgen-verify")
        defer { removeTemporaryFolder(folder) }
        // A good build, then one artifact replaced by the broken one.
        try writeGoodBuild(to: folder)
        let lab = folder.appendingPathComponent("out/corpus")
        let target = lab.appendingPathComponent(artifact.path)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(artifact.make()).write(to: target)
        let before = try TreeSnapshot(lab)
        let result = runLabgen(["verify", "out/corpus"], in: folder)
        // verify prints its diagnostics on standard output, the summary too.
        let output = result.out + result.err
        let check = {
            #expect(result.status == 1, "\(output.prefix(2000))")
            // An error in the broken file itself, with its line and column.
            let pattern = "^" + NSRegularExpression.escapedPattern(for: artifact.path) + #":\d+:\d+: error: "#
            #expect(
                output.split(separator: "\n").contains { $0.range(of: pattern, options: .regularExpression) != nil },
                "no error at a position in \(artifact.path):\n\(output.prefix(2000))")
        }
        check()
        #expect(try TreeSnapshot(lab) == before, "verify changed the lab folder")
    }
}

/// Writes a good build of the corpus lab to `folder/out`.
func writeGoodBuild(to folder: URL) throws {
    let model = folder.appendingPathComponent("good.json")
    try LabRegistry.encode([goodCorpusLab.spec]).write(to: model)
    let result = runLabgen(["build", "--model", "good.json", "--output", "out", "--quiet"], in: folder)
    #expect(result.status == 0, "\(result.err)")
}

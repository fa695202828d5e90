import Foundation
import LabKit
import LabModel
import LabgenCore
import Testing

@testable import LabgenCLI

/// Issue 10: messages name the user's path and say what to do; usage and I/O problems exit 2,
/// lab problems 1; a lab folder built from one source is not silently replaced by another.
@Suite struct DiagnosticMessageTests {
    /// A lab model whose source location is `file` (as if declared there).
    private func model(_ lab: Lab, file: String) throws -> Data {
        var spec = lab.spec
        spec.location.file = file
        return try LabRegistry.encode([spec])
    }

    // MARK: - Output folders and their sources

    @Test func aLabFolderBuiltFromAnotherSourceIsNotReplaced() throws {
        let workspace = try Workspace()
        try model(sampleLab(), file: "Mine/a.swift").write(to: workspace.path("a.json"))
        try model(sampleLab(extraWorker: true), file: "Theirs/b.swift").write(to: workspace.path("b.json"))
        let first = workspace.labgen(["build", "--model", "a.json"])
        #expect(first.status == 0, "\(first.all)")
        let manifest = try String(contentsOf: workspace.path("out/sample/.labgen-manifest"), encoding: .utf8)
        #expect(manifest.contains("\n# Source: Mine/a.swift\n"), "\(manifest)")
        let before = workspace.snapshot("out")

        let other = workspace.labgen(["build", "--model", "b.json"])
        #expect(other.status == 2)
        #expect(
            other.err
                == "error: out/sample holds lab 'sample' built from Mine/a.swift, not from Theirs/b.swift; "
                + "give this lab its own name (Lab(\"...\")), build it into another folder with --output, "
                + "or pass --force to replace that lab's files\nerror: nothing was written\n")
        #expect(workspace.snapshot("out") == before)
        let check = workspace.labgen(["check", "--model", "b.json"])
        #expect(check.status == 1)
        #expect(check.out.hasPrefix("out/sample holds lab 'sample' built from Mine/a.swift, not from Theirs/b.swift; "))
        #expect(workspace.labgen(["check", "--model", "a.json"]).status == 0)

        // The same source again is fine; --force replaces the folder and records the new source.
        #expect(workspace.labgen(["build", "--model", "a.json"]).status == 0)
        let forced = workspace.labgen(["build", "--model", "b.json", "--force"])
        #expect(forced.status == 0, "\(forced.all)")
        let replaced = try String(contentsOf: workspace.path("out/sample/.labgen-manifest"), encoding: .utf8)
        #expect(replaced.contains("\n# Source: Theirs/b.swift\n"))
    }

    @Test func aLabFileNamedLikeABuiltInLabDoesNotOverwriteIt() throws {
        let workspace = try Workspace()
        #expect(workspace.labgen(["build", "--lab", "calico-ipip-crosssubnet"]).status == 0)
        let manifest = try String(
            contentsOf: workspace.path("out/calico-ipip-crosssubnet/.labgen-manifest"), encoding: .utf8)
        #expect(manifest.contains("\n# Source: templates/labs/calico-ipip-crosssubnet.swift\n"))
        let before = workspace.snapshot("out")
        try model(sampleLab(name: "calico-ipip-crosssubnet"), file: "my-lab/lab.swift")
            .write(to: workspace.path("m.json"))
        let result = workspace.labgen(["build", "--model", "m.json"])
        #expect(result.status == 2)
        #expect(
            result.err.hasPrefix(
                "error: out/calico-ipip-crosssubnet holds lab 'calico-ipip-crosssubnet' built from "
                    + "templates/labs/calico-ipip-crosssubnet.swift, not from my-lab/lab.swift; "))
        #expect(workspace.snapshot("out") == before)
    }

    @Test func theRecordedSourceDoesNotDependOnTheWorkingFolder() throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(at: workspace.path("sub"), withIntermediateDirectories: true)
        try model(sampleLab(), file: "Labs/lab.swift").write(to: workspace.path("a.json"))
        let map = "Labs=\(workspace.url.path)/labs"
        #expect(workspace.labgen(["build", "--model", "a.json", "--source-map", map]).status == 0)
        let manifest = try String(contentsOf: workspace.path("out/sample/.labgen-manifest"), encoding: .utf8)
        #expect(manifest.contains("\n# Source: labs/lab.swift\n"), "\(manifest)")

        // The same lab built from a subfolder into the same output folder is the same source.
        let err = TextBuffer()
        let context = CLIContext(
            workingDirectory: workspace.path("sub"), environment: [:], executablePath: LabgenBinary.path,
            out: { _ in }, err: { err.append($0) })
        let status = Labgen.run(
            ["build", "--model", "../a.json", "--source-map", map, "--output", "../out"], in: context)
        #expect(status == 0, "\(err.value)")
    }

    @Test func anOutputFolderBelowAFileIsAUsageError() throws {
        let workspace = try Workspace()
        try Data("x".utf8).write(to: workspace.path("afile"))
        let result = workspace.labgen(["build", "--output", "afile/sub"])
        #expect(result.status == 2)
        #expect(
            result.err
                == "error: cannot use the output folder afile/sub: 'afile' is a file, not a folder; "
                + "choose another --output\n")
        #expect(!result.all.contains("NSCocoaErrorDomain"))
    }

    // MARK: - labgen init

    @Test func initNamesTheLabAfterItsFolderOrName() throws {
        let workspace = try Workspace()
        let result = workspace.labgen(["init", "my-lab"])
        #expect(result.status == 0)
        #expect(
            result.out
                == "wrote my-lab/lab.swift (lab 'my-lab') from template 'calico-ipip-crosssubnet'; "
                + "build it with 'labgen build my-lab/lab.swift'\n")
        let text = try String(contentsOf: workspace.path("my-lab/lab.swift"), encoding: .utf8)
        #expect(text.contains("Lab(\"my-lab\")"))
        #expect(text.contains("Cluster(\"my-lab\", image:"))
        #expect(!text.contains("\"calico-ipip-crosssubnet\""))

        let initNamed = ["init", "--template", "calico-ipip-crosssubnet-2022", "--name", "lab-a", "x"]
        #expect(workspace.labgen(initNamed).status == 0)
        let named = try String(contentsOf: workspace.path("x/lab.swift"), encoding: .utf8)
        #expect(named.contains("Lab(\"lab-a\")") && named.contains("Topology(name: \"lab-a\")"))
        #expect(named.contains("Cluster(\"lab-a\""))
        #expect(!named.contains("calico-ipip-crosssubnet\""))

        let again = workspace.labgen(["init", "my-lab"])
        #expect(again.status == 2)
        #expect(again.err == "error: my-lab/lab.swift exists; use --force to overwrite it\n")

        let bad = workspace.labgen(["init", "My Lab"])
        #expect(bad.status == 2)
        #expect(
            bad.err.hasPrefix(
                "Error: Cannot name the lab after the folder 'My Lab': "
                    + "a lab name is also its kind cluster's and folder's name: "))
        #expect(bad.err.contains("Pass --name NAME.\nUsage: labgen init"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("My Lab").path))

        try Data("x".utf8).write(to: workspace.path("afile"))
        let below = workspace.labgen(["init", "afile/lab-b"])
        #expect(below.status == 2)
        #expect(below.err == "error: cannot write afile/lab-b/lab.swift: a part of the path is a file, not a folder\n")
    }

    // MARK: - Lab files that cannot be read or are not lab files (no compile needed)

    @Test func unreadableLabFilesAreUsageErrorsThatSayWhy() throws {
        let workspace = try Workspace()
        try Data("notes\n".utf8).write(to: workspace.path("notes.txt"))
        try FileManager.default.createDirectory(at: workspace.path("folder.swift"), withIntermediateDirectories: true)
        let cases: [([String], String)] = [
            (["build", "missing.swift"], "error: missing.swift: cannot read the lab file: no such file\n"),
            (["check", "missing.swift"], "error: missing.swift: cannot read the lab file: no such file\n"),
            (["addresses", "missing.swift"], "error: missing.swift: cannot read the lab file: no such file\n"),
            (["build", "folder.swift"], "error: folder.swift: cannot read the lab file: it is a folder, not a file\n"),
            (
                ["build", "notes.txt"],
                "error: notes.txt: not a lab file: a lab file is Swift source ending in '.swift' that declares "
                    + "`let lab = Lab(\"name\") { ... }` ('labgen init' writes one)\n"
            ),
            (["build", "--model", "missing.json"], "error: missing.json: cannot read the lab model: no such file\n"),
            (
                ["build", "--model", "notes.txt"],
                "error: notes.txt: not a labgen lab model (the JSON a lab program writes with LABGEN_MODEL_OUTPUT set)\n"
            ),
        ]
        for (arguments, message) in cases {
            let result = workspace.labgen(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.err == message, "\(arguments)")
            #expect(!FileManager.default.fileExists(atPath: workspace.path("out").path))
        }
    }

    @Test func aSwiftcThatCannotRunIsNamedWithWhatToDo() throws {
        try #require(LabgenBinary.exists, "run 'swift build' first")
        let workspace = try Workspace()
        // New content, so the compile cache cannot answer and the compiler is needed.
        try "// \(UUID().uuidString)\nimport LabKit\nlet lab = Lab(\"x\") {}\n".write(
            to: workspace.path("lab.swift"), atomically: true, encoding: .utf8)
        let result = workspace.labgen(["build", "lab.swift"], environment: ["SWIFTC": "/nonexistent/swiftc"])
        #expect(result.status == 2)
        #expect(
            result.err
                == "error: lab.swift: cannot run the Swift compiler '/nonexistent/swiftc' (SWIFTC): "
                + "no such file or folder; "
                + "set SWIFTC to the swiftc of a Swift 6 toolchain, or unset it\n")
        #expect(!result.err.contains("NSCocoaErrorDomain"))
    }

    // MARK: - verify

    @Test func verifySaysWhatItDidNotFind() throws {
        let workspace = try Workspace()
        #expect(workspace.labgen(["build", "--lab", "calico-ipip-crosssubnet"]).status == 0)
        let lab = workspace.path("part")
        let calico = lab.appendingPathComponent("calico")
        try FileManager.default.createDirectory(at: calico, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: workspace.path("out/calico-ipip-crosssubnet/calico/ippool.yaml"),
            to: lab.appendingPathComponent("calico/ippool.yaml"))
        try FileManager.default.copyItem(
            at: workspace.path("out/calico-ipip-crosssubnet/startup-conf"),
            to: lab.appendingPathComponent("startup-conf"))
        let text = workspace.labgen(["verify", "part"])
        #expect(text.status == 0)
        #expect(
            text.out
                == "part: 0 errors, 0 warnings (checked 2 VyOS configs (1.4.9 sagitta), 1 Calico pool; "
                + "not found: kind config, containerlab topology)\n")
        let json = workspace.labgen(["verify", "part", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(report["checked"] as? [String] == ["2 VyOS configs (1.4.9 sagitta)", "1 Calico pool"])
        #expect(report["notFound"] as? [String] == ["kind config", "containerlab topology"])

        let complete = workspace.labgen(["verify", "out/calico-ipip-crosssubnet"])
        #expect(
            complete.out.hasSuffix(
                "(checked kind config, containerlab topology, 2 VyOS configs (1.4.9 sagitta), 1 Calico pool)\n"))
    }

    @Test func verifyExitStatuses() throws {
        let workspace = try Workspace()
        let missing = workspace.labgen(["verify", "nope"])
        #expect(missing.status == 2)
        #expect(
            missing.err.hasPrefix("Error: Cannot read the lab folder 'nope': no such folder.\nUsage: labgen verify"))
        try FileManager.default.createDirectory(at: workspace.path("empty"), withIntermediateDirectories: true)
        let empty = workspace.labgen(["verify", "empty"])
        #expect(empty.status == 2)
        #expect(
            empty.err
                == "error: no lab artifacts (kind config, containerlab topology, VyOS, Calico) found in empty; "
                + "name the lab folder, or the files with --kind, --clab, --vyos, --calico\n")
        let file = workspace.labgen(["verify", "--kind", "kind.yaml"])
        #expect(file.status == 2)
        #expect(file.err.hasPrefix("Error: kind.yaml: cannot read the file: no such file.\n"))
    }

    @Test func helpTextsStateTheExitStatuses() throws {
        let workspace = try Workspace()
        #expect(workspace.labgen(["--help"]).out.contains("EXIT STATUS: 0 on success, 1 for a problem in a lab"))
        for command in ["build", "check", "verify", "addresses", "init"] {
            let help = workspace.labgen([command, "--help"]).out
            #expect(help.contains("2 on usage") && help.contains("I/O problems"), "\(command)")
        }
    }

    // MARK: - labgen addresses

    @Test func addressesEscapesInvisibleAndReorderingCharacters() throws {
        let compiled = Pipeline.compile(sampleLab().spec)
        var plan = try #require(compiled.plan)
        let hostile = "r\u{202E}0\u{85}\u{2028}x"
        plan.name = "lab\u{202E}"
        plan.racks[0].name = hostile
        plan.gateways[0].name = "gw\u{9B}0"
        plan.cluster?.pools[0].nodeSelector = "rack == \"\(hostile)\""
        let text = AddressesCommand.table(plan)
        for scalar in ["\u{202E}", "\u{85}", "\u{2028}", "\u{9B}"] {
            let code = String(scalar.unicodeScalars.first!.value, radix: 16)
            #expect(!text.contains(scalar), "raw U+\(code) in the output")
        }
        #expect(text.hasPrefix("lab lab\\u{202E}\n"))
        #expect(text.contains("\nr\\u{202E}0\\u{85}\\u{2028}x  10.1.5.0/24"))
        #expect(text.contains("\ngateway gw\\u{9B}0 (VyOS 1.4.9):\n"))
        #expect(text.contains("all()") || text.contains("rack == \"r\\u{202E}0\\u{85}\\u{2028}x\""))
    }

    // MARK: - README

    /// Each DSL element of the README table, with every label in the order LabKit declares them.
    /// The calls compile only if LabKit has these labels in this order; the test checks the README says the same.
    @Test func theReadmeTableHasLabKitsSignatures() throws {
        _ = Rack(
            "r", subnet: nil, prefixLength: nil, gateway: nil, bridge: nil, router: nil, firstHost: nil, slot: nil
        ) {}
        _ = PodPool(
            "c", name: nil, blockSize: nil, ipip: .never, vxlan: .never, natOutgoing: true, nodeSelector: nil,
            rack: nil,
            disabled: false)
        _ = Cluster(
            "c", image: nil, podSubnet: nil, serviceSubnet: nil, disableDefaultCNI: true, kubeProxyMode: nil,
            kubeadmPatches: .oneFile)
        _ = Gateway("g", vyos: "1.4.9", image: nil, transit: nil)
        _ = Transit(nil, bridge: nil)
        _ = Masquerade(source: nil, outbound: "eth0", rule: nil)
        _ = StaticRoute("d", via: "n")
        _ = NodePool("c", rackPrefix: 24)
        _ = Node(.worker, address: nil, server: nil, serverImage: nil, labels: [:])
        _ = Registry(mirror: "m", insecure: false)
        _ = Topology(name: nil, mtu: nil, serverImage: nil)
        let signatures = [
            "`Registry(mirror:insecure:)`", "`Topology(name:mtu:serverImage:)`",
            "`Cluster(name, image:podSubnet:serviceSubnet:disableDefaultCNI:kubeProxyMode:kubeadmPatches:)`",
            "`PodPool(cidr, name:blockSize:ipip:vxlan:natOutgoing:nodeSelector:rack:disabled:)`",
            "`Gateway(name, vyos:image:transit:)`", "`Transit(subnet, bridge:)`", "`Masquerade(source:outbound:rule:)`",
            "`StaticRoute(dest, via:)`", "`Rack(name, subnet:prefixLength:gateway:bridge:router:firstHost:slot:)`",
            "`NodePool(cidr, rackPrefix:)`", "`Node(role, address:server:serverImage:labels:)`",
        ]
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let table = text.split(separator: "\n").filter { $0.hasPrefix("| `") && $0.contains("(") }
        for signature in signatures {
            #expect(table.contains { $0.hasPrefix("| " + signature) || $0.contains(", " + signature) }, "\(signature)")
        }
    }
}

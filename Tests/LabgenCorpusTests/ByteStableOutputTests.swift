import Foundation
import LabKit
import Testing

// Two builds of the same labs by the real labgen binary, in different folders, with different
// time zones, locales and hash seeds, must give byte-identical trees without timestamps or
// host paths.

/// The labgen executable built next to the test bundle (`<scratch>/debug/labgen`), or in `.build`.
func labgenExecutable() -> URL? {
    var candidates: [URL] = []
    if let runner = CommandLine.arguments.first {
        var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
        // The test bundle may be run from inside `<scratch>/debug/labgenPackageTests.xctest/...`.
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("labgen"))
            folder = folder.deletingLastPathComponent()
        }
    }
    let root = packageRoot()
    candidates.append(root.appendingPathComponent(".build/debug/labgen"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) && !isFolder($0) }
}

func packageRoot() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

private func isFolder(_ url: URL) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
}

/// Runs `executable` in `folder` with exactly `environment`, killing it after `timeout` seconds.
func runProcess(
    _ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String], timeout: TimeInterval = 120
)
    throws -> (status: Int32, out: String, err: String)
{
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    process.environment = environment
    let outFile = folder.appendingPathComponent(".stdout-\(UUID().uuidString)")
    let errFile = folder.appendingPathComponent(".stderr-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: outFile.path, contents: nil)
    FileManager.default.createFile(atPath: errFile.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: outFile)
        try? FileManager.default.removeItem(at: errFile)
    }
    process.standardOutput = try FileHandle(forWritingTo: outFile)
    process.standardError = try FileHandle(forWritingTo: errFile)
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    if process.isRunning {
        process.terminate()
        process.waitUntilExit()
        Issue.record("\(executable.lastPathComponent) \(arguments) did not finish in \(timeout) s")
    }
    process.waitUntilExit()
    let out = (try? String(contentsOf: outFile, encoding: .utf8)) ?? ""
    let err = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
    return (process.terminationStatus, out, err)
}

@Suite("Byte-stable output")
struct ByteStableOutputTests {
    /// Builds the built-in labs and the corpus' good lab in a new folder with `environment`.
    func build(_ executable: URL, environment: [String: String]) throws -> (folder: URL, tree: TreeSnapshot) {
        let folder = try makeTemporaryFolder("labgen-stable")
        try LabRegistry.encode([goodCorpusLab.spec, specialCharacterLab.spec])
            .write(to: folder.appendingPathComponent("model.json"))
        var base = ["PATH": "/usr/bin:/bin"]
        base.merge(environment) { $1 }
        let templates = try runProcess(
            executable, ["build", "--output", "out", "--quiet"], in: folder, environment: base)
        #expect(templates.status == 0, "\(templates.err)")
        let model = try runProcess(
            executable, ["build", "--model", "model.json", "--output", "out", "--quiet"], in: folder, environment: base)
        #expect(model.status == 0, "\(model.err)")
        return (folder, try TreeSnapshot(folder.appendingPathComponent("out")))
    }

    @Test(.timeLimit(.minutes(2)))
    func twoBuildsInDifferentEnvironmentsAreIdentical() throws {
        let executable = try #require(labgenExecutable(), "build labgen first (swift build)")
        let first = try build(
            executable,
            environment: ["TZ": "UTC", "LANG": "C", "LC_ALL": "C", "SWIFT_DETERMINISTIC_HASHING": "1"])
        defer { removeTemporaryFolder(first.folder) }
        let second = try build(
            executable,
            environment: [
                "TZ": "Pacific/Chatham", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8", "LC_NUMERIC": "de_DE.UTF-8",
                "LC_COLLATE": "sv_SE.UTF-8", "HOME": second_home,
            ])
        defer { removeTemporaryFolder(second.folder) }
        #expect(first.tree.entries.count > 10, "\(first.tree)")
        #expect(first.tree.contentsOnly.keys.sorted() == second.tree.contentsOnly.keys.sorted())
        for (path, entry) in first.tree.entries {
            let other = second.tree.entries[path]
            #expect(other?.contents == entry.contents, "\(path) differs between the two builds")
            #expect(other?.permissions == entry.permissions, "\(path) has different permissions")
        }
        try scanForHostDetails(first.tree, folders: [first.folder, second.folder])
        try scanForHostDetails(second.tree, folders: [first.folder, second.folder])
    }

    /// No absolute host paths (the build folders, the checkout, home or temp folders), no timestamps.
    func scanForHostDetails(_ tree: TreeSnapshot, folders: [URL]) throws {
        let forbidden =
            folders.map(\.path) + [
                packageRoot().path, FileManager.default.temporaryDirectory.path, NSHomeDirectory(), "/tmp/", "/home/",
                "/root/", "/Users/", "/work/", second_home,
            ]
        let timestamp = try Regex(
            #"(19|20)\d\d-[01]\d-[0-3]\d([T ]|$)|\b\d\d:\d\d:\d\d\b|\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d"#)
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        for (path, entry) in tree.entries {
            guard let data = entry.contents else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for needle in forbidden where !needle.isEmpty && needle != "/" {
                #expect(!text.contains(needle), "\(path) contains the host path \(needle)")
            }
            #expect(text.firstMatch(of: timestamp) == nil, "\(path) contains something like a timestamp")
            #expect(!text.contains(" \(year)-") && !text.contains("/\(year)"), "\(path) mentions this year")
        }
    }
}

private let second_home = "/home/someone-else"

/// A valid lab whose free-text values carry characters that need quoting in YAML and VyOS.
let specialCharacterLab = Lab("special") {
    Registry(mirror: "registry.example:5000", insecure: true)
    Cluster(
        "special.lab",
        image: "kindest/node:v1.29.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        podSubnet: "10.244.0.0/16",
        kubeProxyMode: "ipvs"
    ) {
        PodPool("10.244.0.0/17", name: "a.pool", ipip: .always)
        PodPool("10.244.128.0/17", name: "b-pool", vxlan: .crossSubnet, nodeSelector: "zone == 'eu-1' && !has(edge)")
    }
    Topology(name: "special-topo", mtu: 1450)
    Gateway("gw0", vyos: "1.2.8") {
        Masquerade(source: "10.1.0.0/16", outbound: "eth0", rule: 7)
        StaticRoute("192.168.0.0/16", via: "10.1.5.254")
    }
    Rack("r0", subnet: "10.1.5.0/24", bridge: "br-r0") {
        Node(.controlPlane, labels: ["example.com/team": "net_ops.1", "yes": "no", "null": "true", "on": "0x10"])
        Node(.worker, address: "10.1.5.20", server: "s-1", labels: ["x": ""])
    }
}

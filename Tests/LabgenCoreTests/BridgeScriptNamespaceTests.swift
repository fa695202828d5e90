import Foundation
import LabKit
import LabModel
import Testing

@testable import LabgenCore

#if canImport(Glibc)
import Glibc
#endif

/// bridges.sh run for real, as root, in a throwaway network namespace (`lgtrust-<pid>-<n>`),
/// deleted when the test ends, also on failure. Never touches the host's own interfaces.
/// Skipped (not passed) when not root: CI runs as root.
@Suite("bridges.sh in a network namespace", .enabled(if: getuid() == 0, "needs root for ip netns"), .serialized)
struct BridgeScriptNamespaceTests {
    /// A network namespace of our own, deleted on deinit.
    final class Namespace {
        nonisolated(unsafe) static var counter = 0
        let name: String

        init() throws {
            Self.counter += 1
            name = "lgtrust-\(getpid())-\(Self.counter)-\(UInt16.random(in: 0...UInt16.max))"
            let result = run(["ip", "netns", "add", name])
            guard result.status == 0 else { throw NamespaceError(message: "ip netns add \(name): \(result.err)") }
        }

        deinit { _ = run(["ip", "netns", "del", name]) }

        /// Runs a command inside the namespace.
        @discardableResult
        func exec(_ arguments: [String], in folder: URL? = nil) -> (status: Int32, out: String, err: String) {
            run(["ip", "netns", "exec", name] + arguments, in: folder)
        }

        /// Every link of the namespace but `lo`, with its alias ("" when none) and whether it is a bridge.
        func links() -> [String: (alias: String, bridge: Bool)] {
            var result: [String: (alias: String, bridge: Bool)] = [:]
            let names = exec(["ip", "-o", "link", "show"]).out.split(separator: "\n").compactMap { line -> String? in
                let fields = line.split(separator: ":", maxSplits: 2)
                guard fields.count >= 2 else { return nil }
                let name = fields[1].trimmingCharacters(in: .whitespaces)
                return String(name.split(separator: "@").first ?? "")
            }
            for name in names where name != "lo" {
                let detail = exec(["ip", "link", "show", "dev", name]).out
                let alias = detail.split(separator: "\n").first { $0.hasPrefix("    alias ") }.map {
                    String($0.dropFirst(10))
                }
                let bridge = !exec(["ip", "link", "show", "dev", name, "type", "bridge"]).out.isEmpty
                result[name] = (alias ?? "", bridge)
            }
            return result
        }
    }

    struct NamespaceError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func run(_ arguments: [String], in folder: URL? = nil) -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return (127, "", "\(error)") }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    /// The lab's bridges.sh in a fresh folder that also holds files named like interfaces and globs.
    static func script(for lab: Lab) throws -> (folder: TemporaryFolder, path: String) {
        let compiled = Pipeline.compile(lab.spec)
        #expect(!compiled.diagnostics.contains { $0.severity == .error }, "\(compiled.diagnostics)")
        let artifact = try #require(compiled.rendered?.artifact(at: "bridges.sh"))
        let folder = try TemporaryFolder()
        try folder.write("bridges.sh", artifact.contents)
        // What the old unquoted loop expanded `*` and `br*` to, and names it deleted.
        for name in ["eth0", "vethA", "br-keep", "docker0", "br-pool9"] { try folder.write(name, "") }
        return (folder, folder.url.appendingPathComponent("bridges.sh").path)
    }

    static let lab = Lab("nslab") {
        Topology(mtu: 1450)
        Cluster("nslab") { Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet)) }
        Gateway("gw0", vyos: "1.4.9")
        Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        Rack("rack1", subnet: "10.1.8.0/24") { Node(.worker) }
    }

    @Test func upCreatesExactlyTheBridgesMarkedAndDownRemovesThem() throws {
        let ns = try Namespace()
        let (folder, script) = try Self.script(for: Self.lab)
        let up = ns.exec(["sh", script, "up"], in: folder.url)
        #expect(up.status == 0, "\(up.err)")
        var links = ns.links()
        #expect(links.keys.sorted() == ["br-pool0", "br-pool1"])
        for name in ["br-pool0", "br-pool1"] {
            #expect(links[name]?.alias == "labgen:nslab")
            #expect(links[name]?.bridge == true)
            let detail = ns.exec(["ip", "link", "show", "dev", name]).out
            #expect(detail.contains("mtu 1450"), "\(detail)")
            #expect(detail.contains(",UP"), "\(detail)")
        }
        // Twice is fine, and changes nothing.
        let again = ns.exec(["sh", script, "up"], in: folder.url)
        #expect(again.status == 0, "\(again.err)")
        #expect(again.err.isEmpty, "\(again.err)")
        links = ns.links()
        #expect(links.keys.sorted() == ["br-pool0", "br-pool1"])

        let down = ns.exec(["sh", script, "down"], in: folder.url)
        #expect(down.status == 0, "\(down.err)")
        #expect(ns.links().isEmpty)
        // Down twice is fine too.
        #expect(ns.exec(["sh", script, "down"], in: folder.url).status == 0)
        // Anything else is a usage error.
        #expect(ns.exec(["sh", script, "sideways"], in: folder.url).status == 2)
    }

    @Test func aBridgeThatUpDidNotCreateIsNeitherMarkedNorDeleted() throws {
        let ns = try Namespace()
        let (folder, script) = try Self.script(for: Self.lab)
        // Someone else's bridge with the lab's name, and links named like the files in the folder.
        #expect(ns.exec(["ip", "link", "add", "name", "br-pool1", "type", "bridge"]).status == 0)
        #expect(ns.exec(["ip", "link", "add", "name", "br-keep", "type", "bridge"]).status == 0)
        #expect(ns.exec(["ip", "link", "add", "name", "vethA", "type", "veth", "peer", "name", "vethB"]).status == 0)

        let up = ns.exec(["sh", script, "up"], in: folder.url)
        #expect(up.status == 0, "\(up.err)")
        #expect(up.err.contains("br-pool1 was not created by this script"), "\(up.err)")
        var links = ns.links()
        #expect(links.keys.sorted() == ["br-keep", "br-pool0", "br-pool1", "vethA", "vethB"])
        #expect(links["br-pool0"]?.alias == "labgen:nslab")
        #expect(links["br-pool1"]?.alias == "", "up marked a bridge it did not create")

        let down = ns.exec(["sh", script, "down"], in: folder.url)
        #expect(down.status == 0, "\(down.err)")
        links = ns.links()
        #expect(
            links.keys.sorted() == ["br-keep", "br-pool1", "vethA", "vethB"], "down deleted what it did not create")
    }

    @Test func aLinkOfTheSameNameThatIsNotABridgeStopsUp() throws {
        let ns = try Namespace()
        let (folder, script) = try Self.script(for: Self.lab)
        #expect(
            ns.exec(["ip", "link", "add", "name", "br-pool0", "type", "veth", "peer", "name", "peer0"]).status == 0)
        let up = ns.exec(["sh", script, "up"], in: folder.url)
        #expect(up.status == 1)
        #expect(up.err.contains("br-pool0 exists and is not a bridge"), "\(up.err)")
        let down = ns.exec(["sh", script, "down"], in: folder.url)
        #expect(down.status == 0, "\(down.err)")
        #expect(ns.links().keys.sorted() == ["br-pool0", "peer0"])
    }

    @Test func anotherLabsBridgeOfTheSameNameIsLeftToThatLab() throws {
        let ns = try Namespace()
        let (folder, script) = try Self.script(for: Self.lab)
        let other = Lab("otherlab") {
            Cluster("otherlab")
            Gateway("gw0", vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
        let (otherFolder, otherScript) = try Self.script(for: other)
        #expect(ns.exec(["sh", otherScript, "up"], in: otherFolder.url).status == 0)
        #expect(ns.exec(["sh", script, "up"], in: folder.url).status == 0)
        #expect(ns.links()["br-pool0"]?.alias == "labgen:otherlab")
        #expect(ns.exec(["sh", script, "down"], in: folder.url).status == 0)
        #expect(ns.links().keys.sorted() == ["br-pool0"])
        #expect(ns.exec(["sh", otherScript, "down"], in: otherFolder.url).status == 0)
        #expect(ns.links().isEmpty)
    }
}

private func run(_ arguments: [String], in folder: URL? = nil) -> (status: Int32, out: String, err: String) {
    BridgeScriptNamespaceTests.run(arguments, in: folder)
}

import Foundation
import LabKit
import LabModel
import Testing

@testable import LabgenCLI

/// What one labgen run printed and returned.
struct RunResult {
    var status: Int32
    var out: String
    var err: String
    var all: String { out + err }
}

/// Collects a stream's text from a `CLIContext` (commands may print from any thread).
final class TextBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""

    func append(_ more: String) {
        lock.lock()
        text += more
        lock.unlock()
    }

    var value: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }
}

/// A temporary working folder, removed when the test is done with it.
final class Workspace {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "labgen-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// Runs labgen in-process in this folder.
    @discardableResult
    func labgen(_ arguments: [String], environment: [String: String] = [:]) -> RunResult {
        let out = TextBuffer()
        let err = TextBuffer()
        let context = CLIContext(
            workingDirectory: url, environment: environment, executablePath: LabgenBinary.path,
            out: { out.append($0) }, err: { err.append($0) })
        let status = Labgen.run(arguments, in: context)
        return RunResult(status: status, out: out.value, err: err.value)
    }

    /// Runs the built labgen executable as a child process in this folder.
    func labgenProcess(_ arguments: [String], environment extra: [String: String] = [:]) throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LabgenBinary.path)
        process.arguments = arguments
        process.currentDirectoryURL = url
        var environment = ProcessInfo.processInfo.environment
        environment[BuildCommand.crashVariable] = nil
        environment[LabRegistry.outputVariable] = nil
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes concurrently so a full pipe cannot block the child.
        let errData = TextBuffer()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData.append(String(decoding: errPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
            group.leave()
        }
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return RunResult(
            status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self), err: errData.value)
    }

    /// Writes labs as the JSON model a lab program writes, and returns its path relative to the folder.
    @discardableResult
    func writeModel(_ labs: [Lab], to name: String) throws -> String {
        try LabRegistry.encode(labs.map(\.spec)).write(to: path(name))
        return name
    }

    /// Every file below `relative` (hidden ones too) with its bytes, by path relative to it.
    func snapshot(_ relative: String) -> [String: Data] {
        let base = path(relative).standardizedFileURL.resolvingSymlinksInPath()
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            return files
        }
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            files[String(path.dropFirst(base.path.count + 1))] = FileManager.default.contents(atPath: url.path)
        }
        return files
    }

    /// The modification times of the files below `relative`.
    func modificationTimes(_ relative: String) -> [String: Date] {
        var times: [String: Date] = [:]
        for name in snapshot(relative).keys {
            let attributes = try? FileManager.default.attributesOfItem(
                atPath: path(relative).appendingPathComponent(name).path)
            times[name] = attributes?[.modificationDate] as? Date
        }
        return times
    }
}

/// The labgen executable SwiftPM builds next to the test bundle (`swift build` before `swift test`).
enum LabgenBinary {
    static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["LABGEN_BINARY"] { return explicit }
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for folder in candidates {
            // Bundles on macOS are `labgenPackageTests.xctest/Contents/MacOS/...`: walk up to the build folder.
            var folder = folder.standardizedFileURL
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("labgen")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
                folder.deleteLastPathComponent()
            }
        }
        return "labgen"
    }()

    static var exists: Bool { FileManager.default.isExecutableFile(atPath: path) }
}

/// A small lab in the DSL; `extraWorker` adds a node (a change of the model).
func sampleLab(name: String = "sample", extraWorker: Bool = false, kubeadmPatches: KubeadmPatchLayout = .oneFile) -> Lab
{
    Lab(name) {
        Registry(mirror: "192.168.2.100:5000", insecure: true)
        Cluster(name, image: "kindest/node:v1.27.3", podSubnet: "10.244.0.0/16", kubeadmPatches: kubeadmPatches) {
            Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet, natOutgoing: true))
        }
        Gateway("gw0", vyos: "1.4.9") {
            Masquerade(source: "10.1.0.0/16", outbound: "eth0")
        }
        Rack("rack0", subnet: "10.1.5.0/24", gateway: "10.1.5.1", bridge: "br-pool0") {
            Node(.controlPlane, address: "10.1.5.10", server: "server1")
            Node(.worker, address: "10.1.5.11", server: "server2")
        }
        Rack("rack1", subnet: "10.1.8.0/24", gateway: "10.1.8.1", bridge: "br-pool1") {
            Node(.worker, address: "10.1.8.10", server: "server3")
            if extraWorker {
                Node(.worker, address: "10.1.8.11", server: "server4")
            }
        }
    }
}

import Dispatch
import Foundation

/// The result of running a program.
public struct CommandResult: Sendable {
    public var status: Int32
    public var output: String
    public var error: String
    public var succeeded: Bool { status == 0 }
    /// The first line of stderr, or of stdout when stderr is empty.
    public var firstMessage: String {
        let text = error.isEmpty ? output : error
        return text.split(separator: "\n").first.map(String.init) ?? ""
    }
}

/// Runs `ip`, `nft`, `ping`, `tcpdump`, `sh` as programs (never reimplemented).
public struct CommandRunner: Sendable {
    public static let searchPath = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]
    public var path: [String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let fromEnvironment = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        path = fromEnvironment + Self.searchPath.filter { !fromEnvironment.contains($0) }
    }

    /// A runner that looks for programs in exactly these folders.
    public init(path: [String]) { self.path = path }

    /// The full path of a program, or nil when it is not installed.
    public func find(_ program: String) -> String? {
        if program.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        return path.lazy.map { $0 + "/" + program }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program to its end and collects its output.
    public func run(_ arguments: [String], input: String? = nil) -> CommandResult {
        guard let executable = find(arguments[0]) else {
            return CommandResult(status: 127, output: "", error: "\(arguments[0]): not found")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(arguments.dropFirst())
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return CommandResult(status: 126, output: "", error: "\(arguments[0]): \(error.localizedDescription)")
        }
        if let inputPipe, let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try? inputPipe.fileHandleForWriting.close()
        }
        // Read both pipes to their end (concurrently, so neither fills up) before waiting.
        final class Box: @unchecked Sendable { var data = Data() }
        let errorData = Box()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData.data = err.fileHandleForReading.readDataToEndOfFile() }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData.data, as: UTF8.self))
    }

    /// Stops a program started with `start`: SIGINT, then SIGKILL when it has not ended after
    /// `grace` seconds (a child may have inherited an ignored SIGINT). Never waits longer.
    public static func stop(_ process: Process, grace: TimeInterval = 0.5) {
        let pid = process.processIdentifier
        guard pid > 0, process.isRunning else { return }
        kill(pid, SIGINT)
        var deadline = Date().addingTimeInterval(grace)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { usleep(5_000) }
    }

    /// Starts a long-running program (tcpdump) writing to files; the caller stops it.
    public func start(_ arguments: [String], output: URL, error: URL) throws -> Process {
        guard let executable = find(arguments[0]) else { throw EmulationPlanError("\(arguments[0]): not found") }
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: error.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// What must be undone when an emulation ends, however it ends: its namespaces (which takes
/// their interfaces, bridges, routes and nftables tables with them), its captures and tunnels.
/// Shared with the SIGINT/SIGTERM handler.
final class EmulationCleanup: @unchecked Sendable {
    private let lock = NSLock()
    private var namespaces: [String] = []
    private var processes: [Process] = []
    private var stoppers: [() -> Void] = []
    private var done = false
    let runner: CommandRunner

    init(runner: CommandRunner) { self.runner = runner }

    func add(namespaces names: [String]) { lock.withLock { namespaces += names } }
    func add(process: Process) { lock.withLock { processes.append(process) } }
    func add(stopper: @escaping () -> Void) { lock.withLock { stoppers.append(stopper) } }

    /// Stops everything and deletes the namespaces (once).
    func run() {
        let (names, running, stops) = lock.withLock { () -> ([String], [Process], [() -> Void]) in
            if done { return ([], [], []) }
            done = true
            return (namespaces, processes, stoppers)
        }
        for process in running { CommandRunner.stop(process) }
        for stop in stops { stop() }
        guard !names.isEmpty else { return }
        let result = runner.run(["ip", "-force", "-batch", "-"], input: names.map { "netns delete \($0)\n" }.joined())
        if !result.succeeded {
            // One by one, so that one that is gone already does not keep the others.
            for name in names { _ = runner.run(["ip", "netns", "delete", name]) }
        }
    }

    // The SIGINT/SIGTERM handler: cleans up every running emulation of the process, then exits.
    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var active: [ObjectIdentifier: EmulationCleanup] = [:]
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    func register() {
        Self.registryLock.withLock {
            if Self.active.isEmpty {
                for signalNumber in [SIGINT, SIGTERM] {
                    signal(signalNumber, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                    source.setEventHandler {
                        let all = Self.registryLock.withLock { Array(Self.active.values) }
                        FileHandle.standardError.write(
                            Data("\nlabgen emulate: interrupted, removing the emulation's namespaces\n".utf8))
                        for cleanup in all { cleanup.run() }
                        exit(128 + signalNumber)
                    }
                    source.resume()
                    Self.sources.append(source)
                }
            }
            Self.active[ObjectIdentifier(self)] = self
        }
    }

    func unregister() {
        Self.registryLock.withLock {
            Self.active[ObjectIdentifier(self)] = nil
            if Self.active.isEmpty {
                for source in Self.sources { source.cancel() }
                Self.sources = []
                signal(SIGINT, SIG_DFL)
                signal(SIGTERM, SIG_DFL)
            }
        }
    }
}

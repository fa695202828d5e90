import Dispatch
import Foundation

/// How the emulator runs `ip`, `nft`, `ping`, `tcpdump` and `sh`: short commands through labgen's
/// one `CommandRunner` (a `ProcessCommandRunner`), long-running captures with `start`/`stop`.
public struct EmulationRunner: Sendable {
    public static let searchPath = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]
    let base: ProcessCommandRunner

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let fromEnvironment = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        var environment = environment
        environment["PATH"] = (fromEnvironment + Self.searchPath.filter { !fromEnvironment.contains($0) })
            .joined(separator: ":")
        base = ProcessCommandRunner(environment: environment)
    }

    /// A runner that looks for programs in exactly these folders.
    public init(path: [String]) {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = path.joined(separator: ":")
        base = ProcessCommandRunner(environment: environment)
    }

    /// The full path of a program, or nil when it is not installed.
    public func find(_ program: String) -> String? { base.locate(program) }

    /// Runs a program to its end and collects its output.
    public func run(_ arguments: [String], input: String? = nil) -> CommandResult {
        base.run(
            arguments, in: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), timeout: nil, input: input)
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
    let runner: EmulationRunner

    init(runner: EmulationRunner) { self.runner = runner }

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
        for process in running { EmulationRunner.stop(process) }
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

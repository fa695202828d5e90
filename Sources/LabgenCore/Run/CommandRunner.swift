import Foundation

/// What a finished external command left behind.
public struct CommandResult: Hashable, Sendable {
    public var status: Int32
    public var output: String
    public var error: String
    /// True when the command was stopped because it ran longer than its time limit.
    public var timedOut: Bool

    public init(status: Int32, output: String = "", error: String = "", timedOut: Bool = false) {
        self.status = status
        self.output = output
        self.error = error
        self.timedOut = timedOut
    }

    public var succeeded: Bool { status == 0 && !timedOut }
    /// The first line of standard error, or of standard output when standard error is empty.
    public var firstMessage: String {
        let text = error.isEmpty ? output : error
        return text.split(separator: "\n").first.map(String.init) ?? ""
    }
    /// Standard output and standard error, for messages.
    public var combined: String {
        [output, error].filter { !$0.isEmpty }.joined(separator: output.hasSuffix("\n") ? "" : "\n")
    }
}

/// The one way labgen runs external programs (kind, containerlab, docker, kubectl, sh). The real
/// runner starts processes; tests use `RecordingCommandRunner` or stand-in programs on PATH.
public protocol CommandRunner: Sendable {
    /// Runs `argv` (the program is looked up on PATH) in `folder` with `input` on its standard
    /// input (none when nil); a program that cannot be found gives status 127, like a shell.
    func run(_ argv: [String], in folder: URL, timeout: Double?, input: String?) -> CommandResult
}

extension CommandRunner {
    /// Runs `argv` with nothing on its standard input.
    public func run(_ argv: [String], in folder: URL, timeout: Double?) -> CommandResult {
        run(argv, in: folder, timeout: timeout, input: nil)
    }
}

/// Runs real processes with the given environment (PATH included), capturing their output.
public struct ProcessCommandRunner: CommandRunner {
    public let environment: [String: String]

    public init(environment: [String: String]) { self.environment = environment }

    /// The program's path: `argv[0]` itself when it has a `/`, else the first executable on PATH.
    public func locate(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = directory + "/" + program
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
        }
        return nil
    }

    public func run(_ argv: [String], in folder: URL, timeout: Double?, input: String?) -> CommandResult {
        guard let program = argv.first, let path = locate(program) else {
            return CommandResult(status: 127, error: "\(argv.first ?? ""): command not found\n")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = Array(argv.dropFirst())
        process.currentDirectoryURL = folder
        process.environment = environment
        // Input and output go through temporary files, not pipes: a chatty command can never block.
        // Output goes to temporary files, not pipes: a chatty command can never block on a full pipe.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("labgen-run-\(UUID().uuidString)")
        let outURL = scratch.appendingPathExtension("out")
        let errURL = scratch.appendingPathExtension("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        guard let out = try? FileHandle(forWritingTo: outURL), let err = try? FileHandle(forWritingTo: errURL) else {
            return CommandResult(status: 126, error: "cannot create temporary files for the output of \(program)\n")
        }
        process.standardOutput = out
        process.standardError = err
        let inURL = scratch.appendingPathExtension("in")
        if let input {
            guard FileManager.default.createFile(atPath: inURL.path, contents: Data(input.utf8)),
                let handle = try? FileHandle(forReadingFrom: inURL)
            else {
                return CommandResult(status: 126, error: "cannot create a temporary file for the input of \(program)\n")
            }
            process.standardInput = handle
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        defer { if input != nil { try? FileManager.default.removeItem(at: inURL) } }
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return CommandResult(status: 126, error: "\(program): \(error.localizedDescription)\n")
        }
        var timedOut = false
        if let timeout {
            if finished.wait(timeout: .now() + timeout) == .timedOut {
                timedOut = true
                process.terminate()
                if finished.wait(timeout: .now() + 5) == .timedOut {
                    kill(process.processIdentifier, SIGKILL)
                    finished.wait()
                }
            }
        } else {
            finished.wait()
        }
        try? out.close()
        try? err.close()
        let output = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let error = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return CommandResult(status: process.terminationStatus, output: output, error: error, timedOut: timedOut)
    }
}

/// A runner for tests: records every command and answers from a script of responses.
public final class RecordingCommandRunner: CommandRunner, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [[String]] = []
    private let respond: @Sendable ([String]) -> CommandResult

    /// `respond` answers each command; the default succeeds with no output.
    public init(respond: @escaping @Sendable ([String]) -> CommandResult = { _ in CommandResult(status: 0) }) {
        self.respond = respond
    }

    public var commands: [[String]] { lock.withLock { recorded } }

    public func run(_ argv: [String], in folder: URL, timeout: Double?, input: String?) -> CommandResult {
        lock.withLock { recorded.append(argv) }
        return respond(argv)
    }
}

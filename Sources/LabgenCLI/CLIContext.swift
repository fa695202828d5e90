import Foundation

/// What a command may touch: its working folder, environment and output streams.
/// Tests run commands in-process with a context that captures the output.
public final class CLIContext: @unchecked Sendable {
    public let workingDirectory: URL
    public let environment: [String: String]
    /// The path of the running labgen executable (to find the LabKit build for lab files).
    public let executablePath: String
    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void

    public init(
        workingDirectory: URL, environment: [String: String], executablePath: String,
        out: @escaping (String) -> Void, err: @escaping (String) -> Void
    ) {
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.executablePath = executablePath
        writeOut = out
        writeErr = err
    }

    /// The context of the real process.
    public static func process() -> CLIContext {
        CLIContext(
            workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
            environment: ProcessInfo.processInfo.environment,
            executablePath: CommandLine.arguments.first ?? "labgen",
            out: { FileHandle.standardOutput.write(Data($0.utf8)) },
            err: { FileHandle.standardError.write(Data($0.utf8)) })
    }

    public func out(_ text: String) { writeOut(text) }
    public func err(_ text: String) { writeErr(text) }

    /// A path from the command line, relative to the working folder.
    public func url(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
    }

    /// A path shown to the user: relative to the working folder when below it.
    public func display(_ url: URL) -> String {
        let base = workingDirectory.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        if path == base { return "." }
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}

/// Exit statuses of labgen, the same for every command (README "Exit statuses").
public enum ExitStatus {
    public static let success: Int32 = 0
    /// A problem in the lab: the lab or its artifacts have errors, a lab file does not compile or
    /// declares no lab; stale output for `check`.
    public static let failure: Int32 = 1
    /// A usage or I/O problem: bad command line, a file or folder that is missing or cannot be read
    /// or written, a tool that cannot be run, an output folder that belongs to another lab source.
    public static let usage: Int32 = 2
}

/// Ends a command with a status after it has printed its messages.
struct CommandExit: Error {
    var status: Int32
}

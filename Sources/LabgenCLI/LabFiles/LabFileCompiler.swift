import Foundation
import LabgenCore
import LabKit
import LabModel

/// Builds a lab file the way SwiftPM builds `Package.swift`: compile it against LabKit with the
/// toolchain's `swiftc`, run it with `LABGEN_MODEL_OUTPUT` set, and read back the labs it
/// declared (LabKit's `LabRegistry` writes them as JSON when the program exits).
///
/// Compiled programs are cached under `<labgen build folder>/labgen-cache/`, keyed by the
/// SHA-256 of the lab file's content and of the LabKit build (the names, sizes and modification
/// times of its object files and module), so an unchanged lab runs without compiling.
struct LabFileCompiler {
    let context: CLIContext

    struct Compiled {
        var specs: [LabSpec]
        /// The `#fileID` the lab's locations carry (`LabFile/<name>.swift`).
        var fileID: String
    }

    static let moduleName = "LabFile"

    /// The folder of the running labgen build (`.build/debug`), which holds LabKit's module and objects.
    func buildFolder() throws -> URL {
        var path = context.executablePath
        if !path.contains("/") {
            let searchPath = context.environment["PATH"] ?? ""
            if let found = searchPath.split(separator: ":").map({ "\($0)/\(path)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
                path = found
            }
        }
        let url = context.url(path).resolvingSymlinksInPath().deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("Modules/LabKit.swiftmodule").path) else {
            throw LabInputError(
                "cannot find LabKit's build next to labgen (\(context.display(url))/Modules/LabKit.swiftmodule); run 'swift build' in the labgen package and use the labgen it builds")
        }
        return url
    }

    /// LabKit's and LabModel's object files, sorted.
    func objectFiles(in build: URL) throws -> [URL] {
        var objects: [URL] = []
        for target in ["LabKit", "LabModel"] {
            let folder = build.appendingPathComponent("\(target).build")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let found = names.filter { $0.hasSuffix(".swift.o") }.sorted()
            guard !found.isEmpty else { throw LabInputError("cannot find \(target)'s object files in \(context.display(folder))") }
            objects += found.map { folder.appendingPathComponent($0) }
        }
        return objects
    }

    func cacheKey(source: Data, build: URL, objects: [URL]) -> String {
        var hasher = SHA256()
        hasher.update(source)
        for file in objects + [build.appendingPathComponent("Modules/LabKit.swiftmodule")] {
            let attributes = (try? FileManager.default.attributesOfItem(atPath: file.path)) ?? [:]
            let size = (attributes[.size] as? Int) ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            hasher.update("\0\(file.lastPathComponent)\0\(size)\0\(modified)")
        }
        return hasher.finalizeHex()
    }

    func labs(in file: URL) throws -> Compiled {
        guard let source = FileManager.default.contents(atPath: file.path) else {
            throw LabInputError("\(context.display(file)): cannot read the lab file")
        }
        let build = try buildFolder()
        let objects = try objectFiles(in: build)
        let cache = build.appendingPathComponent("labgen-cache", isDirectory: true)
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let executable = cache.appendingPathComponent(cacheKey(source: source, build: build, objects: objects))
        if !FileManager.default.isExecutableFile(atPath: executable.path) {
            try compile(file, objects: objects, build: build, into: executable)
        }
        let specs = try run(executable, file: file)
        return Compiled(specs: specs, fileID: "\(Self.moduleName)/\(file.lastPathComponent)")
    }

    private func compile(_ file: URL, objects: [URL], build: URL, into executable: URL) throws {
        let swiftc = context.environment["SWIFTC"] ?? "swiftc"
        let temporary = executable.appendingPathExtension("tmp-\(getpid())")
        let arguments =
            ["-module-name", Self.moduleName, "-I", build.appendingPathComponent("Modules").path, context.display(file)]
            + objects.map(\.path) + ["-o", temporary.path]
        let result = try ChildProcess.run(swiftc, arguments, in: context.workingDirectory, environment: context.environment)
        if result.status != 0 {
            context.err(result.output)
            try? FileManager.default.removeItem(at: temporary)
            throw LabInputError("\(context.display(file)): the lab file does not compile (see the compiler's messages above)")
        }
        try? FileManager.default.removeItem(at: executable)
        try FileManager.default.moveItem(at: temporary, to: executable)
    }

    private func run(_ executable: URL, file: URL) throws -> [LabSpec] {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("labgen-model-\(getpid())-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: output) }
        var environment = context.environment
        environment[LabRegistry.outputVariable] = output.path
        let result = try ChildProcess.run(executable.path, [], in: context.workingDirectory, environment: environment, timeout: 120)
        if !result.output.isEmpty { context.err(result.output) }
        guard result.status == 0 else {
            throw LabInputError("\(context.display(file)): the lab program exited with status \(result.status)")
        }
        guard let data = FileManager.default.contents(atPath: output.path) else {
            throw LabInputError("\(context.display(file)): the lab file declares no Lab (write `let lab = Lab(\"name\") { ... }`)")
        }
        let specs = try JSONDecoder().decode(Array<LabModel.LabSpec>.self, from: data)
        if specs.isEmpty {
            throw LabInputError("\(context.display(file)): the lab file declares no Lab (write `let lab = Lab(\"name\") { ... }`)")
        }
        return specs
    }
}

/// Runs a child process and collects its combined output.
enum ChildProcess {
    struct Result {
        var status: Int32
        var output: String
    }

    static func run(
        _ executable: String, _ arguments: [String], in directory: URL, environment: [String: String],
        timeout: TimeInterval? = nil
    ) throws -> Result {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        process.currentDirectoryURL = directory
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if let timeout {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { kill(pid, SIGKILL) }
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var output = String(decoding: data, as: UTF8.self)
        if process.terminationReason == .uncaughtSignal, let timeout {
            output += "labgen: the lab program was stopped (signal \(process.terminationStatus); time limit \(Int(timeout)) seconds)\n"
        }
        return Result(status: process.terminationStatus, output: output)
    }
}

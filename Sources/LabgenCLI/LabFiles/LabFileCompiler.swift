import CLabgenSystem
import Foundation
import LabKit
import LabModel
import LabgenCore

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
        /// The labs, their locations naming the lab file as the user gave it.
        var specs: [LabSpec]
    }

    static let moduleName = "LabFile"

    /// The folder of the running labgen build (`.build/debug`), which holds LabKit's module and objects.
    func buildFolder() throws -> URL {
        var path = context.executablePath
        if !path.contains("/") {
            let searchPath = context.environment["PATH"] ?? ""
            if let found = searchPath.split(separator: ":").map({ "\($0)/\(path)" }).first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            }) {
                path = found
            }
        }
        let url = context.url(path).resolvingSymlinksInPath().deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("Modules/LabKit.swiftmodule").path)
        else {
            throw LabInputError(
                "cannot find LabKit's build next to labgen (\(context.display(url))/Modules/LabKit.swiftmodule); "
                    + "run 'swift build' in the labgen package and use the labgen it builds", status: ExitStatus.usage)
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
            guard !found.isEmpty else {
                throw LabInputError(
                    "cannot find \(target)'s object files in \(context.display(folder)); "
                        + "run 'swift build' in the labgen package",
                    status: ExitStatus.usage)
            }
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

    /// Compiles (or takes from the cache) and runs the lab file at `file`, given as `shown` on the
    /// command line. Every location in the labs names `shown`.
    func labs(in file: URL, shownAs shown: String) throws -> Compiled {
        guard file.pathExtension == "swift" else {
            throw LabInputError(
                "\(shown): not a lab file: a lab file is Swift source ending in '.swift' that declares "
                    + "`let lab = Lab(\"name\") { ... }` ('labgen init' writes one)", status: ExitStatus.usage)
        }
        let source = try IOProblem.readNamed(file, shown: shown, what: "the lab file")
        let build = try buildFolder()
        let objects = try objectFiles(in: build)
        let cache = build.appendingPathComponent("labgen-cache", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        } catch {
            throw LabInputError(
                "cannot create the compile cache \(context.display(cache)): \(IOProblem.reason(error))",
                status: ExitStatus.usage)
        }
        let executable = cache.appendingPathComponent(cacheKey(source: source, build: build, objects: objects))
        if !FileManager.default.isExecutableFile(atPath: executable.path) {
            try compile(file, shown: shown, objects: objects, build: build, into: executable)
        }
        let data = try run(executable, shown: shown)
        return Compiled(specs: try Self.decode(data, shown: shown))
    }

    /// The labs a lab program wrote, with every location in the lab file (module `LabFile`)
    /// renamed to `shown`: the program may come from the cache, compiled from a file of another name.
    static func decode(_ data: [UInt8], shown: String) throws -> [LabSpec] {
        let specs: [LabSpec]
        do {
            // One decode of ModelCoding's form (not JSON: see LabRegistry); SourceLocation renames the
            // lab file's locations as it decodes.
            specs = try ModelCoding.decode(
                Array<LabModel.LabSpec>.self, from: data,
                userInfo: [SourceLocation.relocation: SourceLocation.Relocation(module: moduleName, file: shown)])
        } catch {
            throw LabInputError(
                "\(shown): the lab program wrote a model this labgen cannot read; "
                    + "rebuild labgen and LabKit together ('swift build')")
        }
        if specs.isEmpty {
            throw LabInputError("\(shown): the lab file declares no Lab (write `let lab = Lab(\"name\") { ... }`)")
        }
        return specs
    }

    private func compile(_ file: URL, shown: String, objects: [URL], build: URL, into executable: URL) throws {
        let swiftc = context.environment["SWIFTC"] ?? "swiftc"
        let temporary = executable.appendingPathExtension("tmp-\(getpid())")
        // A path that starts with '-' would be read as an option.
        // The compiler runs in the working folder and names the file as the user gave it.
        let input = shown.hasPrefix("-") ? "./" + shown : shown
        let arguments =
            ["-module-name", Self.moduleName, "-I", build.appendingPathComponent("Modules").path, input]
            + objects.map(\.path) + ["-o", temporary.path]
        let fromVariable = context.environment["SWIFTC"] == nil ? "" : " (SWIFTC)"
        let compilerProblem = "\(shown): cannot run the Swift compiler '\(swiftc)'\(fromVariable)"
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(
                swiftc, arguments, in: context.workingDirectory, environment: context.environment)
        } catch {
            throw LabInputError(
                "\(compilerProblem): \(IOProblem.reason(error)); "
                    + "set SWIFTC to the swiftc of a Swift 6 toolchain, or unset it",
                status: ExitStatus.usage)
        }
        if result.status == 127 && !swiftc.contains("/") {
            throw LabInputError(
                "\(compilerProblem): not found on PATH; install a Swift 6 toolchain or set SWIFTC to its swiftc",
                status: ExitStatus.usage)
        }
        if result.status != 0 {
            // The compiler names the lab file as given; the cache's temporary paths are labgen's business.
            context.err(result.output.replacingOccurrences(of: temporary.path, with: "<lab program>"))
            try? FileManager.default.removeItem(at: temporary)
            throw LabInputError("\(shown): the lab file does not compile (see the compiler's messages above)")
        }
        try? FileManager.default.removeItem(at: executable)
        do {
            try FileManager.default.moveItem(at: temporary, to: executable)
        } catch {
            throw LabInputError(
                "cannot store the compiled lab in \(context.display(executable)): \(IOProblem.reason(error))",
                status: ExitStatus.usage)
        }
    }

    private func run(_ executable: URL, shown: String) throws -> [UInt8] {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "labgen-model-\(getpid())-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: output) }
        var environment = context.environment
        environment[LabRegistry.outputVariable] = output.path
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(
                executable.path, [], in: context.workingDirectory, environment: environment, timeout: 120)
        } catch {
            throw LabInputError(
                "\(shown): cannot run the compiled lab: \(IOProblem.reason(error))", status: ExitStatus.usage)
        }
        if !result.output.isEmpty {
            context.err(result.output.replacingOccurrences(of: output.path, with: "<lab model>"))
        }
        guard result.status == 0 else {
            throw LabInputError("\(shown): the lab program exited with status \(result.status)")
        }
        guard let data = FileManager.default.contents(atPath: output.path) else {
            throw LabInputError("\(shown): the lab file declares no Lab (write `let lab = Lab(\"name\") { ... }`)")
        }
        return [UInt8](data)
    }
}

/// Runs a child process and collects its combined output.
///
/// posix_spawn through `labgen_spawn`, not Foundation's `Process`: `Process` adds a close action
/// for every possible descriptor number (RLIMIT_NOFILE, 20,000 here) and builds its environment
/// through dictionaries, a noticeable part of a cached `labgen build lab.swift`.
enum ChildProcess {
    struct Result {
        var status: Int32
        var output: String
    }

    static func run(
        _ executable: String, _ arguments: [String], in directory: URL, environment: [String: String],
        timeout: TimeInterval? = nil
    ) throws -> Result {
        // A bare name is looked up on PATH by /usr/bin/env, which exits 127 when it is not found.
        let (path, argv) =
            executable.contains("/")
            ? (executable, [executable] + arguments) : ("/usr/bin/env", ["env", executable] + arguments)
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        // Not inherited by children spawned meanwhile by other threads (the child gets it as 1 and 2).
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        defer { close(readEnd) }
        var pid: pid_t = 0
        let environmentStrings = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let spawned = withCStrings(argv) { argvPointers in
            withCStrings(environmentStrings) { envPointers in
                labgen_spawn(path, argvPointers, envPointers, directory.path, writeEnd, &pid)
            }
        }
        close(writeEnd)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        if let timeout {
            let child = pid
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { kill(child, SIGKILL) }
        }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count > 0 {
                data += buffer[0..<count]
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        var output = String(decoding: data, as: UTF8.self)
        let signal = status & 0x7f
        if signal != 0 {
            if let timeout {
                output += "labgen: the lab program was stopped (signal \(signal); time limit \(Int(timeout)) seconds)\n"
            }
            return Result(status: signal, output: output)
        }
        return Result(status: (status >> 8) & 0xff, output: output)
    }

    /// `body` with a NULL-terminated array of C strings.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}

import Foundation
import PackagePlugin

// Shared by the two labgen command plugins (symlinked into each plugin's folder).
//
// Both do the same: find the package's lab programs (executable products whose targets depend
// on LabKit), build and run them with LABGEN_MODEL_OUTPUT pointing into the plugin's work
// folder, and call the labgen tool with `build` or `check` on the models they wrote.

/// A labgen plugin invocation: which lab programs to run and what to pass on to labgen.
struct LabgenPluginRun {
    /// The labgen command: `build` or `check`.
    let command: String
    /// What the user asked for besides `--product` (passed to labgen unchanged).
    var passThrough: [String]
    /// The products named with `--product`; all lab programs when empty.
    var products: [String]

    init(command: String, arguments: [String]) {
        self.command = command
        var extractor = ArgumentExtractor(arguments)
        products = extractor.extractOption(named: "product")
        passThrough = extractor.remainingArguments
    }

    /// The command a reviewer runs to regenerate `out/` (shown by `labgen check`).
    static let fixCommand = "swift package --allow-writing-to-package-directory labgen build"

    func perform(context: PluginContext, packageManager: PackageManager) throws {
        let package = context.package
        let programs = try labPrograms(in: package)
        var arguments = [command]
        for program in programs {
            let model = try buildAndRun(program, context: context, packageManager: packageManager)
            arguments += ["--model", model.path]
        }
        // Diagnostics point at the lab program's sources, relative to the package.
        for target in package.targets.compactMap({ $0 as? SwiftSourceModuleTarget }) {
            arguments += [
                "--source-map",
                "\(target.moduleName)=\(relativePath(of: target.directoryURL, in: package.directoryURL))",
            ]
        }
        arguments += ["--output", package.directoryURL.appendingPathComponent("out").path]
        if command == "check" { arguments += ["--fix-command", Self.fixCommand] }
        arguments += passThrough

        let labgen = try context.tool(named: "labgen")
        let status = try runProcess(
            labgen.url, arguments, in: package.directoryURL, environment: ProcessInfo.processInfo.environment)
        if status != 0 {
            throw LabgenPluginError("labgen \(command) exited with status \(status)", status: status)
        }
    }

    /// The executable products of the package whose main module uses LabKit, or those named with `--product`.
    func labPrograms(in package: Package) throws -> [ExecutableProduct] {
        let executables = package.products(ofType: ExecutableProduct.self)
        if !products.isEmpty {
            return try products.map { name in
                guard let product = executables.first(where: { $0.name == name }) else {
                    let names = executables.map(\.name).joined(separator: ", ")
                    throw LabgenPluginError(
                        "no executable product is named '\(name)' (executable products: \(names.isEmpty ? "none" : names))"
                    )
                }
                return product
            }
        }
        let programs = executables.filter { product in
            product.targets.contains { usesLabKit($0) }
        }
        guard !programs.isEmpty else {
            throw LabgenPluginError(
                """
                no lab program in package '\(package.displayName)': add an executable target that depends on \
                .product(name: "LabKit", package: "labgen") and declares `let lab = Lab("name") { ... }`
                """)
        }
        return programs
    }

    /// Whether a target depends on LabKit, directly or through targets of its own package.
    func usesLabKit(_ target: Target) -> Bool {
        for dependency in target.dependencies {
            switch dependency {
            case .product(let product):
                if product.name == "LabKit" { return true }
            case .target(let target):
                if usesLabKit(target) { return true }
            @unknown default:
                continue
            }
        }
        return false
    }

    /// Builds a lab program, runs it and returns the model file it wrote.
    func buildAndRun(_ program: ExecutableProduct, context: PluginContext, packageManager: PackageManager) throws -> URL
    {
        Diagnostics.progress("Building lab program '\(program.name)'")
        let result = try packageManager.build(
            .product(program.name), parameters: PackageManager.BuildParameters(configuration: .debug, logging: .concise)
        )
        guard result.succeeded else {
            FileHandle.standardError.write(Data(result.logText.utf8))
            throw LabgenPluginError(
                "the lab program '\(program.name)' does not build (see the compiler's messages above)")
        }
        guard
            let executable = result.builtArtifacts.first(where: {
                $0.kind == .executable && $0.url.lastPathComponent == program.name
            })
                ?? result.builtArtifacts.first(where: { $0.kind == .executable })
        else {
            throw LabgenPluginError("building '\(program.name)' produced no executable")
        }
        let model = context.pluginWorkDirectoryURL.appendingPathComponent("\(program.name).labs.json")
        try? FileManager.default.removeItem(at: model)
        var environment = ProcessInfo.processInfo.environment
        environment["LABGEN_MODEL_OUTPUT"] = model.path
        let status = try runProcess(executable.url, [], in: context.package.directoryURL, environment: environment)
        guard status == 0 else {
            throw LabgenPluginError("the lab program '\(program.name)' exited with status \(status)", status: status)
        }
        guard FileManager.default.fileExists(atPath: model.path) else {
            throw LabgenPluginError(
                "the lab program '\(program.name)' declares no Lab (write `let lab = Lab(\"name\") { ... }` in its main.swift)"
            )
        }
        return model
    }
}

/// Runs a program with the plugin's output streams and returns its exit status.
func runProcess(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String]) throws
    -> Int32
{
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = environment
    try process.run()
    process.waitUntilExit()
    return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
}

/// `folder` relative to `base` when below it (`Sources/Labs`), else its absolute path.
func relativePath(of folder: URL, in base: URL) -> String {
    let path = folder.standardizedFileURL.path
    let prefix = base.standardizedFileURL.path
    if path.hasPrefix(prefix + "/") { return String(path.dropFirst(prefix.count + 1)) }
    return path
}

/// A failure reported by a labgen plugin; the plugin exits non-zero.
struct LabgenPluginError: Error, CustomStringConvertible {
    var description: String
    var status: Int32

    init(_ description: String, status: Int32 = 1) {
        self.description = description
        self.status = status
    }
}

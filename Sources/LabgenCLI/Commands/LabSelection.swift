import Foundation
import LabModel
import LabgenCore

/// The options every command that builds labs shares: where the labs come from and which.
enum LabSelection {
    static let options: [CommandSpec.Option] = [
        .value(
            "--model", "json", help: "A serialized lab model (what a lab program writes; used by the package plugin).",
            repeatable: true),
        .value("--lab", "name", help: "Only the lab with this name.", repeatable: true),
        .value(
            "--source-map", "module=folder", help: "Show source locations of MODULE's files below FOLDER.",
            repeatable: true),
    ]

    static let labFiles = CommandSpec.Positional(
        "lab-file",
        help: "Lab files to build (Swift files that declare `let lab = Lab(...)`); the labs in templates/ when none.",
        repeating: true)

    /// Loads, filters and compiles the selected labs. Prints diagnostics; returns nil on errors.
    static func compile(_ arguments: ParsedArguments, in context: CLIContext) throws -> (
        inputs: LabInputs, labs: [CompiledLab]
    )? {
        let useTemplates = arguments.positionals.isEmpty && arguments.all("--model").isEmpty
        let inputs: LabInputs
        do {
            inputs =
                useTemplates
                ? LabInputs.templates()
                : try LabInputs.load(
                    files: arguments.positionals, models: arguments.all("--model"),
                    sourceMaps: arguments.all("--source-map"), context: context)
        } catch let error as LabInputError {
            context.err("error: \(error.description)\n")
            throw CommandExit(status: error.status)
        }
        var specs = inputs.specs
        let wanted = arguments.all("--lab")
        if !wanted.isEmpty {
            for name in wanted where !specs.contains(where: { $0.name == name }) {
                var message = "Error: No lab is named '\(name)'."
                if let suggestion = Suggestions.closest(to: name, in: specs.map(\.name)) {
                    message += " Did you mean '\(suggestion)'?"
                }
                throw UsageError(String(message.dropFirst("Error: ".count)), command: nil)
            }
            specs = specs.filter { wanted.contains($0.name) }
        }
        var labs = specs.map(Pipeline.compile)
        // Two labs with one name would share an output folder.
        var seen: [String: SourceLocation] = [:]
        for index in labs.indices {
            let spec = labs[index].spec
            if let first = seen[spec.name] {
                labs[index].diagnostics.append(
                    .error(
                        ModelCheck.duplicateName.id,
                        "two labs are named '\(spec.name)'; each lab needs its own output folder",
                        at: spec.location, notes: [.init("the first lab '\(spec.name)' is here", at: first)]))
            } else {
                seen[spec.name] = spec.location
            }
        }
        var errors = 0
        var warnings = 0
        let output = outputFolder(arguments, in: context)
        for lab in labs {
            // Diagnostics of the verification of what was rendered point into the lab's artifacts:
            // show them where the files are (or would be) written.
            let artifactPaths = Set(lab.rendered?.artifacts.map(\.path) ?? [])
            func shown(_ file: String) -> String {
                artifactPaths.contains(file)
                    ? context.display(output.appendingPathComponent(lab.spec.name).appendingPathComponent(file)) : file
            }
            for var diagnostic in lab.diagnostics {
                if let file = diagnostic.location?.file { diagnostic.location?.file = shown(file) }
                for index in diagnostic.notes.indices {
                    if let file = diagnostic.notes[index].location?.file {
                        diagnostic.notes[index].location?.file = shown(file)
                    }
                }
                context.err(inputs.displayed(diagnostic).description + "\n")
                if diagnostic.severity == .error { errors += 1 }
                if diagnostic.severity == .warning { warnings += 1 }
            }
        }
        if errors > 0 {
            context.err(
                "error: \(errors) error\(errors == 1 ? "" : "s")\(warnings > 0 ? " and \(warnings) warning\(warnings == 1 ? "" : "s")" : ""); nothing was written\n"
            )
            return nil
        }
        return (inputs, labs)
    }

    /// The output folder (`--output`, default `out`).
    static func outputFolder(_ arguments: ParsedArguments, in context: CLIContext) -> URL {
        context.url(arguments.value("--output") ?? "out")
    }

    static let outputOption = CommandSpec.Option.value("--output", "folder", help: "The output folder (default: out).")
}

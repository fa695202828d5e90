import Foundation
import LabKit
import LabModel
import LabgenCore
import TemplateLabs

/// Where the labs of a command come from, and how their source locations are shown.
struct LabInputs {
    var specs: [LabSpec]
    /// Maps a `#fileID` module prefix (`TemplateLabs/`) or whole file ID to a path to show.
    var sourceMap: [String: String]

    /// The path to show for a source location's file.
    func displayPath(_ file: String) -> String {
        if let exact = sourceMap[file] { return exact }
        if let slash = file.firstIndex(of: "/"), let folder = sourceMap[String(file[..<slash]) + "/"] {
            return folder + file[file.index(after: slash)...]
        }
        return file
    }

    /// A diagnostic with its file paths mapped for display.
    func displayed(_ diagnostic: Diagnostic) -> Diagnostic {
        var result = diagnostic
        result.location?.file = displayPath(diagnostic.location?.file ?? "")
        if diagnostic.location == nil { result.location = nil }
        result.notes = diagnostic.notes.map { note in
            var note = note
            if let file = note.location?.file { note.location?.file = displayPath(file) }
            return note
        }
        return result
    }

    /// The built-in labs of `templates/labs`.
    static func templates() -> LabInputs {
        LabInputs(specs: templateLabs.map(\.lab.spec), sourceMap: ["TemplateLabs/": "templates/labs/"])
    }

    /// Labs from lab files (compiled and run) and serialized models (`--model`).
    static func load(files: [String], models: [String], sourceMaps: [String], context: CLIContext) throws -> LabInputs {
        var inputs = LabInputs(specs: [], sourceMap: [:])
        for mapping in sourceMaps {
            guard let equals = mapping.firstIndex(of: "=") else {
                throw UsageError("--source-map takes MODULE=FOLDER, not '\(mapping)'.", command: nil)
            }
            let module = String(mapping[..<equals])
            var folder = String(mapping[mapping.index(after: equals)...])
            if !folder.hasSuffix("/") { folder += "/" }
            inputs.sourceMap[module + "/"] = folder
        }
        for file in files {
            // The compiled program is cached by content: it may have been compiled from a file of another
            // name (renamed, moved, copied). Its locations name the path given now, not the cached #fileID.
            let compiled = try LabFileCompiler(context: context).labs(in: context.url(file), shownAs: file)
            inputs.specs += compiled.specs
        }
        for model in models {
            let data = try IOProblem.readNamed(context.url(model), shown: model, what: "the lab model")
            do {
                // What a lab program writes (ModelCoding's form: the plugins pass it on), or JSON.
                let bytes = [UInt8](data)
                if bytes.starts(with: ModelCoding.magic) {
                    inputs.specs += try ModelCoding.decode(Array<LabModel.LabSpec>.self, from: bytes)
                } else {
                    inputs.specs += try JSONDecoder().decode(Array<LabModel.LabSpec>.self, from: data)
                }
            } catch {
                throw LabInputError(
                    "\(model): not a labgen lab model "
                        + "(the JSON a lab program writes with \(LabRegistry.outputVariable) set)",
                    status: ExitStatus.usage)
            }
        }
        return inputs
    }
}

/// A lab file or model that cannot be loaded, with the exit status: 2 when it cannot be read or
/// run (a usage or I/O problem), 1 when the lab in it is wrong.
struct LabInputError: Error, CustomStringConvertible {
    var description: String
    var status: Int32
    init(_ description: String, status: Int32 = ExitStatus.failure) {
        self.description = description
        self.status = status
    }
}

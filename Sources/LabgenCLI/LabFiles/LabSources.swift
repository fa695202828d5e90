import Foundation
import LabKit
import LabModel
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
            let compiled = try LabFileCompiler(context: context).labs(in: context.url(file))
            inputs.specs += compiled.specs
            inputs.sourceMap[compiled.fileID] = file
        }
        for model in models {
            let url = context.url(model)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw LabInputError("\(model): cannot read the lab model")
            }
            do {
                inputs.specs += try JSONDecoder().decode(Array<LabModel.LabSpec>.self, from: data)
            } catch {
                throw LabInputError("\(model): not a labgen lab model: \(error)")
            }
        }
        return inputs
    }
}

/// A lab file or model that cannot be loaded (already reported in full).
struct LabInputError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

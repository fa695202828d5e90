import Foundation
import LabModel
import LabgenCore

/// Which source an output folder belongs to, and whether the output folder can be used at all.
///
/// Each lab folder's manifest records the source the lab was built from (`# Source: ...`): for a
/// built-in lab `templates/labs/<file>.swift`, for a lab file or program its path relative to the
/// folder that holds the output folder (so the record does not depend on the working folder).
/// `labgen build` refuses to replace a lab folder recorded with another source unless `--force`.
enum OutputOwnership {
    /// The source of a lab as recorded in its manifest.
    static func source(of spec: LabSpec, inputs: LabInputs, root: URL, context: CLIContext) -> String {
        let file = spec.location.file
        if file.hasPrefix("TemplateLabs/") { return "templates/labs/" + file.dropFirst("TemplateLabs/".count) }
        let path = canonical(context.url(inputs.displayPath(file)))
        let base = canonical(root.deletingLastPathComponent())
        let relative = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
        return relative.debugEscaped
    }

    /// An absolute path with `.`/`..` and the symbolic links of its existing part resolved.
    static func canonical(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for component in rest { path += (path.hasSuffix("/") ? "" : "/") + component }
        return path
    }

    /// The message when `lab` would replace a folder built from another source, else nil.
    static func conflict(_ lab: RenderedLab, root: URL, context: CLIContext) -> String? {
        let folder = root.appendingPathComponent(lab.name)
        guard let recorded = OutputWriter.readSource(in: folder), let source = lab.source, recorded != source else {
            return nil
        }
        return "\(context.display(folder)) holds lab '\(lab.name.debugEscaped)' built from \(recorded), "
            + "not from \(source); give this lab its own name (Lab(\"...\")), "
            + "build it into another folder with --output, or pass --force to replace that lab's files"
    }

    /// Why the output folder cannot be created or written, else nil: a part of the path is a file.
    static func outputProblem(_ root: URL, shown: String) -> String? {
        var url = root.standardizedFileURL
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && url.path != "/" {
            url.deleteLastPathComponent()
        }
        guard !isDirectory.boolValue else { return nil }
        let part =
            url.standardizedFileURL == root.standardizedFileURL ? "it" : "'\(url.lastPathComponent.debugEscaped)'"
        return "cannot use the output folder \(shown.debugEscaped): \(part) is a file, not a folder; "
            + "choose another --output"
    }
}

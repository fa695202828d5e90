import Foundation
import LabgenCore
import TemplateLabs

/// `labgen templates`: the built-in labs.
enum TemplatesCommand: Subcommand {
    static let spec = CommandSpec(name: "templates", abstract: "List the built-in labs of templates/labs.")

    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        for template in templateLabs {
            let name = String(template.file.dropLast(".swift".count))
            context.out(
                "\(name)\(String(repeating: " ", count: max(1, 34 - name.count)))lab '\(template.lab.spec.name)'\n")
        }
        return ExitStatus.success
    }
}

/// `labgen init`: a starter lab file from a template, named after its folder.
enum InitCommand: Subcommand {
    static let spec = CommandSpec(
        name: "init",
        abstract: "Write a starter lab file (lab.swift) from a built-in template.",
        discussion: """
            The new lab is named after its folder (or --name): the lab, its kind cluster and its containerlab
            topology take that name, so its build writes out/<name>/ and not the template's folder.
            Then build it with 'labgen build <dir>/lab.swift'. 'labgen templates' lists the templates.
            Exit status 0 on success, 2 on usage and I/O problems (unknown template, a name labgen cannot use,
            an existing lab.swift without --force, a folder that cannot be written).
            """,
        options: [
            .value("--template", "name", help: "The template (default: calico-ipip-crosssubnet)."),
            .value("--name", "name", help: "The lab's name (default: the folder's name)."),
            .flag("--force", help: "Overwrite an existing lab.swift."),
        ],
        positionals: [
            CommandSpec.Positional("dir", help: "The folder to write lab.swift into (default: the current folder).")
        ])

    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        let name = arguments.value("--template") ?? "calico-ipip-crosssubnet"
        let names = templateLabs.map { String($0.file.dropLast(".swift".count)) }
        guard let template = templateLabs.first(where: { $0.file == "\(name).swift" }) else {
            var message = "No template is named '\(name.debugEscaped)'."
            if let suggestion = Suggestions.closest(to: name, in: names) { message += " Did you mean '\(suggestion)'?" }
            throw UsageError(message + " Templates: \(names.joined(separator: ", ")).", command: spec.name)
        }
        let folderArgument = arguments.positionals.first ?? "."
        let folder = context.url(folderArgument)
        let labName = arguments.value("--name") ?? folder.standardizedFileURL.lastPathComponent
        guard Names.isKindClusterName(labName) else {
            let shown = "'\(labName.debugEscaped)'"
            let origin = arguments.value("--name") == nil ? "after the folder \(shown)" : shown
            throw UsageError(
                "Cannot name the lab \(origin): a lab name is also its kind cluster's and folder's name: "
                    + "lower-case letters, digits, '-' and '.', starting and ending with a letter or digit. "
                    + "Pass --name NAME.",
                command: spec.name)
        }
        let source = templateFolder.appendingPathComponent(template.file)
        guard let data = FileManager.default.contents(atPath: source.path) else {
            context.err("error: cannot read the template \(source.path); is the labgen source checkout still there?\n")
            return ExitStatus.usage
        }
        let target = folder.appendingPathComponent("lab.swift")
        if FileManager.default.fileExists(atPath: target.path) && !arguments.flag("--force") {
            context.err("error: \(context.display(target)) exists; use --force to overwrite it\n")
            return ExitStatus.usage
        }
        let text = renamed(String(decoding: data, as: UTF8.self), to: labName)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: target)
        } catch {
            context.err("error: cannot write \(context.display(target)): \(IOProblem.reason(error))\n")
            return ExitStatus.usage
        }
        context.out(
            "wrote \(context.display(target)) (lab '\(labName)') from template '\(name)'; "
                + "build it with 'labgen build \(context.display(target))'\n")
        return ExitStatus.success
    }

    /// The template's text with the lab, its kind cluster and its containerlab topology named `name`
    /// (the first string argument of `Lab(`, `Cluster(` and the `name:` of `Topology(`).
    static func renamed(_ text: String, to name: String) -> String {
        var result = text
        for pattern in [#"(Lab\(")[^"]*(")"#, #"(Cluster\(")[^"]*(")"#, #"(Topology\([^)]*name: ")[^"]*(")"#] {
            guard let regex = try? Regex(pattern) else { continue }
            result = result.replacing(regex) { match in
                let prefix = match.output[1].substring.map(String.init) ?? ""
                let suffix = match.output[2].substring.map(String.init) ?? ""
                return prefix + name + suffix
            }
        }
        return result
    }
}

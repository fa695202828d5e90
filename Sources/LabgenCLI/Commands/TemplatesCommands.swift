import Foundation
import TemplateLabs

/// `labgen templates`: the built-in labs.
enum TemplatesCommand: Subcommand {
    static let spec = CommandSpec(name: "templates", abstract: "List the built-in labs of templates/labs.")

    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        for template in templateLabs {
            let name = String(template.file.dropLast(".swift".count))
            context.out("\(name)\(String(repeating: " ", count: max(1, 34 - name.count)))lab '\(template.lab.spec.name)'\n")
        }
        return ExitStatus.success
    }
}

/// `labgen init`: a starter lab file from a template.
enum InitCommand: Subcommand {
    static let spec = CommandSpec(
        name: "init",
        abstract: "Write a starter lab file (lab.swift) from a built-in template.",
        discussion: "Then build it with 'labgen build <dir>/lab.swift'. 'labgen templates' lists the templates.",
        options: [
            .value("--template", "name", help: "The template (default: calico-ipip-crosssubnet)."),
            .flag("--force", help: "Overwrite an existing lab.swift."),
        ],
        positionals: [CommandSpec.Positional("dir", help: "The folder to write lab.swift into (default: the current folder).")])

    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        let name = arguments.value("--template") ?? "calico-ipip-crosssubnet"
        let names = templateLabs.map { String($0.file.dropLast(".swift".count)) }
        guard let template = templateLabs.first(where: { $0.file == "\(name).swift" }) else {
            var message = "No template is named '\(name)'."
            if let suggestion = Suggestions.closest(to: name, in: names) { message += " Did you mean '\(suggestion)'?" }
            throw UsageError(message + " Templates: \(names.joined(separator: ", ")).", command: spec.name)
        }
        let source = templateFolder.appendingPathComponent(template.file)
        guard let text = FileManager.default.contents(atPath: source.path) else {
            context.err("error: cannot read the template \(source.path); is the labgen source checkout still there?\n")
            return ExitStatus.failure
        }
        let folder = context.url(arguments.positionals.first ?? ".")
        let target = folder.appendingPathComponent("lab.swift")
        if FileManager.default.fileExists(atPath: target.path) && !arguments.flag("--force") {
            context.err("error: \(context.display(target)) exists; use --force to overwrite it\n")
            return ExitStatus.failure
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: target)
        context.out("wrote \(context.display(target)) from template '\(name)'; build it with 'labgen build \(context.display(target))'\n")
        return ExitStatus.success
    }
}

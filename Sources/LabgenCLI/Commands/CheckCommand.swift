import Foundation
import LabModel
import LabgenCore

/// `labgen check`: is the output folder what labgen generates now? For review and CI.
enum CheckCommand: Subcommand {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Check that the output folder is up to date (for CI and code review); writes nothing.",
        discussion: """
            Regenerates every lab in memory and compares it with out/<lab>/. Exit status 0 when every file
            is fresh; 1 when a file is stale, missing, hand-edited or no longer generated, with a unified diff
            per file, a summary of what changed in the lab model, and the command that fixes it; 1 also when
            a lab has errors; 2 on usage and I/O problems (unknown option, a lab file that cannot be read).
            """,
        options: [
            LabSelection.outputOption,
            .value("--format", "format", help: "Output format.", choices: ["text", "github"]),
            .value(
                "--fix-command", "command",
                help: "The command to suggest for regenerating (default: how labgen was asked to build)."),
        ] + LabSelection.options,
        positionals: [LabSelection.labFiles])

    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        guard let (inputs, labs) = try LabSelection.compile(arguments, in: context) else { return ExitStatus.failure }
        let root = LabSelection.outputFolder(arguments, in: context)
        let github = arguments.value("--format") == "github"
        let fix = arguments.value("--fix-command") ?? defaultFixCommand(arguments)
        var problems = 0
        for lab in labs {
            guard var rendered = lab.rendered, let plan = lab.plan else { continue }
            let folder = root.appendingPathComponent(rendered.name)
            // A folder built from another source is not this lab's output, however its files compare.
            rendered.source = OutputOwnership.source(of: lab.spec, inputs: inputs, root: root, context: context)
            if let conflict = OutputOwnership.conflict(rendered, root: root, context: context) {
                context.out("\(conflict)\n")
                problems += 1
                continue
            }
            let files = Freshness.compare(rendered, in: root).filter { $0.state != .fresh }
            guard !files.isEmpty else { continue }
            problems += files.count
            let summary = ModelDiff.summary(old: ModelDiff.readPlan(in: folder), new: plan)
            for file in files {
                let shown = context.display(folder.appendingPathComponent(file.path))
                let diff = UnifiedDiff.diff(
                    old: file.current ?? "", new: file.generated ?? "", oldName: shown, newName: "generated")
                context.out(diff)
                let advice: String
                switch file.state {
                case .missing: advice = "missing; run '\(fix)' to generate it"
                case .stale: advice = "stale; run '\(fix)' and commit the result"
                case .handEdited:
                    advice =
                        "hand-edited since labgen wrote it; change the lab model instead and run '\(fix)' (it overwrites the edit)"
                case .obsolete: advice = "no longer generated; run '\(fix)' to remove it"
                case .fresh: advice = "fresh"
                }
                context.out("\(shown): \(advice)\n")
                if github {
                    let message =
                        "\(file.state.rawValue): \(advice)"
                        + (summary.isEmpty ? "" : " Lab changes: " + summary.joined(separator: "; "))
                    context.out(
                        "::error file=\(shown),line=\(file.firstDifferentLine),title=labgen check::\(GitHubAnnotation.escape(message))\n"
                    )
                }
            }
            if !summary.isEmpty {
                context.out("lab '\(rendered.name)' changes:\n" + summary.map { "  - \($0)\n" }.joined())
            }
            reportPicture(old: ModelDiff.readPlan(in: folder), new: plan, folder: folder, github: github, in: context)
        }
        if problems == 0 {
            context.out("\(context.display(root)): \(labs.count) lab\(labs.count == 1 ? "" : "s") up to date\n")
            return ExitStatus.success
        }
        context.out("\(problems) file\(problems == 1 ? "" : "s") out of date; run '\(fix)'\n")
        return ExitStatus.failure
    }

    /// Which elements of the lab's picture changed, and (for GitHub) a notice on topology.md, so the
    /// reviewer finds the picture of the change in the pull request.
    static func reportPicture(old: LabPlan?, new: LabPlan, folder: URL, github: Bool, in context: CLIContext) {
        let changes = PictureDiff.summary(old: old, new: new)
        guard !changes.isEmpty else { return }
        let picture = context.display(folder.appendingPathComponent(ArtifactPaths.topologyMarkdown))
        context.out("lab '\(new.name)' picture changes (\(picture)):\n" + changes.map { "  - \($0)\n" }.joined())
        if github {
            let message = "the picture of lab '\(new.name)' changed: " + changes.joined(separator: "; ")
            context.out(
                "::notice file=\(picture),line=1,title=labgen picture::\(GitHubAnnotation.escape(message))\n")
        }
    }

    static func defaultFixCommand(_ arguments: ParsedArguments) -> String {
        var parts = ["swift run labgen build"]
        parts += arguments.positionals
        if let output = arguments.value("--output") { parts += ["--output", output] }
        return parts.joined(separator: " ")
    }
}

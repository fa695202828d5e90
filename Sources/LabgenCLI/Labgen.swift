import Foundation
import LabgenCore

/// A labgen subcommand.
protocol Subcommand {
    static var spec: CommandSpec { get }
    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32
}

/// The labgen command line: `labgen <command> [options]`.
public enum Labgen {
    static let version = "0.1.0"

    static var subcommands: [any Subcommand.Type] {
        [
            BuildCommand.self, CheckCommand.self, VerifyCommand.self, ExplainCommand.self, AddressesCommand.self,
            GraphCommand.self, UpCommand.self, DownCommand.self, StatusCommand.self, EmulateCommand.self,
            InitCommand.self, ImportCommand.self, TemplatesCommand.self,
        ]
    }

    static var overview: String {
        var lines = [
            "OVERVIEW: labgen compiles a lab model (racks, nodes, addresses, pools) into the kind, containerlab,",
            "VyOS, Calico and kubeadm files of a Kubernetes networking lab, and checks that they agree.",
            "",
            "USAGE: labgen <command> [options]",
            "",
            "COMMANDS:",
        ]
        for command in subcommands {
            lines.append(CommandSpec.row(command.spec.name, command.spec.abstract))
        }
        lines += [
            "", "EXIT STATUS: 0 on success, 1 for a problem in a lab (errors, a lab file that does not compile,",
            "stale output for 'check'), 2 for a usage or I/O problem (bad command line, a file that cannot",
            "be read or written).",
            "", "  See 'labgen <command> --help' for the options of a command.", "",
        ]
        return lines.joined(separator: "\n")
    }

    /// Runs labgen with `arguments` (without the program name) and returns the exit status.
    public static func run(_ arguments: [String], in context: CLIContext) -> Int32 {
        guard let first = arguments.first else {
            // `labgen` alone builds the built-in labs, like `labgen build`.
            return dispatch(BuildCommand.self, [], context)
        }
        if first == "-h" || first == "--help" || first == "help" {
            if arguments.count > 1, let command = subcommands.first(where: { $0.spec.name == arguments[1] }) {
                context.out(command.spec.help)
            } else {
                context.out(overview)
            }
            return ExitStatus.success
        }
        if first == "--version" {
            context.out("labgen \(version)\n")
            return ExitStatus.success
        }
        guard let command = subcommands.first(where: { $0.spec.name == first }) else {
            var message = "Error: Unknown command '\(first)'."
            if let suggestion = Suggestions.closest(to: first, in: subcommands.map { $0.spec.name }) {
                message += " Did you mean '\(suggestion)'?"
            }
            context.err(message + "\nUsage: labgen <command> [options]\n  See 'labgen --help' for the commands.\n")
            return ExitStatus.usage
        }
        return dispatch(command, Array(arguments.dropFirst()), context)
    }

    static func dispatch(_ command: any Subcommand.Type, _ arguments: [String], _ context: CLIContext) -> Int32 {
        do {
            let parsed = try ArgumentParser.parse(arguments, for: command.spec)
            if parsed.wantsHelp {
                context.out(command.spec.help)
                return ExitStatus.success
            }
            return try command.run(parsed, in: context)
        } catch let error as UsageError {
            context.err(
                "Error: \(error.message)\nUsage: \(command.spec.usage)\n  See 'labgen \(command.spec.name) --help' for more information.\n"
            )
            return ExitStatus.usage
        } catch let exit as CommandExit {
            return exit.status
        } catch let error as LabInputError {
            context.err("error: \(error.description)\n")
            return error.status
        } catch {
            // Anything else is a file-system problem the command did not name: still no Foundation text.
            context.err("error: \(IOProblem.reason(error))\n")
            return ExitStatus.usage
        }
    }
}

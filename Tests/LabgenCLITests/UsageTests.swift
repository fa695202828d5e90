import Foundation
import Testing

/// Bad command lines: `Error:` and `Usage:` lines, exit status 2, a suggestion where one is close.
@Suite struct UsageTests {
    @Test func unknownCommandSuggestsTheClosest() throws {
        let result = try Workspace().labgen(["bulid"])
        #expect(result.status == 2)
        #expect(result.err.contains("Error: Unknown command 'bulid'. Did you mean 'build'?"))
        #expect(result.err.contains("\nUsage: labgen <command>"))
        #expect(result.out.isEmpty)
    }

    @Test func unknownOptionSuggestsTheClosest() throws {
        let result = try Workspace().labgen(["build", "--ouptut", "x"])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("Error: Unknown option '--ouptut'. Did you mean '--output'?\n"))
        #expect(result.err.contains("\nUsage: labgen build"))
    }

    @Test func unknownTemplateSuggestsTheClosest() throws {
        let workspace = try Workspace()
        let result = workspace.labgen(["init", "--template", "calico-ipip-crossubnet"])
        #expect(result.status == 2)
        #expect(
            result.err.contains(
                "Error: No template is named 'calico-ipip-crossubnet'. Did you mean 'calico-ipip-crosssubnet'?"))
        #expect(result.err.contains("\nUsage: labgen init"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("lab.swift").path))
    }

    @Test func invalidChoiceAndMissingValue() throws {
        let workspace = try Workspace()
        let format = workspace.labgen(["check", "--format", "githb"])
        #expect(format.status == 2)
        #expect(
            format.err.contains(
                "Error: The value 'githb' is invalid for '--format <format>'. Use one of: text, github. Did you mean 'github'?"
            ))
        #expect(format.err.contains("Usage: labgen check"))
        let missing = workspace.labgen(["build", "--output"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("Error: Missing value for '--output <folder>'."))
    }

    @Test func unknownLabSuggestsTheClosest() throws {
        let workspace = try Workspace()
        let result = workspace.labgen(["build", "--lab", "calico-ipip-crosssubnet-2021"])
        #expect(result.status == 2)
        #expect(result.err.contains("Did you mean 'calico-ipip-crosssubnet-2022'?"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out").path))
    }

    @Test func helpAndVersionSucceed() throws {
        let workspace = try Workspace()
        let help = workspace.labgen(["--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("USAGE: labgen <command> [options]"))
        let buildHelp = workspace.labgen(["build", "--help"])
        #expect(buildHelp.status == 0)
        #expect(buildHelp.out.contains("--output"))
        #expect(workspace.labgen(["--version"]).status == 0)
    }
}

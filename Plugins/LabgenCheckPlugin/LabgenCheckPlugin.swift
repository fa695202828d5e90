import Foundation
import PackagePlugin

/// `swift package labgen-check [--product NAME] [--format github] [labgen check options]`
///
/// Builds and runs the package's lab programs and compares what labgen generates with the
/// package's `out/`, writing nothing there: fails when a file is stale, missing or hand-edited,
/// with a unified diff per file and a summary of what changed in the lab. Needs no write access,
/// so CI and review can run it as is.
@main
struct LabgenCheckPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        try LabgenPluginRun(command: "check", arguments: arguments).perform(
            context: context, packageManager: packageManager)
    }
}

import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory labgen build [--product NAME] [labgen build options]`
///
/// Builds and runs the package's lab programs (executable products that depend on LabKit) and
/// writes their labs' artifacts into the package's `out/` with `labgen build`.
@main
struct LabgenPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var arguments = arguments
        let command = arguments.first.map { $0.hasPrefix("-") ? "build" : arguments.removeFirst() } ?? "build"
        switch command {
        case "build":
            try LabgenPluginRun(command: "build", arguments: arguments).perform(
                context: context, packageManager: packageManager)
        case "check":
            // The check needs no write access; it has its own plugin so CI need not grant it.
            try LabgenPluginRun(command: "check", arguments: arguments).perform(
                context: context, packageManager: packageManager)
        default:
            throw LabgenPluginError(
                """
                unknown labgen plugin command '\(command)'; use \
                'swift package --allow-writing-to-package-directory labgen build' to write out/, \
                or 'swift package labgen-check' to check it
                """, status: 2)
        }
    }
}

// swift-tools-version: 6.0
import PackageDescription

// Layering (each target uses only the ones listed before it):
//   LabModel      plain value types: IPv4, lab, rack, node, pool, diagnostics (no I/O, no formats)
//   LabKit        the DSL users import: result builders + source locations -> LabModel
//   LabFormats    YAML / VyOS / TOML readers and writers (knows nothing of labs)
//   LabStock      per-release boilerplate as data (templates/stock)
//   CLabgenSystem system calls Foundation lacks: atomic folder exchange, syncfs, a user-space IPIP endpoint
//   LabgenCore    Resolve -> Render -> Read back -> Verify, and the atomic writer (Pipeline)
//   TemplateLabs  the built-in labs (templates/labs), written with LabKit
//   LabgenCLI     argument parsing and the commands (testable in-process)
//   labgen        the executable, a one-line main; the plugins only call it
let package = Package(
    name: "labgen",
    products: [
        .library(name: "LabKit", targets: ["LabKit"]),
        .executable(name: "labgen", targets: ["labgen"]),
        // Command plugins for packages that keep their labs in Swift (see templates/package):
        // `swift package --allow-writing-to-package-directory labgen build` and `swift package labgen-check`.
        .plugin(name: "LabgenPlugin", targets: ["LabgenPlugin"]),
        .plugin(name: "LabgenCheckPlugin", targets: ["LabgenCheckPlugin"]),
    ],
    targets: [
        .target(name: "LabModel"),
        .target(name: "LabKit", dependencies: ["LabModel"]),
        .target(name: "LabFormats"),
        // Per-release boilerplate (VyOS stock config.boot), data under templates/stock.
        .target(
            name: "LabStock", path: "templates/stock",
            exclude: ["vyos/README.md"],
            resources: [
                .embedInCode("vyos/vyos-1.2.boot"), .embedInCode("vyos/vyos-1.3.boot"),
                .embedInCode("vyos/vyos-1.4.boot"), .embedInCode("vyos/vyos-1.5.boot"),
            ]),
        // One system call Foundation does not offer: atomic exchange of two directories.
        .target(name: "CLabgenSystem"),
        .target(name: "LabgenCore", dependencies: ["LabModel", "LabFormats", "LabStock", "CLabgenSystem"]),
        // The built-in labs: lab files in the same form users write, compiled into labgen.
        .target(name: "TemplateLabs", dependencies: ["LabKit"], path: "templates/labs"),
        .target(name: "LabgenCLI", dependencies: ["LabgenCore", "LabKit", "TemplateLabs", "CLabgenSystem"]),
        .executableTarget(name: "labgen", dependencies: ["LabgenCLI", "LabgenCore"]),

        // Thin command plugins: build and run the package's lab programs, then call the labgen tool.
        // Their shared code is Plugins/Shared/LabgenPluginSupport.swift, symlinked into each folder.
        .plugin(
            name: "LabgenPlugin",
            capability: .command(
                intent: .custom(verb: "labgen", description: "Build the package's labs into out/ ('labgen build')."),
                permissions: [.writeToPackageDirectory(reason: "labgen writes the lab artifacts into out/.")]),
            dependencies: ["labgen"]),
        .plugin(
            name: "LabgenCheckPlugin",
            capability: .command(
                intent: .custom(
                    verb: "labgen-check",
                    description: "Check that out/ is what the package's labs generate (writes nothing).")),
            dependencies: ["labgen"]),

        // Runs the LabFormats YAML reader over the public YAML test suite (see .ci/run).
        .executableTarget(
            name: "labgen-yaml-suite", dependencies: ["LabFormats"], path: "Sources/Tools/labgen-yaml-suite",
            exclude: ["known-differences.txt"]),
        // Times resolve, render, verify and write on synthetic labs (see BENCHMARKS.md, .ci/bench-smoke.sh).
        .executableTarget(
            name: "labgen-bench", dependencies: ["LabModel", "LabFormats", "LabgenCore"],
            path: "Sources/Tools/labgen-bench",
            exclude: ["side-by-side.sh"]),

        // The seeded generator every property and fuzz test uses.
        .target(name: "LabgenTestSupport", path: "Tests/LabgenTestSupport"),
        .testTarget(name: "LabModelTests", dependencies: ["LabModel", "LabgenTestSupport"]),
        .testTarget(name: "LabFormatsTests", dependencies: ["LabFormats", "LabgenTestSupport"]),
        // Resolver, allocation, renderers, verification, pipeline and output writer.
        .testTarget(
            name: "LabgenCoreTests",
            dependencies: ["LabgenCore", "LabModel", "LabFormats", "LabKit", "TemplateLabs", "LabgenTestSupport"]),
        // Broken labs and artifacts, round trips and byte-stable output (issue 7).
        .testTarget(
            name: "LabgenCorpusTests",
            dependencies: ["LabgenCLI", "LabgenCore", "LabKit", "LabModel", "LabFormats", "LabgenTestSupport"]),
        // In-process CLI runs and the real labgen binary as a child process (kill test, lab files).
        .testTarget(name: "LabgenCLITests", dependencies: ["LabgenCLI", "LabgenCore", "LabKit"]),
    ]
)

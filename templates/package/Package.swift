// swift-tools-version: 6.0
import PackageDescription

// A package that keeps its labs in Swift and generates their files with labgen's plugins:
//   swift package --allow-writing-to-package-directory labgen build   # writes out/<lab>/
//   swift package labgen-check                                        # fails when out/ is stale
let package = Package(
    name: "my-labs",
    dependencies: [
        // In your own package: .package(url: "https://github.com/<owner>/labgen.git", branch: "main")
        .package(name: "labgen", path: "../..")
    ],
    targets: [
        // The lab program: declares labs with LabKit; the plugins build and run it.
        .executableTarget(name: "Labs", dependencies: [.product(name: "LabKit", package: "labgen")])
    ]
)

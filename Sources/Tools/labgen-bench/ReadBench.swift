// labgen-bench --read [--runs N] [--only yaml|shell|classify|facts] FILE-OR-FOLDER...
//
// Times labgen's readers on files already on disk (for example the output of a large build): for
// each file, YAMLReader.read (files named .yaml/.yml/.json), ShellScriptReader.read (.sh) and
// ArtifactDiscovery.classify (every file); for each folder, LabFacts.read of all its files (what
// `labgen verify FOLDER` reads). Prints the median of N runs in milliseconds per file and reader.

import Foundation
import LabFormats
import LabgenCore

func readBench(_ arguments: [String]) -> Never {
    var runs = 5
    var only: String?
    var paths: [String] = []
    var rest = arguments[...]
    while let argument = rest.popFirst() {
        switch argument {
        case "--runs": runs = rest.popFirst().flatMap { Int($0) } ?? runs
        case "--only": only = rest.popFirst()
        default: paths.append(argument)
        }
    }
    func median(_ body: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return times.sorted()[times.count / 2]
    }
    func report(_ what: String, _ path: String, _ ms: Double, _ detail: String) {
        print(
            what.padding(toLength: 10, withPad: " ", startingAt: 0) + " "
                + String(format: "%9.2f ms  ", ms) + path + (detail.isEmpty ? "" : "  (\(detail))"))
    }
    for path in paths {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            fail("no such file: \(path)")
        }
        if isFolder.boolValue {
            guard only == nil || only == "facts" else { continue }
            let files = ArtifactDiscovery.files(in: URL(fileURLWithPath: path))
            var diagnostics = 0
            let ms = median { diagnostics = LabFacts.read(files).readDiagnostics.count }
            report("facts", path, ms, "\(files.count) files, \(diagnostics) read diagnostics")
            continue
        }
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        let text = String(decoding: data, as: UTF8.self)
        let name = (path as NSString).lastPathComponent
        if only == nil || only == "yaml", [".yaml", ".yml", ".json"].contains(where: name.hasSuffix) {
            var documents = 0
            let ms = median { documents = (try? YAMLReader.read(text))?.count ?? -1 }
            report("yaml", name, ms, "\(documents) documents")
        }
        if only == nil || only == "shell", name.hasSuffix(".sh") {
            var bridges = 0
            let ms = median { bridges = ShellScriptReader.read(text, file: name).bridges.count }
            report("shell", name, ms, "\(bridges) bridges")
        }
        if only == nil || only == "classify" {
            var kinds = ""
            let ms = median {
                kinds = ArtifactDiscovery.classify(text, path: name).map(\.rawValue).sorted().joined(separator: ",")
            }
            report("classify", name, ms, kinds)
        }
    }
    exit(0)
}

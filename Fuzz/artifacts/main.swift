// libFuzzer target for labgen's artifact readers and the verifier (see Fuzz/README.md): the
// input is a lab folder written as files separated by lines `=== <path>` (a single file when
// there is none). Any input must read into facts and verify into diagnostics, never trap, and
// every diagnostic must point at a file of the input with a valid line and column.

import LabFormats
import LabModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var files: [(path: String, text: String)] = []
    var current: (path: String, lines: [Substring])? = nil
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("=== ") {
            if let current { files.append((current.path, current.lines.joined(separator: "\n"))) }
            current = (String(line.dropFirst(4)), [])
        } else if current != nil {
            current!.lines.append(line)
        } else {
            current = ("kind.yaml", [line])
        }
    }
    if let current { files.append((current.path, current.lines.joined(separator: "\n"))) }
    let facts = LabFacts.read(files)
    let diagnostics = Verifier.verify(facts)
    let paths = Set(files.map { LabFacts.normalize($0.path) } + files.map(\.path))
    for diagnostic in diagnostics {
        guard let location = diagnostic.location else { continue }
        if location.line < 1 || location.column < 1 || diagnostic.message.isEmpty {
            fatalError("bad diagnostic: \(diagnostic)")
        }
        if !paths.contains(location.file) && !paths.contains(LabFacts.normalize(location.file)) && !location.file.isEmpty {
            fatalError("diagnostic in a file that was not given: \(diagnostic)\nfiles: \(paths.sorted())")
        }
    }
    return 0
}

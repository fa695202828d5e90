// libFuzzer target for the VyOS `set` command reader (see Fuzz/README.md). Built with the LabFormats
// sources compiled in: any input gives a configuration or a FormatError with a valid position,
// and an accepted configuration that the writer accepts must read back unchanged.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = VyOSReader.isSetCommands(text)
    do {
        let config = try VyOSReader.readSetCommands(text)
        guard let written = try? VyOSWriter.setCommands(config) else { return 0 }
        // Read back with the schema of the first read (nil: from the release comment, else crux).
        // (`.inferred(from: config)` loses a leaf named like a container: see the known issue in
        // Tests/LabgenCorpusTests/ReaderFuzzTests.swift.)
        guard let again = try? VyOSReader.readSetCommands(written) else {
            fatalError("VyOSWriter.setCommands output does not read back:\n\(written)")
        }
        if again.nodes != config.nodes { fatalError("set round trip changed the tree:\n\(written)") }
    } catch {
        if error.position.line < 1 || error.position.column < 1 || error.message.isEmpty {
            fatalError("bad error: \(error)")
        }
    }
    return 0
}

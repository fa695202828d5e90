// libFuzzer target for the VyOS config.boot reader (see Fuzz/README.md). Built with the LabFormats
// sources compiled in: any input gives a configuration or a FormatError with a valid position,
// and an accepted configuration that the writer accepts must read back unchanged.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let config = try VyOSReader.readBootConfig(text)
        let bare = VyOSConfig(nodes: config.nodes)
        for dialect in VyOSDialect.allCases {
            // The writer may refuse what it cannot write exactly; what it writes must read back.
            guard let written = try? VyOSWriter.bootConfig(bare, dialect: dialect) else { continue }
            guard let again = try? VyOSReader.readBootConfig(written) else {
                fatalError("VyOSWriter.bootConfig output does not read back:\n\(written)")
            }
            if again.nodes != bare.nodes { fatalError("boot round trip changed the tree:\n\(written)") }
        }
    } catch {
        if error.position.line < 1 || error.position.column < 1 || error.message.isEmpty {
            fatalError("bad error: \(error)")
        }
    }
    return 0
}

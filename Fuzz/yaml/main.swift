// libFuzzer target for the YAML reader (see Fuzz/README.md). Built with the LabFormats sources
// compiled in: any input must give values or a FormatError with a valid position, never a trap,
// and what the reader accepts must survive write -> read unchanged.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let values = try YAMLReader.readValues(text)
        // Round trip: the writer's output must read back to the same values.
        let written = YAMLWriter.write(documents: values)
        guard let again = try? YAMLReader.readValues(written) else {
            fatalError("YAMLWriter output does not read back:\n\(written)")
        }
        if again != values { fatalError("round trip changed the values:\n\(values)\n\(again)") }
    } catch {
        if error.position.line < 1 || error.position.column < 1 || error.message.isEmpty {
            fatalError("bad error: \(error)")
        }
    }
    return 0
}

// libFuzzer target for the TOML subset reader (see Fuzz/README.md). Built with the LabFormats
// sources compiled in: any input gives a document or a FormatError with a valid position, and
// what the reader accepts must survive write -> read (values before sub-tables, as documented).

func valuesFirst(_ table: TOMLTable) -> TOMLTable {
    var values: [TOMLEntry] = []
    var tables: [TOMLEntry] = []
    for entry in table.entries {
        if case .table(let inner) = entry.value {
            tables.append(TOMLEntry(key: entry.key, value: .table(valuesFirst(inner))))
        } else {
            values.append(entry)
        }
    }
    return TOMLTable(values + tables)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let document = try TOMLReader.read(text)
        let written = TOMLWriter.write(document.root)
        guard let again = try? TOMLReader.read(written) else {
            fatalError("TOMLWriter output does not read back:\n\(written)")
        }
        if again.root != valuesFirst(document.root) { fatalError("round trip changed the table:\n\(written)") }
    } catch {
        if error.position.line < 1 || error.position.column < 1 || error.message.isEmpty {
            fatalError("bad error: \(error)")
        }
    }
    return 0
}

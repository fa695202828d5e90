import LabFormats
import Testing

/// The error a throwing call threw, or nil.
func vyosError<T>(_ body: () throws -> T) -> FormatError? {
    do {
        _ = try body()
        return nil
    } catch let error as FormatError {
        return error
    } catch {
        Issue.record("not a FormatError: \(error)")
        return nil
    }
}

/// Clears positions so trees can be printed/compared field by field when debugging.
func vyosPaths(_ nodes: [VyOSNode], _ prefix: String = "") -> [String] {
    var out: [String] = []
    for n in nodes {
        let p = prefix + n.name + (n.value.map { " <\($0)>" } ?? "")
        out.append(p + (n.children == nil ? "" : " {}"))
        if let c = n.children { out += vyosPaths(c, p + " ") }
    }
    return out
}

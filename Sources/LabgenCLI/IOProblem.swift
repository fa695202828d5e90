import Foundation
import LabgenCore

extension IOProblem {
    /// Reads a file the user named; the error names it as `shown` and says why it cannot be read.
    static func read(_ url: URL, shown: String, what: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw LabInputError("\(shown): cannot read \(what): no such file", status: ExitStatus.usage)
        }
        if isDirectory.boolValue {
            throw LabInputError("\(shown): cannot read \(what): it is a folder, not a file", status: ExitStatus.usage)
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw LabInputError("\(shown): cannot read \(what): \(reason(error))", status: ExitStatus.usage)
        }
    }
}

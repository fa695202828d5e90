import Foundation
import LabgenCore

extension IOProblem {
    /// Reads a file the user named; the error (exit status 2) names it as `shown` and says why it
    /// cannot be read.
    static func readNamed(_ url: URL, shown: String, what: String) throws -> Data {
        do {
            return try read(url, shown: shown, what: what)
        } catch {
            throw LabInputError(error.description, status: ExitStatus.usage)
        }
    }
}

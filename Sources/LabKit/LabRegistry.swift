import Foundation
import LabModel

/// Collects the labs a lab program declares and, when labgen runs the program, writes them
/// as JSON when it exits (as SwiftPM does with `Package.swift`).
///
/// labgen sets `LABGEN_MODEL_OUTPUT` to a file path; without it, nothing is recorded.
public enum LabRegistry {
    /// The environment variable naming the file the lab program writes its labs to.
    public static let outputVariable = "LABGEN_MODEL_OUTPUT"

    private static let lock = NSLock()
    nonisolated(unsafe) private static var labs: [LabSpec] = []
    nonisolated(unsafe) private static var installed = false

    static func register(_ spec: LabSpec) {
        // getenv, not ProcessInfo's environment: that builds a dictionary of the whole
        // environment on every call, once per Lab.
        guard getenv(outputVariable) != nil else { return }
        lock.lock()
        defer { lock.unlock() }
        labs.append(spec)
        if !installed {
            installed = true
            atexit { LabRegistry.writeOutput() }
        }
    }

    /// Encodes labs the way labgen decodes them.
    public static func encode(_ specs: [LabSpec]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(specs)
    }

    private static func writeOutput() {
        guard let value = getenv(outputVariable) else { return }
        let path = String(cString: value)
        lock.lock()
        let specs = labs
        lock.unlock()
        do {
            try encode(specs).write(to: URL(fileURLWithPath: path))
        } catch {
            FileHandle.standardError.write(Data("labgen: cannot write the lab model to \(path): \(error)\n".utf8))
            exit(70)
        }
    }
}

import LabModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Collects the labs a lab program declares and, when labgen runs the program, writes them
/// when it exits (as SwiftPM does with `Package.swift`).
///
/// labgen sets `LABGEN_MODEL_OUTPUT` to a file path; without it, nothing is recorded. The labs are
/// written in `ModelCoding`'s compact form, not JSON: LabKit imports no Foundation, so that a lab
/// program that imports only LabKit does not load Foundation's libraries at all (loading them and
/// encoding JSON were most of a small lab program's run). `--model` files stay JSON
/// (`LabRegistry.encode`, in LabgenCLI).
public enum LabRegistry {
    /// The environment variable naming the file the lab program writes its labs to.
    public static let outputVariable = "LABGEN_MODEL_OUTPUT"

    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        return lock
    }()
    nonisolated(unsafe) private static var labs: [LabSpec] = []
    nonisolated(unsafe) private static var installed = false

    static func register(_ spec: LabSpec) {
        // getenv, not ProcessInfo's environment: that builds a dictionary of the whole
        // environment on every call, once per Lab.
        guard getenv(outputVariable) != nil else { return }
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        labs.append(spec)
        if !installed {
            installed = true
            atexit { LabRegistry.writeOutput() }
        }
    }

    private static func writeOutput() {
        guard let value = getenv(outputVariable) else { return }
        let path = String(cString: value)
        pthread_mutex_lock(lock)
        let specs = labs
        pthread_mutex_unlock(lock)
        do {
            let bytes = try ModelCoding.encode(specs)
            guard let file = fopen(path, "wb") else { throw WriteError(code: errno) }
            let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            let failed = written != bytes.count || fflush(file) != 0
            let code = errno
            fclose(file)
            if failed { throw WriteError(code: code) }
        } catch {
            let message = Array("labgen: cannot write the lab model to \(path): \(error)\n".utf8)
            _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            exit(70)
        }
    }

    private struct WriteError: Error, CustomStringConvertible {
        var code: Int32
        var description: String { String(cString: strerror(code)) }
    }
}

import Foundation

/// File-system problems as one short reason a user can act on ("no such file", "permission
/// denied"), instead of Foundation's `NSCocoaErrorDomain` text.
public enum IOProblem {
    /// A file the user named that cannot be read; `description` names it and says why.
    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads a file the user named; the error names it as `shown` and says why it cannot be read.
    public static func read(_ url: URL, shown: String, what: String) throws(Unreadable) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw Unreadable(description: "\(shown): cannot read \(what): no such file")
        }
        if isDirectory.boolValue {
            throw Unreadable(description: "\(shown): cannot read \(what): it is a folder, not a file")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw Unreadable(description: "\(shown): cannot read \(what): \(reason(error))")
        }
    }

    /// The reason of a Foundation or POSIX error, without internal paths or domains.
    public static func reason(_ error: any Error) -> String {
        if let posixError = error as? POSIXError { return posix(posixError.code) }
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(error.code)) {
            return posix(code)
        }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? any Error {
            if let posixError = underlying as? POSIXError { return posix(posixError.code) }
            let nsError = underlying as NSError
            if nsError.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(nsError.code)) {
                return posix(code)
            }
        }
        if error.domain == NSCocoaErrorDomain {
            switch error.code {
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or folder"
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
            case NSFileWriteFileExistsError: return "a file of that name exists"
            case NSFileReadInapplicableStringEncodingError: return "not UTF-8 text"
            case NSFileWriteOutOfSpaceError: return "no space left on the device"
            case NSFileWriteVolumeReadOnlyError: return "read-only file system"
            default: break
            }
        }
        return "input/output error"
    }

    public static func posix(_ code: POSIXErrorCode) -> String {
        switch code {
        case .ENOENT: "no such file or folder"
        case .EACCES, .EPERM: "permission denied"
        case .ENOTDIR: "a part of the path is a file, not a folder"
        case .EISDIR: "it is a folder, not a file"
        case .EEXIST: "a file of that name exists"
        case .ENOSPC: "no space left on the device"
        case .EROFS: "read-only file system"
        case .ELOOP: "too many symbolic links"
        case .ENAMETOOLONG: "the name is too long"
        case .ENOEXEC: "not an executable program"
        default: String(cString: strerror(code.rawValue)).lowercased()
        }
    }
}

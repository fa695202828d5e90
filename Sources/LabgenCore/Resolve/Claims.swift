import LabModel

/// The first use of each name, address, number or prefix of one kind: claim one, or report the
/// duplicate at the second use with a note at the first. Every duplicate the resolver reports
/// goes through here.
struct Claims<Key: Hashable> {
    /// Who claimed a key first, and where.
    struct Claim {
        var what: String
        var location: SourceLocation?
    }

    /// The check a duplicate is reported as.
    let check: ModelCheck
    private var claims: [Key: Claim] = [:]

    init(check: ModelCheck) { self.check = check }

    /// The first claim of `key`, if any.
    subscript(key: Key) -> Claim? { claims[key] }

    /// Claims `key` for `what` at `location`. When `key` is already claimed, nothing changes and
    /// `duplicate(first)` gives the error's message and the message of its note at the first
    /// claim (nil: no note); the result is false.
    @discardableResult
    mutating func claim(
        _ key: Key, what: String = "", at location: SourceLocation?, into diagnostics: inout DiagnosticList,
        duplicate: (Claim) -> (message: String, note: String?)
    ) -> Bool {
        if reportDuplicate(key, at: location, into: &diagnostics, duplicate) { return false }
        record(key, what: what, at: location)
        return true
    }

    /// Reports `key` as a duplicate when it is claimed already (see `claim`), without claiming it:
    /// for a key that is claimed only once the rest of its element has been checked (`record`).
    /// True when a duplicate was reported.
    func reportDuplicate(
        _ key: Key, at location: SourceLocation?, into diagnostics: inout DiagnosticList,
        _ duplicate: (Claim) -> (message: String, note: String?)
    ) -> Bool {
        guard let first = claims[key] else { return false }
        let (message, note) = duplicate(first)
        diagnostics.error(check, message, at: location, notes: note.map { [.init($0, at: first.location)] } ?? [])
        return true
    }

    /// Claims `key` without a check (after `reportDuplicate`).
    mutating func record(_ key: Key, what: String = "", at location: SourceLocation?) {
        claims[key] = Claim(what: what, location: location)
    }
}

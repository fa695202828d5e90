import LabModel

/// Parsing of user-written values with messages that say exactly what is wrong.
enum ValueParsing {
    /// Why `text` is not an IPv4 address, or nil if it is one.
    static func addressProblem(_ text: String) -> String {
        if let odd = text.unicodeScalars.first(where: { !($0.isASCII && ($0 == "." || ("0"..."9").contains($0))) }) {
            let code = "U+" + String(odd.value, radix: 16, uppercase: true).leftPadded(to: 4)
            let hint = odd.isASCII ? "" : " (text copied from slides or documents often carries look-alike characters)"
            return
                "'\(text.debugEscaped)' is not an IPv4 address: '\(String(odd).debugEscaped)' (\(code)) is not a digit or '.'\(hint)"
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count != 4 { return "'\(text)' is not an IPv4 address: it has \(parts.count) parts, not 4" }
        for part in parts {
            if part.isEmpty { return "'\(text)' is not an IPv4 address: an octet is empty" }
            if part.count > 1 && part.first == "0" {
                return
                    "'\(text)' is not an IPv4 address: octet '\(part)' has a leading zero, which some tools read as octal"
            }
            if (Int(part) ?? 256) > 255 {
                return "'\(text)' is not an IPv4 address: octet '\(part)' is greater than 255"
            }
        }
        return "'\(text.debugEscaped)' is not an IPv4 address"
    }

    static func address(
        _ text: String, what: String, at location: SourceLocation, into diagnostics: inout DiagnosticList
    )
        -> IPv4Address?
    {
        if let address = IPv4Address(text) { return address }
        diagnostics.error(.invalidAddress, "\(what): \(addressProblem(text))", at: location)
        return nil
    }

    /// A host address in `subnet`: parses, lies in the subnet, and is neither its network nor its
    /// broadcast address. `what` names the address (`node address`), `subnetName` the subnet
    /// (`rack 'rack0' subnet`) in messages.
    static func hostAddress(
        _ text: String, what: String, in subnet: IPv4Prefix, subnetName: String, at location: SourceLocation,
        notes: [Diagnostic.Note] = [], into diagnostics: inout DiagnosticList
    ) -> IPv4Address? {
        guard let address = address(text, what: what, at: location, into: &diagnostics) else { return nil }
        if !subnet.contains(address) {
            diagnostics.error(
                .addressOutsideSubnet, "\(what) \(address) is outside \(subnetName) \(subnet)", at: location,
                notes: notes)
            return nil
        }
        if subnet.isNetworkOrBroadcast(address) {
            diagnostics.error(
                .reservedAddress,
                "\(what) \(address) is the \(address == subnet.network ? "network" : "broadcast") address of \(subnet)",
                at: location)
            return nil
        }
        return address
    }

    /// A canonical prefix (no host bits set).
    static func prefix(
        _ text: String, what: String, at location: SourceLocation, into diagnostics: inout DiagnosticList
    )
        -> IPv4Prefix?
    {
        guard let slash = text.firstIndex(of: "/") else {
            if IPv4Address(text) != nil {
                diagnostics.error(
                    .invalidPrefix, "\(what) '\(text)' has no prefix length; write it as '\(text)/24' or similar",
                    at: location)
            } else {
                diagnostics.error(.invalidPrefix, "\(what): \(addressProblem(text))", at: location)
            }
            return nil
        }
        let addressText = String(text[..<slash])
        guard IPv4Address(addressText) != nil else {
            diagnostics.error(.invalidPrefix, "\(what): \(addressProblem(addressText))", at: location)
            return nil
        }
        guard let prefix = IPv4Prefix(text) else {
            diagnostics.error(
                .invalidPrefix, "\(what) '\(text.debugEscaped)': the prefix length must be a number from 0 to 32",
                at: location)
            return nil
        }
        guard prefix.isCanonical else {
            diagnostics.error(
                .invalidPrefix,
                "\(what) '\(text)' has host bits set; the network is \(prefix.canonical)", at: location)
            return nil
        }
        return prefix
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}

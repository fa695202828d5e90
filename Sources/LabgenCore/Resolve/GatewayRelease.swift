import Foundation
import LabModel
import LabStock

/// The VyOS release of a gateway: its `vyos:` setting, else the tag of its `image:`
/// (`vyos/vyos:1.5.0`, `registry:5000/vyos/vyos:1.5-rolling-202412060007`).
enum GatewayRelease {
    /// A release that cannot be used, with the model check that reports it.
    struct Problem: Error, Equatable {
        var check: ModelCheck
        var message: String
    }

    /// The tag of an image reference (`1.5.0` of `host:5000/vyos/vyos:1.5.0@sha256:...`), or nil.
    static func tag(of image: String) -> String? {
        let withoutDigest = image.split(separator: "@", maxSplits: 1).first.map(String.init) ?? image
        let last = withoutDigest.split(separator: "/").last.map(String.init) ?? withoutDigest
        guard let colon = last.lastIndex(of: ":") else { return nil }
        let tag = String(last[last.index(after: colon)...])
        return tag.isEmpty ? nil : tag
    }

    /// The release of gateway `name`, or the problem with it: no release at all, one that is not a
    /// version, a series without stock data (LG116), or a `vyos:` setting whose series differs from
    /// the series the image tag names (LG145).
    static func resolve(name: String, vyos: String?, image: String?) -> Result<VyOSRelease, Problem> {
        let supported = Stock.vyosSeries.joined(separator: ", ")
        let tag = image.flatMap(Self.tag(of:))
        guard let text = vyos ?? tag else {
            return .failure(
                Problem(
                    check: .unsupportedRelease,
                    message: "gateway '\(name.debugEscaped)' names no VyOS release: write vyos: \"1.5.0\" (or another "
                        + "release of \(supported)), or an image whose tag is the release"))
        }
        let quoted = "'\(text.debugEscaped)'"
        let from = vyos == nil ? "the image tag \(quoted) of gateway '\(name.debugEscaped)'" : quoted
        // The release is written into config.boot's footer and the image tag: a written release must be
        // two or three numbers and an optional suffix of letters, digits, '.' and '-' (never a newline).
        if vyos != nil, let problem = ToolGrammars.vyosReleaseProblem(text) {
            return .failure(Problem(check: .unsupportedRelease, message: problem))
        }
        let plain = text.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "-")
        }
        guard plain, let release = VyOSRelease(text) else {
            return .failure(
                Problem(
                    check: .unsupportedRelease,
                    message:
                        "\(from) is not a VyOS release such as 1.2.8, 1.3.8, 1.4.9, 1.5.0 or 1.5-rolling-202412060007"
                        + (vyos == nil ? "; write vyos: \"<release>\"" : "")))
        }
        guard Stock.vyosBootConfig(series: release.series) != nil else {
            // Rolling builds named by date (2025.07.01-0813-rolling) carry no release series.
            let dated =
                release.major >= 2000
                ? "; a rolling build named by date has no series: write vyos: \"1.5\" (the newest labgen knows)" : ""
            return .failure(
                Problem(
                    check: .unsupportedRelease,
                    message:
                        "VyOS \(release.series) (\(from)) is not supported; labgen renders VyOS \(supported)\(dated)"))
        }
        // Only a tag that names a 1.x series can disagree (a date-named rolling tag names none).
        if vyos != nil, let tag, let tagged = VyOSRelease(tag), tagged.major == 1, tagged.series != release.series {
            return .failure(
                Problem(
                    check: .releaseMismatch,
                    message:
                        "gateway '\(name.debugEscaped)' says vyos: \"\(text.debugEscaped)\" but its image is tagged "
                        + "'\(tag.debugEscaped)' (VyOS \(tagged.series)): the config would be written in the "
                        + "\(release.series) dialect for a \(tagged.series) router"))
        }
        return .success(release)
    }
}

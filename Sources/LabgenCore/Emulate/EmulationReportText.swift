import Foundation

/// The text `labgen emulate` prints: the check table, and the hops of `--trace`.
public enum EmulationReportText {
    public static func table(_ report: EmulationReport) -> String {
        var text = "emulation of lab \(report.lab)\n"
        let width = min(60, report.rows.map(\.check.count).max() ?? 10)
        text += "CHECK".padding(toLength: width, withPad: " ", startingAt: 0) + "  RESULT  EVIDENCE\n"
        for row in report.rows {
            let check =
                row.check.count > width ? row.check : row.check.padding(toLength: width, withPad: " ", startingAt: 0)
            text += check + "  " + (row.passed ? "pass  " : "FAIL  ") + "  " + row.evidence + "\n"
            if !row.passed, let real = row.realLab {
                text += String(repeating: " ", count: width + 10) + "in the real lab: " + real + "\n"
            }
        }
        for note in report.notes { text += "note: \(note)\n" }
        let failed = report.rows.filter { !$0.passed }.count
        text +=
            failed == 0
            ? "all \(report.rows.count) checks pass (\(String(format: "%.1f", report.seconds)) s)\n"
            : "\(failed) of \(report.rows.count) checks fail (\(String(format: "%.1f", report.seconds)) s)\n"
        return text
    }

    public static func trace(_ hops: [EmulationTrace.Hop], from: String, to: String, lab: String) -> String {
        var text = "trace of one packet in lab \(lab): \(from) -> \(to)\n"
        for (index, hop) in hops.enumerated() {
            text += "\(String(format: "%2d", index + 1)). \(hop.at): \(hop.action)\n      \(hop.headers)\n"
        }
        return text
    }
}

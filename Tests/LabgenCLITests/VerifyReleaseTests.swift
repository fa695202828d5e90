import Foundation
import Testing

/// `labgen verify` names the VyOS release a hand-written config.boot says it is in.
@Suite("labgen verify names VyOS releases")
struct VerifyReleaseTests {
    @Test func summaryNamesTheReleaseOfTheFooter() throws {
        let workspace = try Workspace()
        let folder = workspace.path("lab")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let equuleus = """
            interfaces {
                ethernet eth1 {
                    address 10.1.5.1/24
                }
            }
            system {
                host-name gw0
                ntp {
                    server time1.vyos.net {
                    }
                }
            }


            // Warning: Do not remove the following line.
            // vyos-config-version: "interfaces@22:nat@5:system@21"
            // Release version: 1.3.3

            """
        try equuleus.write(to: folder.appendingPathComponent("config.boot"), atomically: true, encoding: .utf8)
        let result = workspace.labgen(["verify", "lab"])
        #expect(
            result.out.contains(
                "(checked 1 VyOS config (1.3.3 equuleus); not found: kind config, containerlab topology, Calico pool)"),
            "\(result.out)\(result.err)")

        let circinus = equuleus.replacingOccurrences(of: "1.3.3", with: "1.5-rolling-202412060007")
        try circinus.write(to: folder.appendingPathComponent("gw1.boot"), atomically: true, encoding: .utf8)
        let two = workspace.labgen(["verify", "lab"])
        let expected = "2 VyOS configs (config.boot 1.3.3 equuleus, gw1.boot 1.5-rolling-202412060007 circinus)"
        #expect(
            two.out.contains(expected),
            "\(two.out)\(two.err)")
    }
}

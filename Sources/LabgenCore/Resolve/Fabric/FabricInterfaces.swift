import LabModel

/// Router interface names: `eth1`, `eth2`, ... (`eth0` is containerlab's management interface).
enum FabricInterfaces {
    /// The lowest `ethN` (N >= 1) that none of `taken` uses.
    static func nextFree(_ taken: some Sequence<String>) -> String {
        let used = Set(taken)
        var number = 1
        while used.contains("eth\(number)") { number += 1 }
        return "eth\(number)"
    }

    /// Interfaces in VyOS's order: by type, then by number (`eth2` before `eth10`).
    static func sorted(_ interfaces: [GatewayInterfacePlan]) -> [GatewayInterfacePlan] {
        interfaces.sorted { key($0.name) < key($1.name) }
    }

    private static func key(_ name: String) -> (String, Int, String) {
        let letters = String(name.prefix { $0.isLetter })
        let digits = name.dropFirst(letters.count).prefix { $0.isNumber }
        return (letters, Int(digits) ?? 0, name)
    }

    /// Why a written router interface name is refused, or nil: an `ethN` with N >= 1.
    static func problem(_ name: String) -> String? {
        if name == "eth0" { return "'eth0' is containerlab's management interface; use eth1 or higher" }
        guard name.hasPrefix("eth"), let number = Int(name.dropFirst(3)), number >= 1,
            String(number) == name.dropFirst(3)
        else { return "'\(name.debugEscaped)' is not an ethernet interface name (eth1, eth2, ...)" }
        return nil
    }
}

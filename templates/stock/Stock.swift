// Per-release boilerplate that labgen renders into every lab, kept as data files beside this
// one and embedded into the binary at build time (no file is looked up at run time).

/// Stock configuration data shipped with labgen.
public enum Stock {
    /// The VyOS stock config.boot of a release series (`1.2`, `1.3`, `1.4`, `1.5`), or nil when labgen
    /// has none. Where each comes from: `vyos/README.md`.
    public static func vyosBootConfig(series: String) -> String? {
        switch series {
        case "1.2": String(decoding: PackageResources.vyos_1_2_boot, as: UTF8.self)
        case "1.3": String(decoding: PackageResources.vyos_1_3_boot, as: UTF8.self)
        case "1.4": String(decoding: PackageResources.vyos_1_4_boot, as: UTF8.self)
        case "1.5": String(decoding: PackageResources.vyos_1_5_boot, as: UTF8.self)
        default: nil
        }
    }

    /// The release series labgen has stock data for.
    public static let vyosSeries = ["1.2", "1.3", "1.4", "1.5"]
}

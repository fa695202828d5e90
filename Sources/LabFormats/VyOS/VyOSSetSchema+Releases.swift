// The `set` schemas of VyOS 1.3 (equuleus) and 1.5 (circinus), next to those of 1.2 and 1.4 in
// `VyOSSetSchemaData.swift`. Checked against the trees `vyos-equuleus-tree.json` (vyos-1x `equuleus`
// @ a79b590) and `vyos-current-tree.json` (vyos-1x `current` @ 3710c58) of the shared validator.

extension VyOSSetSchema {
    /// VyOS 1.3 keeps the 1.2 tag nodes (`protocols bgp <asn>`, `system ntp server`, `firewall name`,
    /// `protocols static interface-route`) and adds containers.
    public static let equuleus = builtIn(cruxTagPaths + "\n" + equuleusExtraTagPaths)

    /// VyOS 1.5 keeps the 1.4 tag nodes; its syslog is `system syslog local` and `remote` from the
    /// system@29 migration on (earlier 1.5 builds write `global` and `host`, which 1.4 has).
    public static let circinus = builtIn(sagittaTagPaths + "\n" + circinusExtraTagPaths)

    /// The schema of a dialect.
    public static func forDialect(_ dialect: VyOSDialect) -> VyOSSetSchema {
        switch dialect {
        case .crux: .crux
        case .equuleus: .equuleus
        case .sagitta: .sagitta
        case .circinus: .circinus
        }
    }

    static let equuleusExtraTagPaths = """
        container name
        container name port
        container name volume
        """

    static let circinusExtraTagPaths = """
        system syslog local facility
        system syslog remote
        system syslog remote facility
        """
}

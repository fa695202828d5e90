/// Longer texts of `labgen explain` for model checks that need more than their summary line.
extension ModelCheck {
    /// What the check rejects and what breaks otherwise; nil for checks whose summary says it all.
    public var explanation: String? {
        switch self {
        case .unsupportedRelease:
            """
            A gateway's VyOS release picks the config.boot dialect labgen writes. The release is the
            gateway's `vyos:` setting, or, without it, the tag of its `image:` (`vyos/vyos:1.5.0`,
            `vyos/vyos:1.5-rolling-202412060007`). labgen writes four dialects, each from the stock
            configuration of its release in templates/stock/vyos/:

              1.2 crux      values bare when plain, `system ntp`, `outbound-interface eth0`, `level admin`,
                            `/* === vyatta-config-version ... */` footer
              1.3 equuleus  values bare when plain, `system ntp`, `outbound-interface eth0`, no `level`,
                            `// vyos-config-version` footer
              1.4 sagitta   every value quoted, `service ntp`, `outbound-interface { name eth0 }`
              1.5 circinus  as 1.4, with 1.5's defaults (`service ntp allow-client`) and component versions

            Any other release (1.1, or a tag that is no version such as `latest`), or a gateway with
            neither `vyos:` nor a tagged image, is this error: a config in the wrong dialect does not
            load, and the router boots without its rack addresses and NAT. Write the release the image
            runs, e.g. `Gateway("gw0", vyos: "1.5.0")`.
            """
        case .releaseMismatch:
            """
            The gateway's `vyos:` setting and its image tag name different release series (for example
            `vyos: "1.4.9"` with `image: "vyos/vyos:1.5.0"`). labgen writes the config in the dialect of
            `vyos:`, and the footer tells the router which migrations to run; a router of another series
            reads it with the wrong syntax or skips migrations it needs (1.2/1.3 syntax such as
            `outbound-interface eth0` does not load on 1.4 and later). Make the two agree, or leave out
            `vyos:` to take the release from the image tag.
            """
        default:
            nil
        }
    }
}

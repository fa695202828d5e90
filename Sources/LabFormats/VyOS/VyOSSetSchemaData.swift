// The tag nodes the `set` reader knows, by name path (tag values left out), one per line.
//
// Hand-maintained from the VyOS documentation for the parts of a configuration that labs use:
// interfaces, NAT, static routes, BGP/OSPF basics, firewall names and groups, DHCP, the system
// section and containers. A path not listed here reads as a container or leaf (see
// `VyOSSetSchema`); for text labgen wrote itself, `VyOSSetSchema.inferred(from:)` is exact.

extension VyOSSetSchema {
    /// Tag nodes shared by VyOS 1.2 (crux) and 1.4 (sagitta).
    private static let commonTagPaths = """
        interfaces bonding
        interfaces bonding vif
        interfaces bridge
        interfaces bridge member interface
        interfaces bridge vif
        interfaces dummy
        interfaces ethernet
        interfaces ethernet vif
        interfaces loopback
        interfaces tunnel
        interfaces vxlan
        interfaces wireguard
        interfaces wireguard peer
        nat destination rule
        nat source rule
        firewall group address-group
        firewall group network-group
        firewall group port-group
        high-availability vrrp group
        policy prefix-list
        policy prefix-list rule
        policy route-map
        policy route-map rule
        protocols ospf area
        protocols static route
        protocols static route next-hop
        protocols static route blackhole distance
        service dhcp-server shared-network-name
        service dhcp-server shared-network-name subnet
        service dhcp-server shared-network-name subnet static-mapping
        system console device
        system login user
        system login user authentication public-keys
        system static-host-mapping host-name
        system syslog file
        system syslog global facility
        system syslog host
        system syslog host facility
        """

    /// Containers that may end a `set` line empty (BGP's per-neighbour address family, which VyOS
    /// writes as an empty block) or hold a valueless leaf (`bestpath as-path multipath-relax`), in
    /// every release: read as containers, not as a leaf and its value.
    static let containerPaths = """
        protocols bgp neighbor address-family
        protocols bgp neighbor address-family ipv4-unicast
        protocols bgp address-family
        protocols bgp address-family ipv4-unicast
        protocols bgp parameters
        protocols bgp parameters bestpath
        protocols bgp parameters bestpath as-path
        """

    /// Tag node paths of VyOS 1.2 (crux).
    static let cruxTagPaths =
        commonTagPaths + "\n" + """
            firewall name
            firewall name rule
            protocols bgp
            protocols bgp neighbor
            protocols bgp address-family ipv4-unicast network
            protocols bgp peer-group
            protocols static interface-route
            protocols static interface-route next-hop-interface
            system ntp server
            """

    /// Tag node paths of VyOS 1.4 (sagitta).
    static let sagittaTagPaths =
        commonTagPaths + "\n" + """
            container name
            container name port
            container name volume
            firewall ipv4 name
            firewall ipv4 name rule
            protocols bgp neighbor
            protocols bgp address-family ipv4-unicast network
            protocols bgp peer-group
            protocols static route interface
            service ntp server
            """
}

// Generated from shared/schemas/vyos-{crux,sagitta}-tree.json (see shared/schemas/SOURCES.md:
// vyos/vyos-1x interface-definitions and the vyatta node.def templates). Do not edit by hand.
//
// The name paths (tag values left out) of every tag node, one per line.

extension VyOSSetSchema {
    /// Tag node paths of VyOS 1.2 (crux), 251 of them.
    static let cruxTagPaths = """
        firewall group address-group
        firewall group ipv6-address-group
        firewall group ipv6-network-group
        firewall group network-group
        firewall group port-group
        firewall ipv6-name
        firewall ipv6-name rule
        firewall name
        firewall name rule
        firewall options interface
        high-availability vrrp group
        high-availability vrrp sync-group
        interfaces bonding
        interfaces bonding ip ospf authentication md5 key-id
        interfaces bonding ip rip authentication md5
        interfaces bonding vif
        interfaces bonding vif ip ospf authentication md5 key-id
        interfaces bonding vif ip rip authentication md5
        interfaces bonding vif-s
        interfaces bonding vif-s ip ospf authentication md5 key-id
        interfaces bonding vif-s ip rip authentication md5
        interfaces bonding vif-s vif-c
        interfaces bonding vif-s vif-c ip ospf authentication md5 key-id
        interfaces bonding vif-s vif-c ip rip authentication md5
        interfaces bridge
        interfaces bridge ip ospf authentication md5 key-id
        interfaces bridge ip rip authentication md5
        interfaces dummy
        interfaces dummy ip ospf authentication md5 key-id
        interfaces dummy ip rip authentication md5
        interfaces ethernet
        interfaces ethernet ip ospf authentication md5 key-id
        interfaces ethernet ip rip authentication md5
        interfaces ethernet pppoe
        interfaces ethernet pppoe ip ospf authentication md5 key-id
        interfaces ethernet pppoe ip rip authentication md5
        interfaces ethernet vif
        interfaces ethernet vif ip ospf authentication md5 key-id
        interfaces ethernet vif ip rip authentication md5
        interfaces ethernet vif pppoe
        interfaces ethernet vif pppoe ip ospf authentication md5 key-id
        interfaces ethernet vif pppoe ip rip authentication md5
        interfaces ethernet vif-s
        interfaces ethernet vif-s ip ospf authentication md5 key-id
        interfaces ethernet vif-s ip rip authentication md5
        interfaces ethernet vif-s vif-c
        interfaces ethernet vif-s vif-c ip ospf authentication md5 key-id
        interfaces ethernet vif-s vif-c ip rip authentication md5
        interfaces input
        interfaces l2tpv3
        interfaces l2tpv3 ip ospf authentication md5 key-id
        interfaces l2tpv3 ip rip authentication md5
        interfaces loopback
        interfaces loopback ip ospf authentication md5 key-id
        interfaces loopback ip rip authentication md5
        interfaces openvpn
        interfaces openvpn ip ospf authentication md5 key-id
        interfaces openvpn ip rip authentication md5
        interfaces pseudo-ethernet
        interfaces pseudo-ethernet ip ospf authentication md5 key-id
        interfaces pseudo-ethernet ip rip authentication md5
        interfaces pseudo-ethernet vif
        interfaces pseudo-ethernet vif ip ospf authentication md5 key-id
        interfaces pseudo-ethernet vif ip rip authentication md5
        interfaces pseudo-ethernet vif-s
        interfaces pseudo-ethernet vif-s ip ospf authentication md5 key-id
        interfaces pseudo-ethernet vif-s ip rip authentication md5
        interfaces pseudo-ethernet vif-s vif-c
        interfaces pseudo-ethernet vif-s vif-c ip ospf authentication md5 key-id
        interfaces pseudo-ethernet vif-s vif-c ip rip authentication md5
        interfaces tunnel
        interfaces tunnel ip ospf authentication md5 key-id
        interfaces tunnel ip rip authentication md5
        interfaces vti
        interfaces vti ip ospf authentication md5 key-id
        interfaces vti ip rip authentication md5
        interfaces vxlan
        interfaces vxlan ip ospf authentication md5 key-id
        interfaces vxlan ip rip authentication md5
        interfaces wireguard
        interfaces wireguard ip ospf authentication md5 key-id
        interfaces wireguard ip rip authentication md5
        interfaces wireguard peer
        interfaces wireless
        interfaces wireless ip ospf authentication md5 key-id
        interfaces wireless ip rip authentication md5
        interfaces wireless vif
        interfaces wireless vif ip ospf authentication md5 key-id
        interfaces wireless vif ip rip authentication md5
        interfaces wirelessmodem
        interfaces wirelessmodem ip ospf authentication md5 key-id
        interfaces wirelessmodem ip rip authentication md5
        load-balancing wan interface-health
        load-balancing wan interface-health test
        load-balancing wan rule
        load-balancing wan rule interface
        nat destination rule
        nat nptv6 rule
        nat source rule
        policy access-list
        policy access-list rule
        policy access-list6
        policy access-list6 rule
        policy as-path-list
        policy as-path-list rule
        policy community-list
        policy community-list rule
        policy extcommunity-list
        policy extcommunity-list rule
        policy ipv6-route
        policy ipv6-route rule
        policy large-community-list
        policy large-community-list rule
        policy prefix-list
        policy prefix-list rule
        policy prefix-list6
        policy prefix-list6 rule
        policy route
        policy route rule
        policy route-map
        policy route-map rule
        protocols bfd peer
        protocols bgp
        protocols bgp address-family ipv4-unicast aggregate-address
        protocols bgp address-family ipv4-unicast network
        protocols bgp address-family ipv6-unicast aggregate-address
        protocols bgp address-family ipv6-unicast network
        protocols bgp neighbor
        protocols bgp neighbor local-as
        protocols bgp parameters distance prefix
        protocols bgp peer-group
        protocols bgp peer-group local-as
        protocols igmp interface
        protocols igmp interface join
        protocols igmp-proxy interface
        protocols ospf access-list
        protocols ospf area
        protocols ospf area range
        protocols ospf area virtual-link
        protocols ospf area virtual-link authentication md5 key-id
        protocols ospf neighbor
        protocols ospfv3 area
        protocols ospfv3 area range
        protocols pim interface
        protocols pim rp address
        protocols rip distribute-list interface
        protocols rip network-distance
        protocols ripng distribute-list interface
        protocols rpki cache
        protocols static arp
        protocols static interface-route
        protocols static interface-route next-hop-interface
        protocols static interface-route6
        protocols static interface-route6 next-hop-interface
        protocols static multicast interface-route
        protocols static multicast interface-route next-hop-interface
        protocols static multicast route
        protocols static multicast route next-hop
        protocols static route
        protocols static route next-hop
        protocols static route6
        protocols static route6 next-hop
        protocols static table
        protocols static table interface-route
        protocols static table interface-route next-hop-interface
        protocols static table interface-route6
        protocols static table interface-route6 next-hop-interface
        protocols static table route
        protocols static table route next-hop
        protocols static table route6
        protocols static table route6 next-hop
        service broadcast-relay id
        service dhcp-server shared-network-name
        service dhcp-server shared-network-name subnet
        service dhcp-server shared-network-name subnet range
        service dhcp-server shared-network-name subnet static-mapping
        service dhcpv6-relay listen-interface
        service dhcpv6-relay upstream-interface
        service dhcpv6-server shared-network-name
        service dhcpv6-server shared-network-name subnet
        service dhcpv6-server shared-network-name subnet address-range prefix
        service dhcpv6-server shared-network-name subnet address-range start
        service dhcpv6-server shared-network-name subnet prefix-delegation start
        service dhcpv6-server shared-network-name subnet static-mapping
        service dns dynamic interface
        service dns dynamic interface rfc2136
        service dns dynamic interface service
        service dns forwarding domain
        service https api keys id
        service https listen-address
        service pppoe-server authentication local-users username
        service pppoe-server authentication radius-server
        service pppoe-server pado-delay
        service snmp community
        service snmp listen-address
        service snmp script-extensions extension-name
        service snmp trap-target
        service snmp v3 group
        service snmp v3 trap-target
        service snmp v3 user
        service snmp v3 view
        service snmp v3 view oid
        system conntrack ignore rule
        system conntrack timeout custom rule
        system console device
        system console network
        system login radius-server
        system login user
        system login user authentication public-keys
        system ntp server
        system static-host-mapping host-name
        system sysctl all
        system sysctl custom
        system syslog console facility
        system syslog file
        system syslog file facility
        system syslog global facility
        system syslog host
        system syslog host facility
        system syslog user
        system syslog user facility
        system task-scheduler task
        traffic-policy drop-tail
        traffic-policy fair-queue
        traffic-policy fq-codel
        traffic-policy limiter
        traffic-policy limiter class
        traffic-policy network-emulator
        traffic-policy priority-queue
        traffic-policy priority-queue class
        traffic-policy random-detect
        traffic-policy random-detect precedence
        traffic-policy rate-control
        traffic-policy round-robin
        traffic-policy round-robin class
        traffic-policy shaper
        traffic-policy shaper class
        traffic-policy shaper-hfsc
        traffic-policy shaper-hfsc class
        vpn ipsec esp-group
        vpn ipsec esp-group proposal
        vpn ipsec ike-group
        vpn ipsec ike-group proposal
        vpn ipsec nat-networks allowed-network
        vpn ipsec profile
        vpn ipsec profile bind tunnel
        vpn ipsec site-to-site peer
        vpn ipsec site-to-site peer tunnel
        vpn rsa-keys rsa-key-name
        zone-policy zone
        zone-policy zone from
        """

    /// Tag node paths of VyOS 1.4 (sagitta), 511 of them.
    static let sagittaTagPaths = """
        container name
        container name device
        container name environment
        container name label
        container name network
        container name port
        container name sysctl parameter
        container name volume
        container network
        container registry
        firewall bridge forward filter rule
        firewall bridge name
        firewall bridge name rule
        firewall flowtable
        firewall group address-group
        firewall group domain-group
        firewall group dynamic-group address-group
        firewall group dynamic-group ipv6-address-group
        firewall group interface-group
        firewall group ipv6-address-group
        firewall group ipv6-network-group
        firewall group mac-group
        firewall group network-group
        firewall group port-group
        firewall ipv4 forward filter rule
        firewall ipv4 input filter rule
        firewall ipv4 name
        firewall ipv4 name rule
        firewall ipv4 output filter rule
        firewall ipv6 forward filter rule
        firewall ipv6 input filter rule
        firewall ipv6 name
        firewall ipv6 name rule
        firewall ipv6 output filter rule
        firewall zone
        firewall zone from
        high-availability virtual-server
        high-availability virtual-server real-server
        high-availability vrrp group
        high-availability vrrp group address
        high-availability vrrp group excluded-address
        high-availability vrrp sync-group
        interfaces bonding
        interfaces bonding dhcpv6-options pd
        interfaces bonding dhcpv6-options pd interface
        interfaces bonding vif
        interfaces bonding vif dhcpv6-options pd
        interfaces bonding vif dhcpv6-options pd interface
        interfaces bonding vif-s
        interfaces bonding vif-s dhcpv6-options pd
        interfaces bonding vif-s dhcpv6-options pd interface
        interfaces bonding vif-s vif-c
        interfaces bonding vif-s vif-c dhcpv6-options pd
        interfaces bonding vif-s vif-c dhcpv6-options pd interface
        interfaces bridge
        interfaces bridge dhcpv6-options pd
        interfaces bridge dhcpv6-options pd interface
        interfaces bridge member interface
        interfaces bridge vif
        interfaces bridge vif dhcpv6-options pd
        interfaces bridge vif dhcpv6-options pd interface
        interfaces dummy
        interfaces ethernet
        interfaces ethernet dhcpv6-options pd
        interfaces ethernet dhcpv6-options pd interface
        interfaces ethernet vif
        interfaces ethernet vif dhcpv6-options pd
        interfaces ethernet vif dhcpv6-options pd interface
        interfaces ethernet vif-s
        interfaces ethernet vif-s dhcpv6-options pd
        interfaces ethernet vif-s dhcpv6-options pd interface
        interfaces ethernet vif-s vif-c
        interfaces ethernet vif-s vif-c dhcpv6-options pd
        interfaces ethernet vif-s vif-c dhcpv6-options pd interface
        interfaces geneve
        interfaces input
        interfaces l2tpv3
        interfaces loopback
        interfaces macsec
        interfaces macsec dhcpv6-options pd
        interfaces macsec dhcpv6-options pd interface
        interfaces macsec security static peer
        interfaces openvpn
        interfaces openvpn local-address
        interfaces openvpn server client
        interfaces openvpn server push-route
        interfaces pppoe
        interfaces pppoe dhcpv6-options pd
        interfaces pppoe dhcpv6-options pd interface
        interfaces pseudo-ethernet
        interfaces pseudo-ethernet dhcpv6-options pd
        interfaces pseudo-ethernet dhcpv6-options pd interface
        interfaces pseudo-ethernet vif
        interfaces pseudo-ethernet vif dhcpv6-options pd
        interfaces pseudo-ethernet vif dhcpv6-options pd interface
        interfaces pseudo-ethernet vif-s
        interfaces pseudo-ethernet vif-s dhcpv6-options pd
        interfaces pseudo-ethernet vif-s dhcpv6-options pd interface
        interfaces pseudo-ethernet vif-s vif-c
        interfaces pseudo-ethernet vif-s vif-c dhcpv6-options pd
        interfaces pseudo-ethernet vif-s vif-c dhcpv6-options pd interface
        interfaces sstpc
        interfaces tunnel
        interfaces virtual-ethernet
        interfaces virtual-ethernet dhcpv6-options pd
        interfaces virtual-ethernet dhcpv6-options pd interface
        interfaces virtual-ethernet vif
        interfaces virtual-ethernet vif dhcpv6-options pd
        interfaces virtual-ethernet vif dhcpv6-options pd interface
        interfaces virtual-ethernet vif-s
        interfaces virtual-ethernet vif-s dhcpv6-options pd
        interfaces virtual-ethernet vif-s dhcpv6-options pd interface
        interfaces virtual-ethernet vif-s vif-c
        interfaces virtual-ethernet vif-s vif-c dhcpv6-options pd
        interfaces virtual-ethernet vif-s vif-c dhcpv6-options pd interface
        interfaces vti
        interfaces vxlan
        interfaces vxlan vlan-to-vni
        interfaces wireguard
        interfaces wireguard peer
        interfaces wireless
        interfaces wireless dhcpv6-options pd
        interfaces wireless dhcpv6-options pd interface
        interfaces wireless security wpa radius server
        interfaces wireless vif
        interfaces wireless vif dhcpv6-options pd
        interfaces wireless vif dhcpv6-options pd interface
        interfaces wireless vif-s
        interfaces wireless vif-s dhcpv6-options pd
        interfaces wireless vif-s dhcpv6-options pd interface
        interfaces wireless vif-s vif-c
        interfaces wireless vif-s vif-c dhcpv6-options pd
        interfaces wireless vif-s vif-c dhcpv6-options pd interface
        interfaces wwan
        interfaces wwan dhcpv6-options pd
        interfaces wwan dhcpv6-options pd interface
        load-balancing reverse-proxy backend
        load-balancing reverse-proxy backend http-response-headers
        load-balancing reverse-proxy backend logging facility
        load-balancing reverse-proxy backend rule
        load-balancing reverse-proxy backend server
        load-balancing reverse-proxy global-parameters logging facility
        load-balancing reverse-proxy service
        load-balancing reverse-proxy service http-response-headers
        load-balancing reverse-proxy service logging facility
        load-balancing reverse-proxy service rule
        load-balancing wan interface-health
        load-balancing wan interface-health test
        load-balancing wan rule
        load-balancing wan rule interface
        nat destination rule
        nat destination rule load-balance backend
        nat source rule
        nat source rule load-balance backend
        nat static rule
        nat64 source rule
        nat64 source rule translation pool
        nat66 destination rule
        nat66 source rule
        pki ca
        pki certificate
        pki dh
        pki key-pair
        pki openssh
        pki openvpn shared-secret
        policy access-list
        policy access-list rule
        policy access-list6
        policy access-list6 rule
        policy as-path-list
        policy as-path-list rule
        policy community-list
        policy community-list rule
        policy extcommunity-list
        policy extcommunity-list rule
        policy large-community-list
        policy large-community-list rule
        policy local-route rule
        policy local-route6 rule
        policy prefix-list
        policy prefix-list rule
        policy prefix-list6
        policy prefix-list6 rule
        policy route
        policy route rule
        policy route-map
        policy route-map rule
        policy route6
        policy route6 rule
        protocols babel distribute-list ipv4 interface
        protocols babel distribute-list ipv6 interface
        protocols babel interface
        protocols bfd peer
        protocols bfd profile
        protocols bgp address-family ipv4-labeled-unicast aggregate-address
        protocols bgp address-family ipv4-labeled-unicast network
        protocols bgp address-family ipv4-multicast aggregate-address
        protocols bgp address-family ipv4-multicast distance prefix
        protocols bgp address-family ipv4-multicast network
        protocols bgp address-family ipv4-unicast aggregate-address
        protocols bgp address-family ipv4-unicast distance prefix
        protocols bgp address-family ipv4-unicast network
        protocols bgp address-family ipv4-vpn network
        protocols bgp address-family ipv6-labeled-unicast aggregate-address
        protocols bgp address-family ipv6-labeled-unicast network
        protocols bgp address-family ipv6-multicast aggregate-address
        protocols bgp address-family ipv6-multicast distance prefix
        protocols bgp address-family ipv6-multicast network
        protocols bgp address-family ipv6-unicast aggregate-address
        protocols bgp address-family ipv6-unicast distance prefix
        protocols bgp address-family ipv6-unicast network
        protocols bgp address-family ipv6-vpn network
        protocols bgp address-family l2vpn-evpn vni
        protocols bgp bmp target
        protocols bgp interface
        protocols bgp listen range
        protocols bgp neighbor
        protocols bgp neighbor local-as
        protocols bgp neighbor local-role
        protocols bgp parameters distance prefix
        protocols bgp peer-group
        protocols bgp peer-group local-as
        protocols bgp peer-group local-role
        protocols failover route
        protocols failover route next-hop
        protocols igmp-proxy interface
        protocols isis fast-reroute lfa local tiebreaker downstream index
        protocols isis fast-reroute lfa local tiebreaker lowest-backup-metric index
        protocols isis fast-reroute lfa local tiebreaker node-protecting index
        protocols isis fast-reroute lfa remote prefix-list
        protocols isis interface
        protocols isis segment-routing prefix
        protocols mpls ldp neighbor
        protocols nhrp tunnel
        protocols nhrp tunnel dynamic-map
        protocols nhrp tunnel map
        protocols nhrp tunnel shortcut-target
        protocols ospf access-list
        protocols ospf area
        protocols ospf area range
        protocols ospf area virtual-link
        protocols ospf area virtual-link authentication md5 key-id
        protocols ospf interface
        protocols ospf interface authentication md5 key-id
        protocols ospf neighbor
        protocols ospf redistribute table
        protocols ospf segment-routing prefix
        protocols ospf summary-address
        protocols ospfv3 area
        protocols ospfv3 area range
        protocols ospfv3 interface
        protocols pim interface
        protocols pim interface igmp join
        protocols pim rp address
        protocols pim6 interface
        protocols pim6 interface mld join
        protocols pim6 rp address
        protocols rip distribute-list interface
        protocols rip interface
        protocols rip interface authentication md5
        protocols rip network-distance
        protocols ripng distribute-list interface
        protocols ripng interface
        protocols rpki cache
        protocols segment-routing interface
        protocols segment-routing srv6 locator
        protocols static arp interface
        protocols static arp interface address
        protocols static multicast interface-route
        protocols static multicast interface-route next-hop-interface
        protocols static multicast route
        protocols static multicast route next-hop
        protocols static neighbor-proxy arp
        protocols static neighbor-proxy nd
        protocols static route
        protocols static route interface
        protocols static route next-hop
        protocols static route next-hop bfd multi-hop source
        protocols static route6
        protocols static route6 interface
        protocols static route6 next-hop
        protocols static route6 next-hop bfd multi-hop source
        protocols static table
        protocols static table route
        protocols static table route interface
        protocols static table route next-hop
        protocols static table route next-hop bfd multi-hop source
        protocols static table route6
        protocols static table route6 interface
        protocols static table route6 next-hop
        protocols static table route6 next-hop bfd multi-hop source
        qos interface
        qos policy cake
        qos policy drop-tail
        qos policy fair-queue
        qos policy fq-codel
        qos policy limiter
        qos policy limiter class
        qos policy limiter class match
        qos policy network-emulator
        qos policy priority-queue
        qos policy priority-queue class
        qos policy priority-queue class match
        qos policy random-detect
        qos policy random-detect precedence
        qos policy rate-control
        qos policy round-robin
        qos policy round-robin class
        qos policy round-robin class match
        qos policy shaper
        qos policy shaper class
        qos policy shaper class match
        qos policy shaper-hfsc
        qos policy shaper-hfsc class
        qos policy shaper-hfsc class match
        service broadcast-relay id
        service conntrack-sync interface
        service console-server device
        service dhcp-server shared-network-name
        service dhcp-server shared-network-name subnet
        service dhcp-server shared-network-name subnet range
        service dhcp-server shared-network-name subnet static-mapping
        service dhcp-server shared-network-name subnet static-route
        service dhcpv6-relay listen-interface
        service dhcpv6-relay upstream-interface
        service dhcpv6-server shared-network-name
        service dhcpv6-server shared-network-name subnet
        service dhcpv6-server shared-network-name subnet address-range prefix
        service dhcpv6-server shared-network-name subnet address-range start
        service dhcpv6-server shared-network-name subnet prefix-delegation start
        service dhcpv6-server shared-network-name subnet static-mapping
        service dns dynamic name
        service dns forwarding authoritative-domain
        service dns forwarding authoritative-domain records a
        service dns forwarding authoritative-domain records aaaa
        service dns forwarding authoritative-domain records cname
        service dns forwarding authoritative-domain records mx
        service dns forwarding authoritative-domain records mx server
        service dns forwarding authoritative-domain records naptr
        service dns forwarding authoritative-domain records naptr rule
        service dns forwarding authoritative-domain records ns
        service dns forwarding authoritative-domain records ptr
        service dns forwarding authoritative-domain records spf
        service dns forwarding authoritative-domain records srv
        service dns forwarding authoritative-domain records srv entry
        service dns forwarding authoritative-domain records txt
        service dns forwarding domain
        service dns forwarding domain name-server
        service dns forwarding name-server
        service event-handler event
        service event-handler event script environment
        service https api keys id
        service ipoe-server authentication interface
        service ipoe-server authentication interface mac
        service ipoe-server authentication radius server
        service ipoe-server client-ip-pool
        service ipoe-server client-ipv6-pool
        service ipoe-server client-ipv6-pool delegate
        service ipoe-server client-ipv6-pool prefix
        service ipoe-server interface
        service lldp interface
        service monitoring zabbix-agent server-active
        service ndp-proxy interface
        service ndp-proxy interface prefix
        service ntp server
        service pppoe-server authentication local-users username
        service pppoe-server authentication radius server
        service pppoe-server client-ip-pool
        service pppoe-server client-ipv6-pool
        service pppoe-server client-ipv6-pool delegate
        service pppoe-server client-ipv6-pool prefix
        service pppoe-server interface
        service pppoe-server pado-delay
        service router-advert interface
        service router-advert interface nat64prefix
        service router-advert interface prefix
        service router-advert interface route
        service snmp community
        service snmp listen-address
        service snmp script-extensions extension-name
        service snmp trap-target
        service snmp v3 group
        service snmp v3 trap-target
        service snmp v3 user
        service snmp v3 view
        service snmp v3 view oid
        service tftp-server listen-address
        service webproxy cache-peer
        service webproxy listen-address
        service webproxy url-filtering squidguard rule
        service webproxy url-filtering squidguard source-group
        service webproxy url-filtering squidguard time-period
        service webproxy url-filtering squidguard time-period days
        system conntrack ignore ipv4 rule
        system conntrack ignore ipv6 rule
        system conntrack timeout custom ipv4 rule
        system conntrack timeout custom ipv6 rule
        system console device
        system flow-accounting netflow server
        system flow-accounting sflow server
        system ip protocol
        system ipv6 protocol
        system login radius server
        system login tacacs server
        system login user
        system login user authentication public-keys
        system sflow server
        system static-host-mapping host-name
        system sysctl parameter
        system syslog console facility
        system syslog file
        system syslog file facility
        system syslog global facility
        system syslog host
        system syslog host facility
        system syslog user
        system syslog user facility
        system task-scheduler task
        vpn ipsec authentication psk
        vpn ipsec esp-group
        vpn ipsec esp-group proposal
        vpn ipsec ike-group
        vpn ipsec ike-group proposal
        vpn ipsec profile
        vpn ipsec remote-access connection
        vpn ipsec remote-access connection authentication local-users username
        vpn ipsec remote-access pool
        vpn ipsec remote-access radius server
        vpn ipsec site-to-site peer
        vpn ipsec site-to-site peer tunnel
        vpn l2tp remote-access authentication local-users username
        vpn l2tp remote-access authentication radius server
        vpn l2tp remote-access client-ip-pool
        vpn l2tp remote-access client-ipv6-pool
        vpn l2tp remote-access client-ipv6-pool delegate
        vpn l2tp remote-access client-ipv6-pool prefix
        vpn openconnect accounting radius server
        vpn openconnect authentication local-users username
        vpn openconnect authentication radius server
        vpn pptp remote-access authentication local-users username
        vpn pptp remote-access authentication radius server
        vpn pptp remote-access client-ip-pool
        vpn pptp remote-access client-ipv6-pool
        vpn pptp remote-access client-ipv6-pool delegate
        vpn pptp remote-access client-ipv6-pool prefix
        vpn sstp authentication local-users username
        vpn sstp authentication radius server
        vpn sstp client-ip-pool
        vpn sstp client-ipv6-pool
        vpn sstp client-ipv6-pool delegate
        vpn sstp client-ipv6-pool prefix
        vrf name
        vrf name ip protocol
        vrf name ipv6 protocol
        vrf name protocols bgp address-family ipv4-labeled-unicast aggregate-address
        vrf name protocols bgp address-family ipv4-labeled-unicast network
        vrf name protocols bgp address-family ipv4-multicast aggregate-address
        vrf name protocols bgp address-family ipv4-multicast distance prefix
        vrf name protocols bgp address-family ipv4-multicast network
        vrf name protocols bgp address-family ipv4-unicast aggregate-address
        vrf name protocols bgp address-family ipv4-unicast distance prefix
        vrf name protocols bgp address-family ipv4-unicast network
        vrf name protocols bgp address-family ipv4-vpn network
        vrf name protocols bgp address-family ipv6-labeled-unicast aggregate-address
        vrf name protocols bgp address-family ipv6-labeled-unicast network
        vrf name protocols bgp address-family ipv6-multicast aggregate-address
        vrf name protocols bgp address-family ipv6-multicast distance prefix
        vrf name protocols bgp address-family ipv6-multicast network
        vrf name protocols bgp address-family ipv6-unicast aggregate-address
        vrf name protocols bgp address-family ipv6-unicast distance prefix
        vrf name protocols bgp address-family ipv6-unicast network
        vrf name protocols bgp address-family ipv6-vpn network
        vrf name protocols bgp address-family l2vpn-evpn vni
        vrf name protocols bgp bmp target
        vrf name protocols bgp interface
        vrf name protocols bgp listen range
        vrf name protocols bgp neighbor
        vrf name protocols bgp neighbor local-as
        vrf name protocols bgp neighbor local-role
        vrf name protocols bgp parameters distance prefix
        vrf name protocols bgp peer-group
        vrf name protocols bgp peer-group local-as
        vrf name protocols bgp peer-group local-role
        vrf name protocols isis fast-reroute lfa local tiebreaker downstream index
        vrf name protocols isis fast-reroute lfa local tiebreaker lowest-backup-metric index
        vrf name protocols isis fast-reroute lfa local tiebreaker node-protecting index
        vrf name protocols isis fast-reroute lfa remote prefix-list
        vrf name protocols isis interface
        vrf name protocols isis segment-routing prefix
        vrf name protocols ospf access-list
        vrf name protocols ospf area
        vrf name protocols ospf area range
        vrf name protocols ospf area virtual-link
        vrf name protocols ospf area virtual-link authentication md5 key-id
        vrf name protocols ospf interface
        vrf name protocols ospf interface authentication md5 key-id
        vrf name protocols ospf neighbor
        vrf name protocols ospf redistribute table
        vrf name protocols ospf segment-routing prefix
        vrf name protocols ospf summary-address
        vrf name protocols ospfv3 area
        vrf name protocols ospfv3 area range
        vrf name protocols ospfv3 interface
        vrf name protocols static route
        vrf name protocols static route interface
        vrf name protocols static route next-hop
        vrf name protocols static route next-hop bfd multi-hop source
        vrf name protocols static route6
        vrf name protocols static route6 interface
        vrf name protocols static route6 next-hop
        vrf name protocols static route6 next-hop bfd multi-hop source
        """
}

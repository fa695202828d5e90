// Hand-typed configurations in exactly the layout VyOS writes (each ends with a newline): a 1.2
// config.boot, the same as set commands, and a 1.4 config.boot, each with two rack interfaces,
// a source NAT masquerade rule and the stock system section. The footers are VyOS's own.

enum VyOSReferenceTexts {
    static let cruxBoot = #"""
        interfaces {
            ethernet eth1 {
                address 10.20.1.1/24
                duplex auto
                smp-affinity auto
                speed auto
            }
            ethernet eth2 {
                address 10.20.2.1/24
                duplex auto
                smp-affinity auto
                speed auto
            }
            loopback lo {
            }
        }
        nat {
            source {
                rule 100 {
                    outbound-interface eth0
                    source {
                        address 10.20.0.0/16
                    }
                    translation {
                        address masquerade
                    }
                }
            }
        }
        system {
            config-management {
                commit-revisions 100
            }
            console {
                device ttyS0 {
                    speed 9600
                }
            }
            host-name edge
            login {
                user vyos {
                    authentication {
                        encrypted-password $6$fixture.salt$Wm4yJ0qL8c2rN5vT1xZ7pA3sD9fG6hK0jL2mN4bV8cX1zQ5wE7rT3yU9iO6pA2sD4fG8hJ0kL3mN5bV7cX9zQ/
                        plaintext-password ""
                    }
                    level admin
                }
            }
            ntp {
                server ntp0.lab.example {
                }
                server ntp1.lab.example {
                }
                server ntp2.lab.example {
                }
            }
            syslog {
                global {
                    facility all {
                        level info
                    }
                    facility protocols {
                        level debug
                    }
                }
            }
            time-zone UTC
        }


        /* Warning: Do not remove the following line. */
        /* === vyatta-config-version: "qos@1:dhcp-server@5:webgui@1:pppoe-server@2:webproxy@2:firewall@5:pptp@1:dns-forwarding@1:mdns@1:quagga@7:webproxy@1:snmp@1:system@10:conntrack@1:l2tp@1:broadcast-relay@1:dhcp-relay@2:conntrack-sync@1:vrrp@2:ipsec@5:ntp@1:config-management@1:wanloadbalance@3:ssh@1:nat@4:zone-policy@1:cluster@1" === */
        /* Release version: 1.2.8 */

        """#

    static let cruxSet = #"""
        set interfaces ethernet eth1 address '10.20.1.1/24'
        set interfaces ethernet eth2 address '10.20.2.1/24'
        set interfaces loopback lo
        set nat source rule 100 outbound-interface 'eth0'
        set nat source rule 100 source address '10.20.0.0/16'
        set nat source rule 100 translation address 'masquerade'
        set system config-management commit-revisions '100'
        set system console device ttyS0 speed '9600'
        set system host-name 'edge'
        set system login user vyos authentication encrypted-password '$6$fixture.salt$Wm4yJ0qL8c2rN5vT1xZ7pA3sD9fG6hK0jL2mN4bV8cX1zQ5wE7rT3yU9iO6pA2sD4fG8hJ0kL3mN5bV7cX9zQ/'
        set system login user vyos authentication plaintext-password ''
        set system login user vyos level 'admin'
        set system ntp server ntp0.lab.example
        set system ntp server ntp1.lab.example
        set system ntp server ntp2.lab.example
        set system syslog global facility all level 'info'
        set system syslog global facility protocols level 'debug'

        """#

    static let sagittaBoot = #"""
        interfaces {
            ethernet eth1 {
                address "10.20.1.1/24"
                duplex "auto"
                speed "auto"
            }
            ethernet eth2 {
                address "10.20.2.1/24"
                duplex "auto"
                speed "auto"
            }
            loopback lo {
            }
        }
        nat {
            source {
                rule 100 {
                    outbound-interface {
                        name "eth0"
                    }
                    source {
                        address "10.20.0.0/16"
                    }
                    translation {
                        address "masquerade"
                    }
                }
            }
        }
        system {
            config-management {
                commit-revisions "100"
            }
            console {
                device ttyS0 {
                    speed "9600"
                }
            }
            host-name "core"
            login {
                user vyos {
                    authentication {
                        encrypted-password "$6$fixture.salt$Wm4yJ0qL8c2rN5vT1xZ7pA3sD9fG6hK0jL2mN4bV8cX1zQ5wE7rT3yU9iO6pA2sD4fG8hJ0kL3mN5bV7cX9zQ/"
                        plaintext-password ""
                    }
                }
            }
            time-zone "UTC"
        }

        // Warning: Do not remove the following line.
        // vyos-config-version: "bgp@4:broadcast-relay@1:cluster@1:config-management@1:conntrack@3:conntrack-sync@2:container@1:dhcp-relay@2:dhcp-server@6:dhcpv6-server@1:dns-dynamic@1:dns-forwarding@4:firewall@10:flow-accounting@1:https@4:ids@1:interfaces@29:ipoe-server@1:ipsec@12:isis@3:l2tp@4:lldp@1:mdns@1:monitoring@1:nat@5:nat66@1:ntp@2:openconnect@2:ospf@2:policy@5:pppoe-server@6:pptp@2:qos@2:quagga@11:rip@1:rpki@1:salt@1:snmp@3:ssh@2:sstp@4:system@26:vrf@3:vrrp@3:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2"
        // Release version: 1.4-rolling-202307070317

        """#
}

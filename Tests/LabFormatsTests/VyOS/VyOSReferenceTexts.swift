// The reference files of the calico-ipip-crosssubnet lab, verbatim (each ends with a newline).

enum VyOSReferenceTexts {
    /// calico/2-kind-calico-ipip-crosssubnet/startup-conf/gw0-boot.cfg (VyOS 1.2.8)
    static let cruxBoot = #"""
        interfaces {
            ethernet eth1 {
                address 10.1.5.1/24
                duplex auto
                smp-affinity auto
                speed auto
            }
            ethernet eth2 {
                address 10.1.8.1/24
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
                        address 10.1.0.0/16
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
            host-name vyos
            login {
                user vyos {
                    authentication {
                        encrypted-password $6$QxPS.uk6mfo$9QBSo8u1FkH16gMyAVhus6fU3LOzvLR9Z9.82m3tiHFAxTtIkhaZSWssSgzt4v4dGAL8rhVQxTg0oAG9/q11h/
                        plaintext-password ""
                    }
                    level admin
                }
            }
            ntp {
                server 0.pool.ntp.org {
                }
                server 1.pool.ntp.org {
                }
                server 2.pool.ntp.org {
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

    /// calico/2-kind-calico-ipip-crosssubnet/startup-conf/gw0.cfg (set commands)
    static let cruxSet = #"""
        set interfaces ethernet eth1 address '10.1.5.1/24'
        set interfaces ethernet eth2 address '10.1.8.1/24'
        set interfaces loopback lo
        set nat source rule 100 outbound-interface 'eth0'
        set nat source rule 100 source address '10.1.0.0/16'
        set nat source rule 100 translation address 'masquerade'
        set system config-management commit-revisions '100'
        set system console device ttyS0 speed '9600'
        set system host-name 'vyos'
        set system login user vyos authentication encrypted-password '$6$QxPS.uk6mfo$9QBSo8u1FkH16gMyAVhus6fU3LOzvLR9Z9.82m3tiHFAxTtIkhaZSWssSgzt4v4dGAL8rhVQxTg0oAG9/q11h/'
        set system login user vyos authentication plaintext-password ''
        set system login user vyos level 'admin'
        set system ntp server 0.pool.ntp.org
        set system ntp server 1.pool.ntp.org
        set system ntp server 2.pool.ntp.org
        set system syslog global facility all level 'info'
        set system syslog global facility protocols level 'debug'

        """#

    /// LabasCode/calico/02-calico-ipip-crosssubnet/startup-conf/gw0-boot.cfg (VyOS 1.4)
    static let sagittaBoot = #"""
        interfaces {
            ethernet eth1 {
                address "10.1.5.1/24"
                duplex "auto"
                speed "auto"
            }
            ethernet eth2 {
                address "10.1.8.1/24"
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
                        address "10.1.0.0/16"
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
            host-name "gw0"
            login {
                user vyos {
                    authentication {
                        encrypted-password "$6$QxPS.uk6mfo$9QBSo8u1FkH16gMyAVhus6fU3LOzvLR9Z9.82m3tiHFAxTtIkhaZSWssSgzt4v4dGAL8rhVQxTg0oAG9/q11h/"
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

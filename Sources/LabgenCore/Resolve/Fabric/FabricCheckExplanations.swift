/// `labgen explain` texts of the routed-fabric model checks (LG160-LG169).
extension ModelCheck {
    var fabricExplanation: String? {
        switch self {
        case .unknownRouter:
            """
            A `Link` joins two routers and a `PlainHost` hangs off one, by name. A name the lab does not declare
            (a typo, a router removed) would leave a containerlab link with a dangling endpoint, which
            `containerlab deploy` refuses, and a neighbour that nobody answers. A link from a router to itself
            is no link. Declare the router with `Router("name", ...)` or `Gateway("name", ...)`, or fix the name.
            """
        case .invalidASNumber:
            """
            A BGP AS number is 1 to 4294967294; 0 (RFC 7607), 23456 (AS_TRANS, RFC 6793), 65535 and 4294967295
            (RFC 7300) are reserved and FRR refuses or mishandles them. VyOS's commit rejects an AS outside the
            range, so the router boots without BGP. Labs use private AS numbers: 64512 to 65534, or
            4200000000 to 4294967294.
            """
        case .invalidLinkAddressing:
            """
            A point-to-point link needs a subnet with two addresses, one per end: a /31 (RFC 3021) or a /30, or any
            wider subnet written out. Without `subnet:` it takes the next free /31 (or /30) of the lab's
            `LinkPool`, which must then exist. Written addresses must be hosts of the subnet, and the two ends
            differ: two routers with one address, or an address outside the link's subnet, leave the BGP session
            and the static routes over the link without a next hop.
            """
        case .routerInterfaceConflict:
            """
            A router's interfaces are `eth1`, `eth2`, ...: `eth0` is containerlab's management interface (the racks
            are masqueraded out of it), and VyOS configures ethernet interfaces by these names. A name written
            twice on one router would put two links on one interface; containerlab refuses the second endpoint.
            """
        case .rackLeafMissing:
            """
            With `Cilium(..., bgp:)` (or Calico's BGP) every node peers BGP with its rack's router, its leaf, in
            the leaf's AS unless `Rack(..., asn:)` says otherwise. A rack without a router, or whose router has
            no `asn:`, leaves its nodes' pod CIDRs unannounced: no other rack reaches its pods. A rack `asn:`
            without a CNI that peers BGP has no effect and is refused too.
            """
        case .sharedASNumber:
            """
            Two rack routers (leaves) with one AS that are not linked to each other exchange their racks' routes
            only through a router of another AS (a spine); eBGP's loop prevention then drops each one's routes at the other (its own AS
            is already in the path), so their racks cannot reach each other. Give each leaf its own AS (the
            usual eBGP fabric), or link the two routers directly. This is a warning: `allowas-in`, which labgen
            does not write, would accept such routes. Spines that share an AS are the usual design and are
            not reported.
            """
        case .overlappingFabricSubnets:
            """
            Each link and each plain host has its own subnet; one that overlaps another link's, a host's or a
            rack's gives a router two interfaces in one subnet, or routes that point the wrong way, and VyOS
            refuses an address that overlaps another interface's. Give each link its own subnet (a `LinkPool`
            of /31s does), outside the racks.
            """
        case .invalidRouterID:
            """
            `routerID:` must be an IPv4 address, and each router's its own: BGP refuses a peer whose OPEN carries
            its own router-id (iBGP always, eBGP in FRR unless relaxed), and duplicates make route reflection
            and best-path selection misbehave. Leave it out for VyOS to pick one. `routerID:` or
            `routeReflector:` on a router without `asn:` has no BGP to apply to.
            """
        case .invalidHost:
            """
            A `PlainHost` writes `ip addr add <address>/<length> dev net0` and `ip route replace default via
            <gateway>`: its address needs a prefix length (/30 or shorter, so that the router and the host both
            fit), may not be the subnet's network or broadcast address, and the router's address (the subnet's
            first host unless `gateway:` says) must be another host of the same subnet.
            """
        case .invalidMTU:
            """
            VyOS accepts an ethernet MTU from 68 to 16000 (its `mtu` validator); a value outside the range fails
            the router's commit, and the interface keeps 1500 while the containerlab link carries the written
            MTU, so large frames are dropped on one side.
            """
        default: nil
        }
    }
}

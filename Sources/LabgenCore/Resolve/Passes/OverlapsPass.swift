import LabModel

/// Rack subnets, the transit subnet, pod pools, the service subnet and (without Calico pools)
/// kind's pod subnet must not overlap one another.
struct OverlapsPass: ResolverPass {
    let racks: [RackPlan]
    let transit: ResolvedTransit
    let pools: [PodPoolPlan]
    let cluster: ResolvedCluster?

    private enum Owner {
        case rack(RackPlan)
        case pool(PodPoolPlan)
        case service(SourceLocation)
        case podSubnet(SourceLocation)
        case transit(SourceLocation?)
    }

    func run(_ context: inout ResolveContext) {
        let spec = context.spec
        var items: [(prefix: IPv4Prefix, tag: Owner)] = racks.map { ($0.subnet, .rack($0)) }
        if let plan = transit.plan {
            items.append((plan.subnet, .transit(transit.location ?? spec.gateways.dropFirst().first?.location)))
        }
        items += pools.map { ($0.cidr, .pool($0)) }
        if let cluster {
            items.append((serviceSubnet, .service(cluster.spec.location)))
            if pools.isEmpty { items.append((podSubnet, .podSubnet(cluster.spec.location))) }
        }
        for overlap in Overlaps.find(items) {
            let (a, aLocation) = describe(overlap.earlier)
            let (b, bLocation) = describe(overlap.later)
            let check: ModelCheck
            switch (overlap.earlier, overlap.later) {
            case (.rack, .rack), (.rack, .transit), (.transit, .rack): check = .overlappingSubnets
            default: check = .poolOverlap
            }
            // Report at the element the user is most likely to change: the later one in the file.
            let (first, firstLocation, second, secondLocation) =
                (aLocation ?? spec.location) < (bLocation ?? spec.location)
                ? (a, aLocation, b, bLocation) : (b, bLocation, a, aLocation)
            context.diagnostics.error(
                check, "\(second) overlaps \(first)", at: secondLocation ?? spec.location,
                notes: [.init("\(first) is declared here", at: firstLocation)])
        }
    }

    private var serviceSubnet: IPv4Prefix { cluster?.serviceSubnet ?? Conventions.kindServiceSubnet }
    private var podSubnet: IPv4Prefix { cluster?.podSubnet ?? Conventions.kindPodSubnet }

    private func describe(_ owner: Owner) -> (String, SourceLocation?) {
        switch owner {
        case .rack(let rack): ("rack '\(rack.name)' subnet \(rack.subnet)", rack.location)
        case .pool(let pool): ("pod pool \(pool.cidr)", pool.location)
        case .service(let location): ("the service subnet \(serviceSubnet)", location)
        case .podSubnet(let location): ("the pod subnet \(podSubnet)", location)
        case .transit(let location): ("the transit subnet \(transit.plan?.subnet.description ?? "")", location)
        }
    }
}

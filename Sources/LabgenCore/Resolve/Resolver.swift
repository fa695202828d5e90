import Foundation
import LabModel
import LabStock

/// The result of resolving a lab description: the plan when it has no errors, and every
/// diagnostic found (warnings included).
public struct Resolution: Sendable {
    public var plan: LabPlan?
    public var diagnostics: [Diagnostic]
}

/// Turns what the user wrote (`LabSpec`) into a complete, checked `LabPlan`: names and
/// defaults, address allocation, and the model checks (`LG1nn`). An invalid model never
/// produces a plan, so it never reaches the renderers.
///
/// The work is a list of passes (`ResolverPass`, in `Resolve/Passes/`), each given what it needs
/// from the earlier ones and returning what it found; they share only the diagnostics and the
/// names and addresses claimed so far (`ResolveContext`). The order below is the order in which
/// diagnostics are reported.
///
/// Every check is linear or `n log n` in the size of the lab: duplicates are found with
/// dictionaries (`Claims`), overlaps by sorting (see `Overlaps`).
public enum Resolver {
    public static func resolve(_ spec: LabSpec) -> Resolution {
        var context = ResolveContext(spec: spec)
        let elements = ElementsPass().run(&context)
        let cluster = ClusterPass().run(&context)
        let nodePool = NodePoolPass().run(&context)
        let gateways = GatewaysPass(registry: elements.registry).run(&context)
        let fabric = FabricLinksPass(gateways: gateways, serverImageDefault: elements.serverImageDefault).run(&context)
        let slotSubnets = RackSlotsPass(nodePool: nodePool).run(&context)
        let transit = TransitPass(gateways: gateways, nodePool: nodePool, slotSubnets: slotSubnets).run(&context)
        let racks = RacksPass(
            clusterName: cluster?.name ?? "", serverImageDefault: elements.serverImageDefault, nodePool: nodePool,
            slotSubnets: slotSubnets, transit: transit.plan, gateways: gateways
        ).run(&context)
        TransitSubnetCheck(transit: transit, racks: racks.racks).run(&context)
        let nodes = racks.nodes + ClusterNodesPass(cluster: cluster).run(&context)
        ControlPlaneCheck(cluster: cluster, nodes: nodes).run(&context)
        let gatewayPlans = GatewayConfigPass(
            gateways: gateways, racks: racks.racks, transit: transit.plan, nodePool: nodePool, fabric: fabric
        ).run(&context)
        let pools = PoolsPass(cluster: cluster).run(&context)
        let calicoInstall = CalicoInstallPass(cluster: cluster?.spec).run(&context)
        let otherCNI = CNIPass(cluster: cluster, nodes: nodes).run(&context)
        let routed = FabricBGPPass(
            gateways: gateways, gatewayPlans: gatewayPlans, fabric: fabric, racks: racks.racks, nodes: nodes,
            cluster: cluster?.spec, calicoInstall: calicoInstall
        ).run(&context)
        OverlapsPass(racks: racks.racks, transit: transit, pools: pools, cluster: cluster).run(&context)

        guard !context.diagnostics.hasErrors else { return Resolution(plan: nil, diagnostics: context.diagnostics.all) }
        let clusterPlan = cluster.map { cluster in
            var calico = pools.isEmpty ? nil : CalicoPlan(pools: pools, install: calicoInstall)
            calico?.bgp = routed.calicoBGP
            var plan = ClusterPlan(
                name: cluster.name, image: cluster.spec.image,
                podSubnet: cluster.podSubnet ?? Conventions.kindPodSubnet,
                serviceSubnet: cluster.serviceSubnet, disableDefaultCNI: cluster.spec.disableDefaultCNI,
                kubeProxyMode: CNIPass.effectiveKubeProxyMode(cluster.spec, otherCNI: otherCNI), nodes: nodes,
                cni: otherCNI ?? calico.map { .calico($0) })
            plan.kubeadmPatches = cluster.spec.kubeadmPatches == .oneFile ? nil : cluster.spec.kubeadmPatches
            return plan
        }
        let hasTopology = !routed.racks.isEmpty || !routed.gateways.isEmpty || !fabric.hosts.isEmpty
        var plan = LabPlan(
            name: spec.name, registry: elements.registry, cluster: clusterPlan,
            topology: hasTopology ? TopologyPlan(name: elements.topologyName, mtu: elements.topologyMTU) : nil,
            gateways: routed.gateways, racks: routed.racks, transit: transit.plan, location: spec.location)
        (plan.links, plan.hosts) = (fabric.links, fabric.hosts)
        return Resolution(plan: plan, diagnostics: context.diagnostics.all)
    }
}

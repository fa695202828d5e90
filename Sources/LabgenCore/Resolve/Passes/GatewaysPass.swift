import LabModel

/// The gateways that resolved (name, release and image checked), in lab order. Their interfaces,
/// NAT rules and routes are added by `GatewayConfigPass` once the racks are known.
struct ResolvedGateways {
    var plans: [GatewayPlan] = []
    /// Position in `plans` by gateway name.
    var index: [String: Int] = [:]

    var names: [String] { plans.map(\.name) }
}

/// `Gateway(name, vyos:image:)`: the router's name, VyOS release and image.
struct GatewaysPass: ResolverPass {
    let registry: RegistryPlan?

    func run(_ context: inout ResolveContext) -> ResolvedGateways {
        var gateways = ResolvedGateways()
        for gateway in context.spec.gateways {
            if !Names.isDNSLabel(gateway.name) {
                context.diagnostics.error(
                    .invalidName,
                    "gateway name '\(gateway.name.debugEscaped)' must be a DNS "
                        + "label (it is the router's host-name and a file name)",
                    at: gateway.location)
                continue
            }
            if let problem = ToolGrammars.vyosHostNameProblem(gateway.name) {
                context.diagnostics.error(
                    .invalidVyOSValue, "gateway name \(problem); the gateway name is the router's host-name",
                    at: gateway.location)
                continue
            }
            context.claimTopologyName(gateway.name, what: "gateway", at: gateway.location)
            let release: VyOSRelease
            switch GatewayRelease.resolve(name: gateway.name, vyos: gateway.vyos, image: gateway.image) {
            case .success(let found): release = found
            case .failure(let problem):
                context.diagnostics.error(problem.check, problem.message, at: gateway.location)
                continue
            }
            let image = gateway.image ?? Conventions.vyosImage(release: release.version, registry: registry?.host)
            guard context.checkImage(image, at: gateway.location) else { continue }
            gateways.index[gateway.name] = gateways.plans.count
            gateways.plans.append(
                GatewayPlan(
                    name: gateway.name, release: release, image: image, interfaces: [], masquerades: [],
                    staticRoutes: [], location: gateway.location))
        }
        return gateways
    }
}

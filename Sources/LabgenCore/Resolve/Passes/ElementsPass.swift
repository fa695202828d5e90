import LabModel

/// The lab-level elements: the lab's name, elements written where they do not belong or more
/// than once, the registry and the containerlab topology settings.
struct ElementsPass: ResolverPass {
    struct Output {
        var registry: RegistryPlan?
        var topologyName: String
        var topologyMTU: Int?
        /// The image of servers that do not name one.
        var serverImageDefault: String
    }

    func run(_ context: inout ResolveContext) -> Output {
        checkLabName(&context)
        checkSingletons(&context)
        return registryAndTopology(&context)
    }

    private func checkLabName(_ context: inout ResolveContext) {
        let spec = context.spec
        if !Names.isDNSLabel(spec.name) {
            context.diagnostics.error(
                .invalidName,
                "lab name '\(spec.name.debugEscaped)' must be a DNS label (lower-case letters, "
                    + "digits and '-', at most 63 characters); it names the output folder",
                at: spec.location)
        }
        for misplaced in spec.misplaced {
            context.diagnostics.error(.misplacedElement, misplaced.message, at: misplaced.location)
        }
    }

    private func checkSingletons(_ context: inout ResolveContext) {
        let spec = context.spec
        func onlyOne<T>(_ items: [T], _ what: String, _ location: (T) -> SourceLocation) {
            context.reportAllButFirst(items.map(location), as: .misplacedElement) { _ in
                ("a lab has at most one \(what)", "the first \(what) is here")
            }
        }
        onlyOne(spec.clusters, "Cluster", \.location)
        onlyOne(spec.registries, "Registry", \.location)
        onlyOne(spec.topologies, "Topology", \.location)
        onlyOne(spec.nodePools, "NodePool", \.location)
        onlyOne(spec.transits, "Transit", \.location)
        // A fabric of routers and plain hosts needs no kind cluster.
        if spec.clusters.isEmpty && (!spec.racks.isEmpty || (spec.hosts.isEmpty && spec.links.isEmpty)) {
            context.diagnostics.error(
                .missingCluster, "lab '\(spec.name)' has no Cluster; add Cluster(\"<name>\") { ... }", at: spec.location
            )
        }
    }

    private func registryAndTopology(_ context: inout ResolveContext) -> Output {
        let spec = context.spec
        var output = Output(
            registry: nil, topologyName: spec.name, topologyMTU: nil, serverImageDefault: Conventions.serverImage)
        if let registrySpec = spec.registries.first {
            if let problem = ToolGrammars.registryHostProblem(registrySpec.mirror) {
                context.diagnostics.error(.invalidName, "registry mirror \(problem)", at: registrySpec.location)
            } else if let problem = ToolGrammars.registryHostReadAsUser(registrySpec.mirror) {
                context.diagnostics.error(.registryReadAsUser, problem, at: registrySpec.location)
            } else {
                output.registry = RegistryPlan(host: registrySpec.mirror, insecure: registrySpec.insecure)
                output.serverImageDefault = Conventions.registryServerImage(registry: registrySpec.mirror)
            }
        }
        guard let topology = spec.topologies.first else { return output }
        if let name = topology.name {
            if Names.isDNSLabel(name) {
                output.topologyName = name
            } else {
                context.diagnostics.error(
                    .invalidName, "topology name '\(name.debugEscaped)' must be a DNS label", at: topology.location)
            }
        }
        if let mtu = topology.mtu {
            if Conventions.linkMTURange.contains(mtu) {
                output.topologyMTU = mtu
            } else {
                context.diagnostics.error(
                    .invalidNumber, "link MTU \(mtu) is outside 68...65535", at: topology.location)
            }
        }
        if let image = topology.serverImage {
            if context.checkImage(image, at: topology.location) { output.serverImageDefault = image }
        }
        return output
    }
}

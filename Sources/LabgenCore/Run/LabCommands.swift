import LabModel

/// Every external command of `labgen up`, `down` and `status` for one lab, in one place: the Swift
/// driver (`LabLifecycle`) runs them and `lab.sh` (`LabScriptRenderer`) writes the same ones, so
/// the two cannot drift apart. Paths are relative to the lab's output folder, where both run.
public struct LabCommands: Sendable {
    public let plan: LabPlan
    public let cluster: String
    public let topologyFile: String?
    public let install: CalicoInstallPlan?

    public init(plan: LabPlan) {
        self.plan = plan
        cluster = plan.cluster?.name ?? plan.name
        topologyFile = plan.topology.map { ArtifactPaths.containerlab(topology: $0.name) }
        install = plan.cluster?.calicoInstall
    }

    /// Whether the lab has a kind cluster (a fabric of routers and plain hosts may have none).
    public var hasCluster: Bool { plan.cluster != nil }

    /// kubectl's context for the lab's kind cluster (`kind-<cluster>`), so nothing acts on another cluster.
    public var context: String { "kind-" + cluster }
    /// The namespace calico-node runs in.
    public var calicoNamespace: String { install?.calicoNamespace ?? "kube-system" }

    // MARK: Preflight

    public static let tools = ["docker", "kind", "containerlab", "kubectl"]

    /// The version query of each tool (the docker one also fails when the daemon is down).
    public func version(_ tool: String) -> ExternalCommand {
        switch tool {
        case "docker": ExternalCommand("docker", ["version", "--format", "{{.Server.Version}}"])
        case "kubectl": ExternalCommand("kubectl", ["version", "--client"])
        case "containerlab": ExternalCommand("containerlab", ["version"], asRoot: true)
        default: ExternalCommand(tool, ["version"])
        }
    }

    /// Images the host's docker needs: kind's node image, the gateways' and the servers' images.
    public var images: [String] {
        var result: [String] = []
        func add(_ image: String?) { if let image, !result.contains(image) { result.append(image) } }
        add(plan.cluster?.image)
        for gateway in plan.gateways { add(gateway.image) }
        for node in plan.nodes { add(node.attachment?.serverImage) }
        for host in plan.hosts { add(host.image) }
        return result
    }

    public func imageInspect(_ image: String) -> ExternalCommand {
        ExternalCommand("docker", ["image", "inspect", image])
    }
    public func imagePull(_ image: String) -> ExternalCommand { ExternalCommand("docker", ["pull", image]) }
    /// `docker info`, whose "Insecure Registries:" section lists the registries docker talks plain HTTP to.
    public var dockerInfo: ExternalCommand { ExternalCommand("docker", ["info"]) }

    // MARK: kind

    public var kindGetClusters: ExternalCommand { ExternalCommand("kind", ["get", "clusters"]) }
    public var kindCreate: ExternalCommand {
        ExternalCommand("kind", ["create", "cluster", "--config", ArtifactPaths.kindConfig])
    }
    public var kindDelete: ExternalCommand { ExternalCommand("kind", ["delete", "cluster", "--name", cluster]) }

    // MARK: Bridges

    public var hasBridges: Bool { plan.topology != nil && !(plan.racks.isEmpty && plan.transit == nil) }
    public var bridgesUp: ExternalCommand { ExternalCommand("sh", [ArtifactPaths.bridgeScript, "up"], asRoot: true) }
    public var bridgesDown: ExternalCommand {
        ExternalCommand("sh", [ArtifactPaths.bridgeScript, "down"], asRoot: true)
    }
    /// The host bridges of the lab, for `status`.
    public var bridges: [String] { plan.racks.map(\.bridge) + (plan.transit.map { [$0.bridge] } ?? []) }
    public func bridgeShow(_ bridge: String) -> ExternalCommand { ExternalCommand("ip", ["link", "show", bridge]) }

    // MARK: containerlab

    /// The containers containerlab makes: gateways and servers (bridges are host bridges, not containers).
    public var labContainerCount: Int {
        plan.gateways.count + plan.nodes.filter { $0.attachment != nil }.count + plan.hosts.count
    }
    public var clabInspect: ExternalCommand? {
        topologyFile.map { ExternalCommand("containerlab", ["inspect", "-t", $0, "--format", "json"], asRoot: true) }
    }
    public func clabDeploy(reconfigure: Bool) -> ExternalCommand? {
        topologyFile.map {
            ExternalCommand(
                "containerlab", ["deploy", "-t", $0] + (reconfigure ? ["--reconfigure"] : []), asRoot: true)
        }
    }
    public var clabDestroy: ExternalCommand? {
        topologyFile.map { ExternalCommand("containerlab", ["destroy", "-t", $0, "--cleanup"], asRoot: true) }
    }

    // MARK: Calico

    public func kubectl(_ arguments: [String]) -> ExternalCommand {
        ExternalCommand("kubectl", ["--context", context] + arguments)
    }

    /// Whether the Tigera operator is already installed (`kubectl create` refuses to create it twice).
    public var operatorGet: ExternalCommand {
        kubectl(["-n", "tigera-operator", "get", "deployment", "tigera-operator"])
    }

    /// The Calico install, in order.
    public var calicoInstall: [ExternalCommand] {
        guard let install else { return [] }
        switch install.mode {
        case .operator:
            return [
                kubectl(["create", "-f", install.manifest]),
                kubectl([
                    "wait", "--for", "condition=established", "--timeout", "120s",
                    "crd/installations.operator.tigera.io",
                ]),
                kubectl(["apply", "-f", ArtifactPaths.calicoInstallation]),
            ] + calicoBGPSteps
        case .manifest:
            return [
                kubectl(["apply", "-f", install.manifest]),
                kubectl([
                    "-n", "kube-system", "patch", "daemonset", "calico-node", "--patch-file",
                    ArtifactPaths.calicoNodePatch,
                ]),
            ]
        }
    }

    // MARK: Waiting and status

    /// One line per node: name, InternalIP, Ready status, rack label.
    public static let nodesJSONPath =
        #"{range .items[*]}{.metadata.name}{" "}{.status.addresses[?(@.type=="InternalIP")].address}{" "}"#
        + #"{.status.conditions[?(@.type=="Ready")].status}{" "}{.metadata.labels.rack}{"\n"}{end}"#
    public var getNodes: ExternalCommand { kubectl(["get", "nodes", "-o", "jsonpath=" + Self.nodesJSONPath]) }

    public func rolloutStatus(timeoutSeconds: Int) -> ExternalCommand {
        kubectl([
            "-n", calicoNamespace, "rollout", "status", "daemonset/calico-node", "--timeout", "\(timeoutSeconds)s",
        ])
    }

    /// One line per pool: name, cidr, blockSize, ipipMode, vxlanMode, natOutgoing.
    public static let poolsJSONPath =
        #"{range .items[*]}{.metadata.name}{" "}{.spec.cidr}{" "}{.spec.blockSize}{" "}{.spec.ipipMode}{" "}"#
        + #"{.spec.vxlanMode}{" "}{.spec.natOutgoing}{"\n"}{end}"#
    public var getPools: ExternalCommand {
        kubectl(["get", "ippools.crd.projectcalico.org", "-o", "jsonpath=" + Self.poolsJSONPath])
    }

    /// The nodes as planned: name, address, rack.
    public var plannedNodes: [(name: String, address: String, rack: String?)] {
        plan.nodes.map { ($0.name, $0.attachment?.address.address.description ?? "", $0.attachment?.rack) }
    }

    /// Calico's BGP (calico/bgp.yaml): once Calico's API server answers, each node whose rack has an AS
    /// of its own gets it as an annotation, then the BGPConfiguration and BGPPeers are applied.
    var calicoBGPSteps: [ExternalCommand] {
        guard plan.cluster?.calico?.bgp != nil else { return [] }
        return [
            kubectl(["apply", "-f", ArtifactPaths.calicoAPIServer]),
            kubectl(["wait", "--for", "condition=Available", "--timeout", "300s", "apiservice/v3.projectcalico.org"]),
        ]
            + CalicoBGPRenderer.nodeAS(plan).map {
                kubectl(["annotate", "--overwrite", "node", $0.node, "projectcalico.org/ASNumber=\($0.asn)"])
            }
            + [kubectl(["apply", "-f", ArtifactPaths.calicoBGP])]
    }
}

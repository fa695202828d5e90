import LabModel

/// The install of a CNI other than Calico (Calico keeps its own steps: the operator check, the pool check).
public struct CNIInstall: Sendable {
    /// `Flannel v0.28.10 (host-gw)`.
    public var title: String
    /// Programs the install needs beyond the preflight's (helm for Cilium).
    public var tools: [String]
    public var steps: [ExternalCommand]
    /// The DaemonSet whose rollout `up` waits for.
    public var namespace: String
    public var daemonSet: String
}

extension LabCommands {
    /// Flannel: kube-flannel.yml of the release, then labgen's kube-flannel-cfg (replacing the manifest's),
    /// then a restart so that flanneld reads the new net-conf. Cilium: `helm upgrade --install` of the
    /// pinned chart with cilium/values.yaml (idempotent, so `up` can run again).
    public var cniInstall: CNIInstall? {
        switch plan.cluster?.cni {
        case .flannel(let flannel):
            let namespace = FlannelPlan.namespace
            return CNIInstall(
                title: "Flannel \(flannel.version) (\(flannel.backend.rawValue))", tools: [],
                steps: [
                    kubectl(["apply", "-f", flannel.manifest]),
                    kubectl(["apply", "-f", ArtifactPaths.flannelConfig]),
                    kubectl(["-n", namespace, "rollout", "restart", "daemonset/kube-flannel-ds"]),
                ], namespace: namespace, daemonSet: "kube-flannel-ds")
        case .cilium(let cilium):
            let mode = cilium.routingMode == .tunnel ? cilium.tunnelProtocol?.rawValue ?? "tunnel" : "native"
            return CNIInstall(
                title: "Cilium \(cilium.version) (\(mode))", tools: ["helm"],
                steps: [
                    ExternalCommand("helm", ["repo", "add", "cilium", CiliumPlan.helmRepository, "--force-update"]),
                    ExternalCommand(
                        "helm",
                        [
                            "upgrade", "--install", "cilium", "cilium/cilium", "--version", cilium.version,
                            "--namespace", "kube-system", "--kube-context", context, "-f", ArtifactPaths.ciliumValues,
                        ]),
                ], namespace: "kube-system", daemonSet: "cilium")
        default:
            return nil
        }
    }

    public func cniRolloutStatus(_ install: CNIInstall, timeoutSeconds: Int) -> ExternalCommand {
        kubectl([
            "-n", install.namespace, "rollout", "status", "daemonset/\(install.daemonSet)", "--timeout",
            "\(timeoutSeconds)s",
        ])
    }

    /// The preflight's programs: kind's, containerlab's and kubectl, and the CNI's.
    public var allTools: [String] {
        // A lab of routers and plain hosts has no kind cluster: docker and containerlab suffice.
        hasCluster ? Self.tools + (cniInstall?.tools ?? []) : ["docker", "containerlab"]
    }
}

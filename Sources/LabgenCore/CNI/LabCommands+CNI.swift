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
    /// The install of the cluster's CNI, from its driver (see `CNIDriver.install`).
    public var cniInstall: CNIInstall? {
        plan.cluster?.cni.flatMap { CNIDrivers.install($0, self) }
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

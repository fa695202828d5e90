import LabModel

extension RuleID {
    public static let ciliumKubeProxy: DiagnosticID = "LG046"
}

enum CiliumKubeProxyRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.ciliumKubeProxy,
        summary:
            "Cilium kube-proxy replacement: kind runs no kube-proxy, k8sServiceHost/Port name the control plane",
        explanation: """
            kubeProxyReplacement: true makes Cilium serve Services; kind must then not install kube-proxy
            (networking.kubeProxyMode: none), or both program Service rules. Without kube-proxy the kubernetes
            Service itself is not reachable before Cilium runs, so Cilium needs the API server's real address:
            k8sServiceHost the control-plane node (its rack address, or its kind container name) and
            k8sServicePort 6443. kubeProxyMode: none without the replacement leaves Services unserved.
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        lab.facts.ciliumInstalls.flatMap { check($0, lab) }
    }

    private static func check(_ cilium: CiliumFacts, _ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        let replacement = cilium.bool("kubeProxyReplacement") ?? false
        let kubeProxy = lab.facts.kind?.kubeProxyMode
        if replacement, let kind = lab.facts.kind, kubeProxy?.value != "none" {
            diagnostics.error(
                RuleID.ciliumKubeProxy,
                "Cilium replaces kube-proxy, but kind still runs kube-proxy "
                    + "(\(kubeProxy?.value ?? "iptables, kind's default")): "
                    + "set networking.kubeProxyMode: none",
                at: cilium.values["kubeProxyReplacement"]?.location ?? cilium.location,
                notes: [.init("the kind config", at: kubeProxy?.location ?? kind.location)])
        }
        if !replacement, let mode = kubeProxy, mode.value == "none" {
            diagnostics.error(
                RuleID.ciliumKubeProxy,
                "kind runs no kube-proxy (kubeProxyMode: none) and Cilium does not replace it: Services do not work",
                at: cilium.values["kubeProxyReplacement"]?.location ?? cilium.location,
                notes: [.init("kubeProxyMode", at: mode.location)])
        }
        guard replacement else { return diagnostics.all }
        guard let host = cilium.value("k8sServiceHost") else {
            diagnostics.error(
                RuleID.ciliumKubeProxy,
                "without kube-proxy Cilium reaches the API server only through k8sServiceHost and k8sServicePort",
                at: cilium.values["kubeProxyReplacement"]?.location ?? cilium.location)
            return diagnostics.all
        }
        if let first = lab.kindNodes.firstIndex(where: \.isFirstControlPlane) {
            let name = lab.kindNodes[first].name
            let address = lab.servers.first { $0.kindNode == first }?.rackAddress?.address.address
            let accepted = [name, address?.description].compactMap { $0 }
            if !accepted.contains(host.value) {
                diagnostics.error(
                    RuleID.ciliumKubeProxy,
                    "k8sServiceHost '\(host.value)' is not the control-plane node "
                        + "(\(accepted.joined(separator: " or ")))",
                    at: host.location)
            }
        }
        if let port = cilium.value("k8sServicePort"), port.value != String(CiliumPlan.apiServerPort) {
            diagnostics.error(
                RuleID.ciliumKubeProxy,
                "k8sServicePort \(port.value) is not the API server's port \(CiliumPlan.apiServerPort)",
                at: port.location)
        }
        return diagnostics.all
    }
}

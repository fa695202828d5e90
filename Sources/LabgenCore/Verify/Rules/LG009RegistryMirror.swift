import LabModel

extension RuleID {
    public static let registryMirror: DiagnosticID = "LG009"
}

enum RegistryMirrorRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.registryMirror, summary: "a private registry the lab pulls from has a kind containerd mirror",
        explanation: """
            When images come from a private registry (HOST:PORT/..., as the reference's 192.168.2.100:5000), kind's
            containerd needs a `registry.mirrors."HOST:PORT"` entry in containerdConfigPatches with an `http://`
            endpoint for a plain-HTTP registry. Without it, the images pulled inside the cluster (the CNI's own) fail
            with ErrImagePull (containerd tries HTTPS), the CNI never starts, and every node stays NotReady.
            Images only containerlab pulls (through the host's docker) do not need the mirror: a warning.
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        guard let kind = lab.facts.kind else { return [] }
        var diagnostics = DiagnosticList()
        var mirrors: [String: RegistryMirrorFacts] = [:]
        for mirror in kind.mirrors where mirrors[mirror.host] == nil { mirrors[mirror.host] = mirror }
        var firstUse: [String: ImageReference] = [:]
        // A lab pulls the same image for many nodes, one after another: its registry is worked out once.
        var previous: (reference: String, host: String?)?
        for image in lab.facts.images {
            let host: String?
            if let previous, previous.reference == image.reference.value {
                host = previous.host
            } else {
                host = image.privateRegistry
                previous = (image.reference.value, host)
            }
            guard let host else { continue }
            if let first = firstUse[host], first.pulledInCluster || !image.pulledInCluster { continue }
            firstUse[host] = image
        }
        for (host, image) in firstUse.sorted(by: { $0.key < $1.key }) {
            guard let mirror = mirrors[host] else {
                let note = Diagnostic.Note(
                    "add a registry.mirrors.\"\(host)\" entry to containerdConfigPatches", at: kind.location)
                if image.pulledInCluster {
                    diagnostics.error(
                        RuleID.registryMirror,
                        "\(image.reference.value) is pulled inside the cluster from \(host), but kind's containerd has "
                            + "no mirror for \(host): the pull fails",
                        at: image.reference.location, notes: [note])
                } else {
                    diagnostics.warning(
                        RuleID.registryMirror,
                        "the lab pulls \(image.reference.value) from \(host), but kind's containerd has no mirror for "
                            + "\(host): images pulled inside the cluster (the CNI's own) cannot come from it",
                        at: image.reference.location, notes: [note])
                }
                continue
            }
            if mirror.endpoints.isEmpty {
                diagnostics.error(
                    RuleID.registryMirror, "the containerd mirror for \(host) has no endpoint", at: mirror.location)
            }
            for endpoint in mirror.endpoints
            where !endpoint.value.hasPrefix("http://") && !endpoint.value.hasPrefix("https://") {
                diagnostics.error(
                    RuleID.registryMirror,
                    "mirror endpoint '\(endpoint.value)' needs a scheme: 'http://\(endpoint.value)' for a "
                        + "plain-HTTP registry",
                    at: endpoint.location)
            }
        }
        return diagnostics.all
    }
}

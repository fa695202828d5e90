import LabFormats
import LabModel

/// Builds an imported model in memory and compares what it renders with the original lab, as
/// data: every construct of the original that the rendering does not reproduce is a refusal
/// at its position (never dropped silently).
enum ImportComparison {
    static func compare(_ spec: LabSpec, with original: LabFacts, result: inout ImportResult) {
        func refuse(_ message: String, _ location: SourceLocation?) {
            result.refusals.append(.error(LabImporter.refusalID, message, at: location))
        }
        let compiled = Pipeline.compile(spec)
        for problem in compiled.diagnostics where problem.severity == .error {
            refuse("the imported model does not build: \(problem.message) [\(problem.id)]", nil)
        }
        guard let rendered = compiled.rendered else {
            result.notes.append(
                Diagnostic(
                    LabImporter.refusalID, .note,
                    "the imported model could not be built, so the lab was not compared with labgen's rendering: "
                        + "the list may not name every construct labgen cannot express", at: nil))
            return
        }
        let ours = LabFacts.read(rendered)
        compareKind(ours.kind, original.kind, refuse)
        compareClab(ours.clab, original.clab, cluster: spec.clusters.first?.name ?? "kind", refuse)
        compareVyOS(ours, original, spec: spec, refuse)
        comparePools(ours.pools, original.pools, refuse)
        let ourBridges = Set(ours.bridgeScripts.flatMap(\.bridges).map(\.value))
        for script in original.bridgeScripts {
            for bridge in script.bridges where !ourBridges.contains(bridge.value) && original.clab != nil {
                refuse("host bridge '\(bridge.value)' is not a rack bridge of the topology", bridge.location)
            }
        }
    }

    typealias Refuse = (String, SourceLocation?) -> Void

    static func compareKind(_ ours: KindFacts?, _ theirs: KindFacts?, _ refuse: Refuse) {
        guard let ours, let theirs else { return }
        func values(_ patches: [KubeadmPatchFacts]) -> (String?, Set<NodeLabel>) {
            (patches.compactMap(\.nodeIP?.value.description).first, Set(patches.flatMap(\.nodeLabels).map(\.value)))
        }
        for (index, node) in theirs.nodes.enumerated() {
            guard ours.nodes.indices.contains(index) else {
                refuse("kind node \(index + 1) is not reproduced", node.location)
                continue
            }
            let (ip, labels) = values(node.patches)
            let (ourIP, ourLabels) = values(ours.nodes[index].patches)
            if node.role.value != ours.nodes[index].role.value {
                refuse("kind node role is not reproduced", node.role.location)
            }
            if ip != ourIP {
                refuse(
                    "node-ip \(ip ?? "unset") is not the node's rack address (labgen: \(ourIP ?? "unset"))",
                    node.patches.first?.nodeIP?.location ?? node.location)
            }
            for label in labels.subtracting(ourLabels) {
                refuse("node label \(label.key)=\(label.value) is not reproduced", node.location)
            }
            for label in ourLabels.subtracting(labels) {
                refuse(
                    "labgen would add the node label \(label.key)=\(label.value) that the original does not have",
                    node.location)
            }
            let kinds = Set(node.patches.map(\.kind.value))
            if kinds.count > 1 || node.patches.count > 1 {
                refuse("kind node with several kubeadm patches: labgen writes one per node", node.location)
            }
        }
        if ours.nodes.count > theirs.nodes.count {
            refuse("labgen would write more kind nodes than the original", theirs.location)
        }
        let pairs: [(String, String?, String?, SourceLocation?)] = [
            (
                "podSubnet", ours.podSubnet?.value.description ?? KindFacts.defaultPodSubnet.description,
                theirs.podSubnet?.value.description ?? KindFacts.defaultPodSubnet.description,
                theirs.podSubnet?.location
            ),
            (
                "serviceSubnet", ours.serviceSubnet?.value.description ?? KindFacts.defaultServiceSubnet.description,
                theirs.serviceSubnet?.value.description ?? KindFacts.defaultServiceSubnet.description,
                theirs.serviceSubnet?.location
            ),
            ("kubeProxyMode", ours.kubeProxyMode?.value, theirs.kubeProxyMode?.value, theirs.kubeProxyMode?.location),
            (
                "disableDefaultCNI", String(ours.disableDefaultCNI?.value ?? false),
                String(theirs.disableDefaultCNI?.value ?? false),
                theirs.disableDefaultCNI?.location
            ),
        ]
        for (name, a, b, location) in pairs where a != b {
            refuse(
                "kind \(name) \(b ?? "unset") is not reproduced (labgen: \(a ?? "unset"))", location ?? theirs.location)
        }
    }

    static func compareClab(_ ours: ClabFacts?, _ theirs: ClabFacts?, cluster: String, _ refuse: Refuse) {
        guard let theirs else { return }
        guard let ours else {
            refuse("the containerlab topology is not reproduced", SourceLocation(file: theirs.file, line: 1, column: 1))
            return
        }
        let byName = Dictionary(ours.nodes.map { ($0.name.value, $0) }, uniquingKeysWith: { a, _ in a })
        for node in theirs.nodes {
            guard let our = byName[node.name.value] else {
                refuse(
                    "containerlab node '\(node.name.value)' (kind \(node.kind?.value ?? "unset")): labgen's model has "
                        + "VyOS gateways, rack bridges and the servers of kind nodes only", node.name.location)
                continue
            }
            if node.kind?.value != our.kind?.value {
                refuse(
                    "node kind '\(node.kind?.value ?? "unset")' of \(node.name.value) is not reproduced",
                    node.kind?.location ?? node.name.location)
            }
            if node.image?.value != our.image?.value {
                refuse(
                    "image '\(node.image?.value ?? "unset")' of \(node.name.value) is not reproduced (labgen: \(our.image?.value ?? "unset"))",
                    node.image?.location ?? node.name.location)
            }
            if let mode = node.networkMode {
                var value = mode.value
                if value.hasPrefix("container:"), !value.hasPrefix("container:\(cluster)-") {
                    value = "container:\(cluster)-" + value.dropFirst("container:".count)
                }
                if value != our.networkMode?.value {
                    refuse("network-mode '\(mode.value)' is not reproduced", mode.location)
                }
            }
            let ourExec = Set(our.exec.map(\.value))
            for command in node.exec where !ourExec.contains(command.value) {
                refuse(
                    "exec '\(command.value)': labgen writes only the node's address and default route", command.location
                )
            }
            let ourBinds = Set(our.binds.map { bindKey($0.value) })
            for bind in node.binds where !ourBinds.contains(bindKey(bind.value)) {
                refuse("bind '\(bind.value)' of \(node.name.value) is not reproduced", bind.location)
            }
        }
        func key(_ link: ClabLinkFacts) -> [String] { link.endpoints.map(\.key).sorted() }
        let ourLinks = Set(ours.links.map(key))
        for link in theirs.links where !ourLinks.contains(key(link)) {
            refuse(
                "link \(link.endpoints.map(\.key).joined(separator: " - ")) is not reproduced (labgen wires gateway eth1, "
                    + "eth2, ... to the racks in order, and each server's net0 to its rack bridge)", link.location)
        }
    }

    static func bindKey(_ bind: String) -> String { bind.hasPrefix("./") ? String(bind.dropFirst(2)) : bind }

    static func compareVyOS(_ ours: LabFacts, _ theirs: LabFacts, spec: LabSpec, _ refuse: Refuse) {
        guard let clab = theirs.clab else { return }
        let folder = clab.file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        for gateway in spec.gateways {
            guard let node = clab.nodes.first(where: { $0.name.value == gateway.name }),
                let bind = node.binds.first(where: { $0.value.hasSuffix(":" + ArtifactPaths.vyosConfigMount) }),
                let source = bind.value.split(separator: ":").first
            else { continue }
            let path = bindKey(String(source))
            guard
                let original = theirs.vyos[
                    LabFacts.normalize(folder.isEmpty || path.hasPrefix("/") ? path : folder + "/" + path)],
                let rendered = ours.vyos[ArtifactPaths.vyosBoot(gateway: gateway.name)]
            else { continue }
            // Grouped by construct (the first four words of the path: a BGP neighbor, an interface), at its first line.
            var missing: [String: [Located<String>]] = [:]
            var order: [String] = []
            for (path, values) in original.settings where path != "system host-name" {
                let ourValues = Set(rendered.settings[path]?.map(\.value) ?? [])
                for value in values where !ourValues.contains(value.value) {
                    let group = path.split(separator: " ").prefix(4).joined(separator: " ")
                    if missing[group] == nil { order.append(group) }
                    missing[group, default: []].append(
                        Located(value.value.isEmpty ? path : "\(path) \(value.value)", at: value.location))
                }
            }
            for group in order {
                let items = missing[group]!.sorted { $0.location < $1.location }
                let first = items[0]
                let more =
                    items.count > 1 ? " (and \(items.count - 1) more setting\(items.count == 2 ? "" : "s") of it)" : ""
                refuse("VyOS '\(first.value)' is not in labgen's gateway config\(more)", first.location)
            }
        }
    }

    static func comparePools(_ ours: [IPPoolFacts], _ theirs: [IPPoolFacts], _ refuse: Refuse) {
        func key(_ pool: IPPoolFacts) -> String {
            [
                pool.ipip, pool.vxlan, String(pool.natOutgoing), String(pool.effectiveBlockSize),
                pool.nodeSelector?.value ?? "all()",
                String(pool.disabled),
            ].joined(separator: " ")
        }
        for (index, pool) in theirs.enumerated() {
            guard ours.indices.contains(index) else {
                refuse("Calico pool '\(pool.name)' is not reproduced", pool.location)
                continue
            }
            if key(pool) != key(ours[index]) {
                refuse(
                    "Calico pool '\(pool.name)' (\(key(pool))) is not reproduced (labgen: \(key(ours[index])))",
                    pool.location)
            }
        }
    }
}

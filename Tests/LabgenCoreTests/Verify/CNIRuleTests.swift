import LabKit
import LabModel
import TemplateLabs
import Testing

@testable import LabgenCore

/// Flannel's and Cilium's rules (LG040-LG046): each test takes the files of a template lab that verifies
/// clean, makes one fault in one file, and expects the rule at that file and line.
@Suite struct CNIRuleTests {
    /// The rendered files of a template lab, by path.
    static func files(_ template: String) throws -> [(path: String, text: String)] {
        let lab = try #require(templateLabs.first { $0.file == template }).lab
        let compiled = Pipeline.compile(lab.spec)
        let rendered = try #require(compiled.rendered)
        return rendered.artifacts.map { ($0.path, $0.contents) }
    }

    static func verify(_ files: [(path: String, text: String)]) -> [Diagnostic] {
        Verifier.verify(LabFacts.read(files))
    }

    /// The files with `old` replaced by `new` (once) in `path`.
    static func changed(
        _ files: [(path: String, text: String)], _ path: String, _ old: String, _ new: String
    ) -> [(path: String, text: String)] {
        files.map { file in
            guard file.path == path else { return file }
            #expect(file.text.components(separatedBy: old).count == 2, "'\(old)' must occur once in \(path)")
            return (file.path, file.text.replacingOccurrences(of: old, with: new))
        }
    }

    static func text(_ files: [(path: String, text: String)], _ path: String) -> String {
        files.first { $0.path == path }?.text ?? ""
    }

    static let templates = [
        "flannel-vxlan-directrouting.swift", "flannel-host-gw.swift", "cilium-native-routing.swift",
        "cilium-vxlan.swift",
    ]

    @Test("the CNI templates verify without errors or warnings", arguments: templates)
    func templatesVerifyClean(template: String) throws {
        let diagnostics = Self.verify(try Self.files(template))
        #expect(!diagnostics.contains { $0.severity != .note }, "\(diagnostics.map(\.description))")
    }

    // MARK: Flannel

    @Test func lg040NetConfNetworkIsNotThePodSubnet() throws {
        let files = Self.changed(
            try Self.files("flannel-host-gw.swift"), "flannel/net-conf.yaml", "10.244.0.0/16", "10.245.0.0/16")
        expectDiagnostic(
            Self.verify(files), RuleID.flannelNetwork, file: "flannel/net-conf.yaml",
            line: line(of: "\"Network\"", in: Self.text(files, "flannel/net-conf.yaml")))
    }

    @Test func lg040NetConfInAKubeFlannelManifest() throws {
        // A hand-written folder: kube-flannel.yml with its own ConfigMap, not labgen's net-conf.yaml.
        var files = try Self.files("flannel-vxlan-directrouting.swift").filter { $0.path != "flannel/net-conf.yaml" }
        let manifest = """
            ---
            kind: Namespace
            apiVersion: v1
            metadata:
              name: kube-flannel
            ---
            kind: ConfigMap
            apiVersion: v1
            metadata:
              name: kube-flannel-cfg
              namespace: kube-flannel
            data:
              net-conf.json: |
                {
                  "Network": "10.96.0.0/16",
                  "Backend": {
                    "Type": "vxlan"
                  }
                }

            """
        files.append(("kube-flannel.yml", manifest))
        expectDiagnostic(
            Self.verify(files), RuleID.flannelNetwork, file: "kube-flannel.yml",
            line: line(of: "\"Network\"", in: manifest))
    }

    /// The release's kube-flannel.yml as a whole (its document order and shapes, shortened): the
    /// ConfigMap among RBAC objects and the DaemonSet, net-conf with EnableNFTables.
    @Test func lg040NetConfInAFullReleaseManifest() throws {
        var files = try Self.files("flannel-host-gw.swift").filter { $0.path != "flannel/net-conf.yaml" }
        let manifest = """
            apiVersion: v1
            kind: Namespace
            metadata:
              labels:
                k8s-app: flannel
                pod-security.kubernetes.io/enforce: privileged
              name: kube-flannel
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              labels:
                k8s-app: flannel
              name: flannel
              namespace: kube-flannel
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              labels:
                k8s-app: flannel
              name: flannel
            rules:
            - apiGroups:
              - ""
              resources:
              - nodes
              verbs:
              - get
            ---
            apiVersion: v1
            data:
              cni-conf.json: |
                {
                  "name": "cbr0",
                  "cniVersion": "0.3.1",
                  "plugins": [
                    {
                      "type": "flannel",
                      "delegate": {
                        "hairpinMode": true,
                        "isDefaultGateway": true
                      }
                    }
                  ]
                }
              net-conf.json: |
                {
                  "Network": "10.244.0.0/16",
                  "EnableNFTables": false,
                  "Backend": {
                    "Type": "vxlan"
                  }
                }
            kind: ConfigMap
            metadata:
              labels:
                app: flannel
                k8s-app: flannel
                tier: node
              name: kube-flannel-cfg
              namespace: kube-flannel
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: kube-flannel-ds
              namespace: kube-flannel
            spec:
              template:
                spec:
                  containers:
                  - args:
                    - --ip-masq
                    - --kube-subnet-mgr
                    command:
                    - /opt/bin/flanneld
                    image: ghcr.io/flannel-io/flannel:v0.28.10
                    name: kube-flannel

            """
        files.append(("kube-flannel.yml", manifest))
        let facts = LabFacts.read(files)
        #expect(facts.flannel.map(\.backend) == ["vxlan"])
        #expect(facts.flannel.first?.file == "kube-flannel.yml")
        // The manifest's vxlan instead of the lab's host-gw: no LG041 (gateway routes are host-gw's),
        // and the Network agrees with kind's podSubnet: no LG040.
        let diagnostics = Verifier.verify(facts)
        #expect(!diagnostics.contains { $0.id == RuleID.flannelNetwork || $0.id == RuleID.flannelHostGateway })
        // The single fault: another Network, at its line in the manifest.
        let wrong = manifest.replacingOccurrences(
            of: "\"Network\": \"10.244.0.0/16\"", with: "\"Network\": \"10.96.0.0/12\"")
        files[files.count - 1] = ("kube-flannel.yml", wrong)
        expectDiagnostic(
            Self.verify(files), RuleID.flannelNetwork, file: "kube-flannel.yml",
            line: line(of: "\"Network\"", in: wrong))
    }

    @Test func lg041HostGatewayAcrossRacksWithoutTheGatewayRoute() throws {
        let files = Self.changed(
            try Self.files("flannel-host-gw.swift"), "startup-conf/gw0-boot.cfg",
            "route 10.244.2.0/24 {\n            next-hop 10.1.8.10 {\n            }\n        }\n", "")
        let diagnostics = Self.verify(files)
        expectDiagnostic(
            diagnostics, RuleID.flannelHostGateway, file: "flannel/net-conf.yaml",
            line: line(of: "\"Type\"", in: Self.text(files, "flannel/net-conf.yaml")))
        #expect(
            diagnostics.first { $0.id == RuleID.flannelHostGateway }?.message.contains("10.244.2.0/24 via 10.1.8.10")
                == true)
    }

    @Test func lg041HostGatewayRouteToTheWrongNode() throws {
        let files = Self.changed(
            try Self.files("flannel-host-gw.swift"), "startup-conf/gw0-boot.cfg",
            "route 10.244.3.0/24 {\n            next-hop 10.1.8.11",
            "route 10.244.3.0/24 {\n            next-hop 10.1.8.10")
        let diagnostics = Self.verify(files).filter { $0.id == RuleID.flannelHostGateway }
        #expect(diagnostics.contains { $0.message.contains("10.244.3.0/24 via 10.1.8.11") }, "\(diagnostics)")
    }

    @Test func lg041HostGatewayAcrossRacksWithNoRoutesAtAll() throws {
        // The vxlan lab (no pod routes on its gateway) turned host-gw.
        let files = Self.changed(
            try Self.files("flannel-vxlan-directrouting.swift"), "flannel/net-conf.yaml",
            "\"Type\": \"vxlan\",\n        \"DirectRouting\": true", "\"Type\": \"host-gw\"")
        // One error for the gateway, naming the four node pod subnets it does not route.
        let errors = Self.verify(files).filter { $0.id == RuleID.flannelHostGateway }
        #expect(errors.count == 1)
        #expect(
            errors.first?.message.contains(
                "10.244.0.0/24 via 10.1.5.10 (flannel-vxlan-control-plane), 10.244.1.0/24 via 10.1.5.11") == true)
        #expect(errors.first?.message.contains("10.244.3.0/24 via 10.1.8.11 (flannel-vxlan-worker3)") == true)
    }

    @Test func lg042DirectRoutingAcrossRacksIsANote() throws {
        let files = try Self.files("flannel-vxlan-directrouting.swift")
        expectDiagnostic(
            Self.verify(files), RuleID.flannelDirectRouting, file: "flannel/net-conf.yaml",
            line: line(of: "\"DirectRouting\"", in: Self.text(files, "flannel/net-conf.yaml")), severity: .note)
    }

    // MARK: Cilium

    @Test func lg043ClusterPoolOverlapsTheNodes() throws {
        let files = Self.changed(
            try Self.files("cilium-vxlan.swift"), "cilium/values.yaml", "  mode: kubernetes\n",
            "  mode: cluster-pool\n  operator:\n    clusterPoolIPv4PodCIDRList:\n    - 10.1.0.0/16\n")
        expectDiagnostic(
            Self.verify(files), RuleID.ciliumPodCIDR, file: "cilium/values.yaml",
            line: line(of: "- 10.1.0.0/16", in: Self.text(files, "cilium/values.yaml")))
    }

    @Test func lg043NativeRoutingCIDRMissesThePods() throws {
        let files = Self.changed(
            try Self.files("cilium-native-routing.swift"), "cilium/values.yaml", "ipv4NativeRoutingCIDR: 10.244.0.0/16",
            "ipv4NativeRoutingCIDR: 10.244.0.0/17")
        expectDiagnostic(
            Self.verify(files), RuleID.ciliumPodCIDR, file: "cilium/values.yaml",
            line: line(of: "ipv4NativeRoutingCIDR", in: Self.text(files, "cilium/values.yaml")))
    }

    @Test func lg044NativeRoutingAcrossRacksWithoutGatewayRoutes() throws {
        let files = Self.changed(
            try Self.files("cilium-native-routing.swift"), "startup-conf/gw0-boot.cfg",
            "route 10.244.1.0/24 {\n            next-hop 10.1.5.11 {\n            }\n        }\n", "")
        let diagnostics = Self.verify(files)
        expectDiagnostic(
            diagnostics, RuleID.ciliumNativeRoutes, file: "cilium/values.yaml",
            line: line(of: "routingMode", in: Self.text(files, "cilium/values.yaml")))
        #expect(diagnostics.first { $0.id == RuleID.ciliumNativeRoutes }?.message.contains("10.244.1.0/24") == true)
    }

    @Test func lg044CiliumBGPControlPlaneCarriesTheRoutes() throws {
        // Without the gateway routes, but with Cilium's BGP control plane: the routes come from BGP.
        var files = Self.changed(
            try Self.files("cilium-native-routing.swift"), "startup-conf/gw0-boot.cfg",
            "route 10.244.1.0/24 {\n            next-hop 10.1.5.11 {\n            }\n        }\n", "")
        #expect(Self.verify(files).contains { $0.id == RuleID.ciliumNativeRoutes })
        files = Self.changed(
            files, "cilium/values.yaml", "autoDirectNodeRoutes: true\n",
            "autoDirectNodeRoutes: true\nbgpControlPlane:\n  enabled: true\n")
        #expect(!Self.verify(files).contains { $0.id == RuleID.ciliumNativeRoutes })
    }

    @Test func lg044OlderChartsTunnelDisabledIsNativeRouting() throws {
        // Charts before 1.14 say `tunnel: disabled` for native routing (as the real labs' scripts do).
        let files = Self.changed(
            Self.changed(
                try Self.files("cilium-native-routing.swift"), "startup-conf/gw0-boot.cfg",
                "route 10.244.1.0/24 {\n            next-hop 10.1.5.11 {\n            }\n        }\n", ""),
            "cilium/values.yaml", "routingMode: native", "tunnel: disabled")
        expectDiagnostic(
            Self.verify(files), RuleID.ciliumNativeRoutes, file: "cilium/values.yaml",
            line: line(of: "tunnel: disabled", in: Self.text(files, "cilium/values.yaml")))
    }

    @Test func lg045MTULargerThanTheNodeLinks() throws {
        let files = Self.changed(try Self.files("cilium-vxlan.swift"), "cilium/values.yaml", "MTU: 1500", "MTU: 1550")
        expectDiagnostic(
            Self.verify(files), RuleID.ciliumMTU, file: "cilium/values.yaml",
            line: line(of: "MTU: 1550", in: Self.text(files, "cilium/values.yaml")))
    }

    /// `MTU` is the underlying network's: the link MTU itself with VXLAN is right (Cilium takes the
    /// 50 bytes off for the pods' routes), so no LG045.
    @Test func lg045LinkMTUWithVXLANIsRight() throws {
        let files = try Self.files("cilium-vxlan.swift")
        #expect(Self.text(files, "cilium/values.yaml").contains("MTU: 1500\n"))
        #expect(!Self.verify(files).contains { $0.id == RuleID.ciliumMTU })
    }

    @Test func lg046KubeProxyReplacementWithKubeProxyRunning() throws {
        let files = Self.changed(
            try Self.files("cilium-native-routing.swift"), "kind.yaml", "  kubeProxyMode: none\n", "")
        expectDiagnostic(
            Self.verify(files), RuleID.ciliumKubeProxy, file: "cilium/values.yaml",
            line: line(of: "kubeProxyReplacement", in: Self.text(files, "cilium/values.yaml")))
    }

    @Test func lg046ServiceHostIsNotTheControlPlane() throws {
        let files = Self.changed(
            try Self.files("cilium-native-routing.swift"), "cilium/values.yaml", "k8sServiceHost: 10.1.5.10",
            "k8sServiceHost: 10.1.5.11")
        expectDiagnostic(
            Self.verify(files), RuleID.ciliumKubeProxy, file: "cilium/values.yaml",
            line: line(of: "k8sServiceHost", in: Self.text(files, "cilium/values.yaml")))
    }

    @Test func lg046FlagsOfACiliumInstallInASetupScript() throws {
        // A hand-written folder: no values file, the settings are --set flags of `cilium install`.
        let script = """
            #!/bin/bash
            set -v
            cilium install --version 1.18.0 \\
              --set routingMode=native \\
              --set ipv4NativeRoutingCIDR=10.244.0.0/16 \\
              --set autoDirectNodeRoutes=true \\
              --set kubeProxyReplacement=true \\
              --set k8sServiceHost=10.1.5.99 --set k8sServicePort=6443

            """
        var files = try Self.files("cilium-native-routing.swift").filter {
            !["cilium/values.yaml", "lab.sh"].contains($0.path)
        }
        files.append(("2-install-cilium.sh", script))
        let diagnostics = Self.verify(files)
        expectDiagnostic(
            diagnostics, RuleID.ciliumKubeProxy, file: "2-install-cilium.sh",
            line: line(of: "k8sServiceHost", in: script))
        let host = diagnostics.first { $0.id == RuleID.ciliumKubeProxy }?.location
        // The value's column: the argument starts at 9 (`  --set ` before it).
        #expect(host?.column == 9 + "k8sServiceHost=".count)
        #expect(diagnostics.filter { $0.severity == .error }.count == 1, "\(diagnostics.map(\.description))")
    }

    /// The cilium CLI before its Helm mode spelled the values `--helm-set`.
    @Test func lg043HelmSetFlagsOfAnOlderCiliumCLI() throws {
        let script = """
            cilium install --version 1.13.4 --helm-set ipam.mode=cluster-pool \\
                --helm-set=ipam.operator.clusterPoolIPv4PodCIDRList=10.1.0.0/16

            """
        var files = try Self.files("cilium-vxlan.swift").filter { !["cilium/values.yaml", "lab.sh"].contains($0.path) }
        files.append(("install.sh", script))
        let facts = LabFacts.read(files)
        #expect(facts.ciliumInstalls.first?.value("ipam.mode")?.value == "cluster-pool")
        // The cluster-pool 10.1.0.0/16 overlaps the racks' 10.1.5.0/24: LG043 at the value on line 2.
        expectDiagnostic(Verifier.verify(facts), RuleID.ciliumPodCIDR, file: "install.sh", line: 2)
    }

    @Test func helmSetFlagsOverTheValuesFileTheyName() throws {
        let script =
            "helm install cilium cilium/cilium --version 1.18.0 -n kube-system -f cilium/values.yaml "
            + "--set MTU=9000\n"
        var files = try Self.files("cilium-vxlan.swift").filter { $0.path != "lab.sh" }
        files.append(("install.sh", script))
        let facts = LabFacts.read(files)
        #expect(facts.ciliumInstalls.count == 1)
        expectDiagnostic(Verifier.verify(facts), RuleID.ciliumMTU, file: "install.sh", line: 1)
    }

    @Test func kindOnlyCiliumReachesTheAPIServerByContainerName() throws {
        let lab = Lab("kind-cilium") {
            Cluster("kc") {
                Cilium(kubeProxyReplacement: true)
                Node(.controlPlane)
                Node(.worker)
            }
        }
        let compiled = Pipeline.compile(lab.spec)
        #expect(compiled.diagnostics.isEmpty, "\(compiled.diagnostics.map(\.description))")
        let plan = try #require(compiled.plan)
        #expect(plan.cluster?.kubeProxyMode == "none")
        #expect(plan.cluster?.cilium?.k8sServiceHost == "kc-control-plane")
        let values = try #require(compiled.rendered?.artifact(at: "cilium/values.yaml")).contents
        #expect(values.contains("k8sServiceHost: kc-control-plane\nk8sServicePort: 6443\n"))
    }

    @Test func labJSONRoundTripsEachCNI() throws {
        for template in Self.templates + ["calico-ipip-crosssubnet.swift"] {
            let lab = try #require(templateLabs.first { $0.file == template }).lab
            let plan = try #require(Pipeline.compile(lab.spec).plan)
            let decoded = try LabModelRenderer.decode(LabModelRenderer.encode(plan))
            #expect(decoded.cluster?.cni == plan.cluster?.cni.map(Self.withoutLocation), "\(template)")
        }
    }

    @Test func checkSummarisesACNIChange() throws {
        func plan(_ template: String) throws -> LabPlan {
            let lab = try #require(templateLabs.first { $0.file == template }).lab
            return try #require(Pipeline.compile(lab.spec).plan)
        }
        let summary = ModelDiff.summary(
            old: try plan("flannel-vxlan-directrouting.swift"), new: try plan("flannel-host-gw.swift"))
        #expect(summary.contains("CNI: Flannel v0.28.10 vxlan DirectRouting -> Flannel v0.28.10 host-gw"), "\(summary)")
        let calico = ModelDiff.summary(
            old: try plan("calico-ipip-crosssubnet.swift"), new: try plan("cilium-vxlan.swift"))
        #expect(calico.contains("CNI: Calico -> Cilium 1.18.0 tunnel vxlan ipam kubernetes"), "\(calico)")
    }

    @Test func buildPointsAtTheCiliumLineOfTheLab() throws {
        // Native routing across two racks and no gateway routes: labgen build refuses it (LG044) and
        // names the Cilium(...) line of the lab.
        let ciliumLine = #line + 3
        let lab = Lab("native-no-routes") {
            Cluster("nn", podSubnet: "10.244.0.0/16") {
                Cilium(
                    routing: .native(autoDirectNodeRoutes: true))
            }
            Gateway("gw0", vyos: "1.4.9") { Masquerade(source: "10.1.0.0/16") }
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            Rack("rack1", subnet: "10.1.8.0/24") { Node(.worker) }
        }
        let compiled = Pipeline.compile(lab.spec)
        let error = try #require(compiled.diagnostics.first { $0.id == RuleID.ciliumNativeRoutes })
        #expect(error.location?.file == "cilium/values.yaml")
        #expect(
            error.notes.contains { $0.message == "Cilium is declared here" && $0.location?.line == ciliumLine },
            "\(error.notes.map { "\($0.message) \(String(describing: $0.location))" })")
        #expect(!compiled.isWritable)
    }

    /// lab.json does not keep source locations.
    static func withoutLocation(_ cni: CNIPlan) -> CNIPlan {
        switch cni {
        case .calico(var plan):
            for index in plan.pools.indices { plan.pools[index].location = nil }
            return .calico(plan)
        case .flannel(var plan):
            plan.location = nil
            return .flannel(plan)
        case .cilium(var plan):
            plan.location = nil
            return .cilium(plan)
        }
    }
}

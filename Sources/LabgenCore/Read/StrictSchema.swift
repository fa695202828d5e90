import LabFormats
import LabModel

/// The shape of a strictly decoded document: kind's v1alpha4 config and kubeadm's v1beta3
/// configurations reject unknown fields, so labgen does too, with a did-you-mean suggestion.
///
/// Field lists follow kind `sigs.k8s.io/kind/pkg/apis/config/v1alpha4` and kubeadm
/// `k8s.io/kubernetes/cmd/kubeadm/app/apis/kubeadm/v1beta3`.
public indirect enum FieldShape: Sendable {
    case string
    case bool
    case int
    /// Any scalar (kubeadm/kind accept e.g. durations or quantities as strings).
    case scalar
    case stringMap
    case list(FieldShape)
    case object(StrictSchema)
    /// Not checked below this point.
    case any

    var typeName: String {
        switch self {
        case .string: "a string"
        case .bool: "a boolean"
        case .int: "an integer"
        case .scalar: "a scalar"
        case .stringMap: "a mapping of strings"
        case .list: "a list"
        case .object(let schema): "a mapping (\(schema.name))"
        case .any: "any value"
        }
    }
}

/// The fields of one strictly decoded object.
public struct StrictSchema: Sendable {
    public var name: String
    public var fields: [String: FieldShape]

    public init(_ name: String, _ fields: [String: FieldShape]) {
        self.name = name
        self.fields = fields
    }

    /// Checks `node` against the schema; every problem becomes an `LG015` diagnostic.
    func check(_ node: YAMLNode, origin: TextOrigin, what: String, into diagnostics: inout DiagnosticList) {
        guard case .mapping(let pairs) = node.content else { return }
        for pair in pairs {
            let key = pair.key.scalarText ?? ""
            guard let shape = fields[key] else {
                var message = "unknown field '\(key)' in \(name) (\(what) is decoded strictly)"
                if let suggestion = Suggestions.closest(to: key, in: fields.keys.sorted(), tolerance: .name) {
                    message += "; did you mean '\(suggestion)'?"
                }
                diagnostics.error(RuleID.strictDecoding, message, at: origin.location(pair.key))
                continue
            }
            Self.check(pair.value, shape, field: key, in: name, origin: origin, what: what, into: &diagnostics)
        }
    }

    static func check(
        _ node: YAMLNode, _ shape: FieldShape, field: String, in object: String, origin: TextOrigin, what: String,
        into diagnostics: inout DiagnosticList
    ) {
        func wrongType() {
            diagnostics.error(
                RuleID.strictDecoding,
                "'\(field)' in \(object) must be \(shape.typeName), not \(describe(node)) (\(what) is decoded strictly)",
                at: origin.location(node))
        }
        // A plain scalar's value, resolved once (null, bool, int or string).
        var plain: YAMLValue?
        if case .scalar(_, .plain) = node.content {
            plain = node.value
            if plain == .null { return }
        }
        switch shape {
        case .any:
            return
        case .string, .scalar:
            guard case .scalar = node.content else { return wrongType() }
            if case .string = shape, let plain {
                switch plain {
                case .bool, .int: if field != "kubernetesVersion" { return wrongType() }
                default: break
                }
            }
        case .bool:
            guard case .bool = plain ?? node.value else { return wrongType() }
        case .int:
            guard case .int = plain ?? node.value else { return wrongType() }
        case .stringMap:
            guard case .mapping(let pairs) = node.content else { return wrongType() }
            for pair in pairs {
                guard case .scalar = pair.value.content else {
                    diagnostics.error(
                        RuleID.strictDecoding,
                        "'\(pair.key.scalarText ?? "")' in \(field) must be a string, not \(describe(pair.value))",
                        at: origin.location(pair.value))
                    continue
                }
            }
        case .list(let element):
            guard case .sequence(let items) = node.content else { return wrongType() }
            for item in items {
                check(item, element, field: field + "[]", in: object, origin: origin, what: what, into: &diagnostics)
            }
        case .object(let schema):
            guard case .mapping = node.content else { return wrongType() }
            schema.check(node, origin: origin, what: what, into: &diagnostics)
        }
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar(let text, _):
            switch node.value {
            case .int: return "the integer \(text)"
            case .bool: return "the boolean \(text)"
            default: return "the string '\(text)'"
            }
        }
    }
}

/// kind `v1alpha4` and kubeadm `v1beta3` field lists.
public enum KnownSchemas {
    static let patchJSON6902 = StrictSchema(
        "PatchJSON6902", ["group": .string, "version": .string, "kind": .string, "patch": .string])
    static let mount = StrictSchema(
        "Mount",
        [
            "containerPath": .string, "hostPath": .string, "readOnly": .bool, "selinuxRelabel": .bool,
            "propagation": .string,
        ])
    static let portMapping = StrictSchema(
        "PortMapping", ["containerPort": .int, "hostPort": .int, "listenAddress": .string, "protocol": .string])

    /// kind `Networking`.
    public static let kindNetworking = StrictSchema(
        "Networking",
        [
            "ipFamily": .string, "apiServerPort": .int, "apiServerAddress": .string, "podSubnet": .string,
            "serviceSubnet": .string, "disableDefaultCNI": .bool, "kubeProxyMode": .string, "dnsSearch": .list(.string),
        ])

    /// kind `Node`.
    public static let kindNode = StrictSchema(
        "Node",
        [
            "role": .string, "image": .string, "labels": .stringMap, "extraMounts": .list(.object(mount)),
            "extraPortMappings": .list(.object(portMapping)), "kubeadmConfigPatches": .list(.string),
            "kubeadmConfigPatchesJSON6902": .list(.object(patchJSON6902)),
        ])

    /// kind `Cluster`.
    public static let kindCluster = StrictSchema(
        "Cluster",
        [
            "kind": .string, "apiVersion": .string, "name": .string, "nodes": .list(.object(kindNode)),
            "networking": .object(kindNetworking), "featureGates": .any, "runtimeConfig": .stringMap,
            "kubeadmConfigPatches": .list(.string), "kubeadmConfigPatchesJSON6902": .list(.object(patchJSON6902)),
            "containerdConfigPatches": .list(.string), "containerdConfigPatchesJSON6902": .list(.string),
        ])

    static let taint = StrictSchema("Taint", ["key": .string, "value": .string, "effect": .string, "timeAdded": .any])

    /// kubeadm `NodeRegistrationOptions`.
    public static let nodeRegistration = StrictSchema(
        "NodeRegistrationOptions",
        [
            "name": .string, "criSocket": .string, "taints": .list(.object(taint)), "kubeletExtraArgs": .stringMap,
            "ignorePreflightErrors": .list(.string), "imagePullPolicy": .string,
        ])

    static let metadata: FieldShape = .any
    static let apiEndpoint = StrictSchema("APIEndpoint", ["advertiseAddress": .string, "bindPort": .int])
    static let patches = StrictSchema("Patches", ["directory": .string])
    static let bootstrapToken = StrictSchema(
        "BootstrapToken",
        [
            "token": .string, "description": .string, "ttl": .scalar, "expires": .any, "usages": .list(.string),
            "groups": .list(.string),
        ])
    static let discovery = StrictSchema(
        "Discovery",
        [
            "bootstrapToken": .object(
                StrictSchema(
                    "BootstrapTokenDiscovery",
                    [
                        "token": .string, "apiServerEndpoint": .string, "caCertHashes": .list(.string),
                        "unsafeSkipCAVerification": .bool,
                    ])),
            "file": .object(StrictSchema("FileDiscovery", ["kubeConfigPath": .string])),
            "tlsBootstrapToken": .string, "timeout": .scalar,
        ])

    /// kubeadm `InitConfiguration`.
    public static let initConfiguration = StrictSchema(
        "InitConfiguration",
        [
            "kind": .string, "apiVersion": .string, "metadata": metadata,
            "bootstrapTokens": .list(.object(bootstrapToken)),
            "nodeRegistration": .object(nodeRegistration), "localAPIEndpoint": .object(apiEndpoint),
            "certificateKey": .string, "skipPhases": .list(.string), "patches": .object(patches),
        ])

    /// kubeadm `JoinConfiguration`.
    public static let joinConfiguration = StrictSchema(
        "JoinConfiguration",
        [
            "kind": .string, "apiVersion": .string, "metadata": metadata, "nodeRegistration": .object(nodeRegistration),
            "caCertPath": .string, "discovery": .object(discovery),
            "controlPlane": .object(
                StrictSchema("JoinControlPlane", ["localAPIEndpoint": .object(apiEndpoint), "certificateKey": .string])),
            "skipPhases": .list(.string), "patches": .object(patches),
        ])
}

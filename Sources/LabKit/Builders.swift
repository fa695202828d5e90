import LabModel

// Result builders of the DSL. Each accepts only the elements that belong at its level;
// an element written at the wrong level matches an `@available(*, unavailable)` overload,
// so the compiler points at the user's line with a message that says where it belongs.

@resultBuilder
public enum LabBuilder {
    public static func buildExpression(_ element: some LabElement) -> [LabComponent] { [element.labComponent] }
    public static func buildExpression(_ elements: [LabComponent]) -> [LabComponent] { elements }

    @available(
        *, unavailable, message: "a Node belongs inside a Rack { ... } (or inside Cluster { ... } for a kind-only lab)"
    )
    public static func buildExpression(_ element: Node) -> [LabComponent] { [] }
    @available(*, unavailable, message: "a PodPool belongs inside Cluster { ... }")
    public static func buildExpression(_ element: PodPool) -> [LabComponent] { [] }
    @available(*, unavailable, message: "Calico belongs inside Cluster { ... }")
    public static func buildExpression(_ element: Calico) -> [LabComponent] { [] }
    @available(*, unavailable, message: "Flannel belongs inside Cluster { ... }")
    public static func buildExpression(_ element: Flannel) -> [LabComponent] { [] }
    @available(*, unavailable, message: "Cilium belongs inside Cluster { ... }")
    public static func buildExpression(_ element: Cilium) -> [LabComponent] { [] }
    @available(*, unavailable, message: "a Masquerade rule belongs inside Gateway { ... }")
    public static func buildExpression(_ element: Masquerade) -> [LabComponent] { [] }
    @available(*, unavailable, message: "a StaticRoute belongs inside Gateway { ... }")
    public static func buildExpression(_ element: StaticRoute) -> [LabComponent] { [] }
    @available(*, unavailable, message: "a Lab cannot contain another Lab; declare each lab at the top level")
    public static func buildExpression(_ element: Lab) -> [LabComponent] { [] }

    public static func buildBlock(_ parts: [LabComponent]...) -> [LabComponent] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [LabComponent]?) -> [LabComponent] { part ?? [] }
    public static func buildEither(first part: [LabComponent]) -> [LabComponent] { part }
    public static func buildEither(second part: [LabComponent]) -> [LabComponent] { part }
    public static func buildArray(_ parts: [[LabComponent]]) -> [LabComponent] { parts.flatMap { $0 } }
    public static func buildLimitedAvailability(_ part: [LabComponent]) -> [LabComponent] { part }
}

@resultBuilder
public enum RackBuilder {
    public static func buildExpression(_ node: Node) -> [NodeSpec] { [node.spec] }
    public static func buildExpression(_ nodes: [Node]) -> [NodeSpec] { nodes.map(\.spec) }

    @available(*, unavailable, message: "racks do not nest; declare every Rack directly inside Lab { ... }")
    public static func buildExpression(_ element: Rack) -> [NodeSpec] { [] }
    @available(
        *, unavailable,
        message: "a Gateway belongs directly inside Lab { ... }; a rack names its gateway with Rack(..., router:)"
    )
    public static func buildExpression(_ element: Gateway) -> [NodeSpec] { [] }
    @available(*, unavailable, message: "the Cluster belongs directly inside Lab { ... }")
    public static func buildExpression(_ element: Cluster) -> [NodeSpec] { [] }
    @available(
        *, unavailable,
        message: "a PodPool belongs inside Cluster { ... }; pin it to this rack with PodPool(..., rack: \"<rack>\")"
    )
    public static func buildExpression(_ element: PodPool) -> [NodeSpec] { [] }
    @available(*, unavailable, message: "a Masquerade rule belongs inside Gateway { ... }")
    public static func buildExpression(_ element: Masquerade) -> [NodeSpec] { [] }
    @available(*, unavailable, message: "the Transit link belongs directly inside Lab { ... }")
    public static func buildExpression(_ element: Transit) -> [NodeSpec] { [] }
    @available(
        *, unavailable,
        message: "a NodePool belongs directly inside Lab { ... }; take a given position of it with Rack(..., slot:)"
    )
    public static func buildExpression(_ element: NodePool) -> [NodeSpec] { [] }

    public static func buildBlock(_ parts: [NodeSpec]...) -> [NodeSpec] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [NodeSpec]?) -> [NodeSpec] { part ?? [] }
    public static func buildEither(first part: [NodeSpec]) -> [NodeSpec] { part }
    public static func buildEither(second part: [NodeSpec]) -> [NodeSpec] { part }
    public static func buildArray(_ parts: [[NodeSpec]]) -> [NodeSpec] { parts.flatMap { $0 } }
    public static func buildLimitedAvailability(_ part: [NodeSpec]) -> [NodeSpec] { part }
}

/// Elements of a `Cluster { ... }` body.
public enum ClusterComponent: Sendable {
    case pool(PodPoolSpec)
    case calicoInstall(CalicoInstallSpec)
    case calicoBGP(CalicoBGPSpec)
    case node(NodeSpec)
    case flannel(FlannelSpec)
    case cilium(CiliumSpec)
}

@resultBuilder
public enum ClusterBuilder {
    public static func buildExpression(_ calico: Calico) -> [ClusterComponent] {
        calico.pools.map { .pool($0) } + (calico.install.map { [.calicoInstall($0)] } ?? [])
            + (calico.bgp.map { [.calicoBGP($0)] } ?? [])
    }
    public static func buildExpression(_ pool: PodPool) -> [ClusterComponent] { [.pool(pool.spec)] }
    public static func buildExpression(_ flannel: Flannel) -> [ClusterComponent] { [.flannel(flannel.spec)] }
    public static func buildExpression(_ cilium: Cilium) -> [ClusterComponent] { [.cilium(cilium.spec)] }
    public static func buildExpression(_ node: Node) -> [ClusterComponent] { [.node(node.spec)] }
    public static func buildExpression(_ nodes: [Node]) -> [ClusterComponent] { nodes.map { .node($0.spec) } }

    @available(*, unavailable, message: "a Rack belongs directly inside Lab { ... }")
    public static func buildExpression(_ element: Rack) -> [ClusterComponent] { [] }
    @available(*, unavailable, message: "a Gateway belongs directly inside Lab { ... }")
    public static func buildExpression(_ element: Gateway) -> [ClusterComponent] { [] }
    @available(*, unavailable, message: "clusters do not nest; a lab has one Cluster")
    public static func buildExpression(_ element: Cluster) -> [ClusterComponent] { [] }
    @available(*, unavailable, message: "the Registry belongs directly inside Lab { ... }")
    public static func buildExpression(_ element: Registry) -> [ClusterComponent] { [] }
    @available(
        *, unavailable,
        message: "a NodePool (rack subnets) belongs directly inside Lab { ... }; pod addresses come from PodPool"
    )
    public static func buildExpression(_ element: NodePool) -> [ClusterComponent] { [] }

    public static func buildBlock(_ parts: [ClusterComponent]...) -> [ClusterComponent] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [ClusterComponent]?) -> [ClusterComponent] { part ?? [] }
    public static func buildEither(first part: [ClusterComponent]) -> [ClusterComponent] { part }
    public static func buildEither(second part: [ClusterComponent]) -> [ClusterComponent] { part }
    public static func buildArray(_ parts: [[ClusterComponent]]) -> [ClusterComponent] { parts.flatMap { $0 } }
    public static func buildLimitedAvailability(_ part: [ClusterComponent]) -> [ClusterComponent] { part }
}

/// Elements of a `Gateway { ... }` body.
public enum GatewayComponent: Sendable {
    case masquerade(MasqueradeSpec)
    case route(StaticRouteSpec)
}

@resultBuilder
public enum GatewayBuilder {
    public static func buildExpression(_ rule: Masquerade) -> [GatewayComponent] { [.masquerade(rule.spec)] }
    public static func buildExpression(_ route: StaticRoute) -> [GatewayComponent] { [.route(route.spec)] }

    @available(
        *, unavailable, message: "a Rack belongs directly inside Lab { ... }; name its gateway with Rack(..., router:)"
    )
    public static func buildExpression(_ element: Rack) -> [GatewayComponent] { [] }
    @available(*, unavailable, message: "a Node belongs inside a Rack { ... }")
    public static func buildExpression(_ element: Node) -> [GatewayComponent] { [] }
    @available(*, unavailable, message: "gateways do not nest; declare every Gateway directly inside Lab { ... }")
    public static func buildExpression(_ element: Gateway) -> [GatewayComponent] { [] }
    @available(
        *, unavailable,
        message:
            "the Transit link belongs directly inside Lab { ... }; set a gateway's address on it with Gateway(..., transit:)"
    )
    public static func buildExpression(_ element: Transit) -> [GatewayComponent] { [] }

    public static func buildBlock(_ parts: [GatewayComponent]...) -> [GatewayComponent] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [GatewayComponent]?) -> [GatewayComponent] { part ?? [] }
    public static func buildEither(first part: [GatewayComponent]) -> [GatewayComponent] { part }
    public static func buildEither(second part: [GatewayComponent]) -> [GatewayComponent] { part }
    public static func buildArray(_ parts: [[GatewayComponent]]) -> [GatewayComponent] { parts.flatMap { $0 } }
    public static func buildLimitedAvailability(_ part: [GatewayComponent]) -> [GatewayComponent] { part }
}

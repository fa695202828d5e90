import LabModel

/// A plain containerlab host that joins no kind node: a `linux` container with one interface
/// (`net0`) linked straight to a router interface, its address, and a default route via the router.
/// A lab of routers and hosts needs no `Cluster`.
///
/// ```swift
/// PlainHost("server1", address: "10.1.5.10/24", router: "gw0")   // gw0 gets 10.1.5.1/24 on eth<next>
/// ```
public struct PlainHost: LabElement, Sendable {
    let spec: HostSpec

    /// - Parameters:
    ///   - name: the containerlab node name.
    ///   - address: the host's address with its prefix length (`10.1.5.10/24`).
    ///   - router: the router (a `Router` or `Gateway`) the host hangs off.
    ///   - gateway: the router's address on the host's subnet; the subnet's first host when nil.
    ///   - interface: the router's interface; the next free `ethN` when nil.
    ///   - image: the host's image; the topology's server image when nil.
    public init(
        _ name: String, address: String, router: String, gateway: String? = nil, interface: String? = nil,
        image: String? = nil, fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        spec = HostSpec(
            name: name, address: address, router: router, gateway: gateway, interface: interface, image: image,
            location: Written(fileID, line, column).location)
    }

    public var labComponent: LabComponent { LabComponent(kind: .host(spec)) }
}

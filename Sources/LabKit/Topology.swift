import LabModel

/// containerlab topology settings: its name, the MTU of every link, and the server image.
public struct Topology: LabElement, Sendable {
    let spec: TopologySpec

    /// - Parameters:
    ///   - name: the topology name; defaults to the lab name.
    ///   - mtu: the MTU written on every link (containerlab's own default is 9500).
    ///   - serverImage: the image of the servers that wire kind nodes into racks;
    ///     defaults to `<registry>/nettool` when the lab has a registry.
    public init(
        name: String? = nil, mtu: Int? = nil, serverImage: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        spec = TopologySpec(
            name: name, mtu: mtu, serverImage: serverImage, location: Written(fileID, line, column).location)
    }

    public var labComponent: LabComponent { LabComponent(kind: .topology(spec)) }
}

import LabModel

/// Flannel as the lab's CNI: kube-flannel's manifest of a pinned release, with a net-conf whose
/// `Network` is the cluster's pod subnet.
///
/// ```swift
/// Flannel(.vxlan, directRouting: true)   // VXLAN between racks, direct routes within a rack
/// Flannel(.hostGW)                       // routes only: every node on one L2, or gateway routes
/// ```
public struct Flannel: Sendable {
    let spec: FlannelSpec

    /// - Parameters:
    ///   - backend: `.vxlan`, `.hostGW` or `.ipip`.
    ///   - directRouting: vxlan and ipip only: nodes on the same subnet route to each other directly.
    ///   - version: a Flannel release tag (`v0.28.10`); labgen's pinned default when nil.
    public init(
        _ backend: FlannelBackend = .vxlan, directRouting: Bool = false, version: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        spec = FlannelSpec(
            backend: backend, directRouting: directRouting, version: version,
            location: Written(fileID, line, column).location)
    }
}

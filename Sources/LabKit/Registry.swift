import LabModel

/// A private image registry: kind's containerd mirrors it, and images default to it.
public struct Registry: LabElement, Sendable {
    let spec: RegistrySpec

    /// - Parameters:
    ///   - mirror: `host:port` of the registry, for example `192.168.2.100:5000`.
    ///   - insecure: the registry speaks plain HTTP, so the mirror endpoint is `http://`.
    public init(
        mirror: String, insecure: Bool = false,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        spec = RegistrySpec(mirror: mirror, insecure: insecure, location: Written(fileID, line, column).location)
    }

    public var labComponent: LabComponent { LabComponent(kind: .registry(spec)) }
}

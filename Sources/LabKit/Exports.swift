import LabModel

// The few model types that appear in the DSL, re-exported so that `import LabKit` is all a
// lab file needs.
public typealias NodeRole = LabModel.NodeRole
public typealias EncapsulationMode = LabModel.EncapsulationMode
public typealias KubeadmPatchLayout = LabModel.KubeadmPatchLayout
public typealias LabSpec = LabModel.LabSpec

/// Where a DSL element was written.
struct Written {
    let location: SourceLocation

    init(_ fileID: String, _ line: Int, _ column: Int) {
        location = SourceLocation(file: fileID, line: line, column: column)
    }
}

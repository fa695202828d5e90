import LabFormats
import LabModel

extension LabFacts {
    /// The Calico and Cilium BGP resources of one YAML document.
    mutating func readBGPPeering(_ document: YAMLNode, origin: TextOrigin) {
        if CalicoBGPReader.isBGPDocument(document) { CalicoBGPReader.read(document, origin: origin, into: &self) }
        if CiliumBGPReader.isBGPDocument(document) { CiliumBGPReader.read(document, origin: origin, into: &self) }
    }

    /// The BGP resources of a script's heredocs (positions in the script), and its node AS annotations.
    mutating func addBGPManifests(of script: ShellScriptFacts) {
        for (node, asNumber) in script.nodeASAnnotations { nodeASNumbers[node] = asNumber }
        for manifest in script.bgpManifests {
            let origin = TextOrigin(file: script.file, origin: TextPosition(line: manifest.firstLine, column: 1))
            // A heredoc with shell variables may not parse; it is then not read (it is not the lab's artifact).
            guard let documents = try? YAMLReader.read(manifest.text) else { continue }
            for document in documents { readBGPPeering(document, origin: origin) }
        }
    }
}

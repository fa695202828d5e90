import LabModel

/// The lab's picture in each of its forms, for `labgen graph`.
public enum TopologyPicture {
    /// The Mermaid flowchart (what topology.md holds in its ```mermaid block).
    public static func mermaid(_ plan: LabPlan) -> String { TopologyMermaidRenderer.flowchart(TopologyGraph(plan)) }
    /// topology.md.
    public static func markdown(_ plan: LabPlan) -> String { TopologyMermaidRenderer.markdown(TopologyGraph(plan)) }
    /// topology.md and topology.svg, from one graph.
    static func artifacts(_ plan: LabPlan) -> [Artifact] {
        let graph = TopologyGraph(plan)
        // The longest render job of a large lab: the flowchart is written on another thread while
        // the SVG is laid out.
        let markdown = Parallel.start { TopologyMermaidRenderer.markdown(graph) }
        let svg = TopologySVGRenderer.svg(TopologyLayout(graph))
        return [
            Artifact(path: ArtifactPaths.topologyMarkdown, kind: .topologyMarkdown, contents: markdown()),
            Artifact(path: ArtifactPaths.topologySVG, kind: .topologySVG, contents: svg),
        ]
    }

    /// topology.svg.
    public static func svg(_ plan: LabPlan) -> String { TopologySVGRenderer.svg(TopologyLayout(TopologyGraph(plan))) }
}

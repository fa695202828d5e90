import LabModel

/// The lab's picture in each of its forms, for `labgen graph`.
public enum TopologyPicture {
    /// The Mermaid flowchart (what topology.md holds in its ```mermaid block).
    public static func mermaid(_ plan: LabPlan) -> String { TopologyMermaidRenderer.flowchart(TopologyGraph(plan)) }
    /// topology.md.
    public static func markdown(_ plan: LabPlan) -> String { TopologyMermaidRenderer.markdown(plan) }
    /// topology.svg.
    public static func svg(_ plan: LabPlan) -> String { TopologySVGRenderer.svg(TopologyLayout(TopologyGraph(plan))) }
}

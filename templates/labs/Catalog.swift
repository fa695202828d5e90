import Foundation
import LabKit

// The labs that `labgen build` builds when it is given no lab file. Every other file in this
// folder is a lab file of the form users write (`labgen build FILE`, `labgen init --template`).

/// A built-in lab and the file it is written in.
public struct TemplateLab: Sendable {
    /// The lab file's name in `templates/labs/`.
    public let file: String
    public let lab: Lab
}

/// Every built-in lab, in build order.
public let templateLabs: [TemplateLab] = [
    TemplateLab(file: "calico-ipip-crosssubnet-2022.swift", lab: calicoIPIPCrossSubnet2022),
    TemplateLab(file: "calico-ipip-crosssubnet.swift", lab: calicoIPIPCrossSubnet),
    TemplateLab(file: "calico-ipip.swift", lab: calicoIPIP),
    TemplateLab(file: "calico-bgp-fullmesh.swift", lab: calicoBGPFullMesh),
    TemplateLab(file: "calico-vxlan-crosssubnet.swift", lab: calicoVXLANCrossSubnet),
    TemplateLab(file: "calico-ipip-crosssubnet-pools.swift", lab: calicoIPIPCrossSubnetPools),
    TemplateLab(file: "calico-ipip-crosssubnet-2gw.swift", lab: calicoIPIPCrossSubnet2GW),
    TemplateLab(file: "calico-ipip-crosssubnet-vyos13.swift", lab: calicoIPIPCrossSubnetVyOS13),
    TemplateLab(file: "calico-ipip-crosssubnet-vyos15.swift", lab: calicoIPIPCrossSubnetVyOS15),
    TemplateLab(file: "flannel-vxlan-directrouting.swift", lab: flannelVXLANDirectRouting),
    TemplateLab(file: "flannel-host-gw.swift", lab: flannelHostGW),
    TemplateLab(file: "cilium-native-routing.swift", lab: ciliumNativeRouting),
    TemplateLab(file: "cilium-vxlan.swift", lab: ciliumVXLAN),
    TemplateLab(file: "flannel-manual-host-gateway.swift", lab: flannelManualHostGateway),
    TemplateLab(file: "cilium-bgp-control-plane.swift", lab: ciliumBGPControlPlane),
    TemplateLab(file: "calico-bgp-spine-leaf.swift", lab: calicoBGPSpineLeaf),
]

/// The folder of the template lab files in the labgen source checkout (for `labgen init`).
public let templateFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

/// Where every element, link and label of a `TopologyGraph` goes, in whole pixels: outside (NAT) on
/// top, the gateways (and the transit link between them) below it, the racks as columns of their
/// nodes, and the pod pools at the bottom. Text widths are estimated from the number of characters
/// with a fixed width per character of a monospace font, so the layout, like every output of
/// labgen, does not depend on the machine.
public struct TopologyLayout: Hashable, Sendable {
    public struct Point: Hashable, Sendable {
        public var x: Int
        public var y: Int
    }

    public struct Rect: Hashable, Sendable {
        public var x: Int
        public var y: Int
        public var width: Int
        public var height: Int

        public var right: Int { x + width }
        public var bottom: Int { y + height }
        public var centerX: Int { x + width / 2 }
        public var centerY: Int { y + height / 2 }

        /// Whether the two share any area (touching edges do not count).
        public func overlaps(_ other: Rect, margin: Int = 0) -> Bool {
            x < other.right + margin && other.x < right + margin && y < other.bottom + margin
                && other.y < bottom + margin
        }

        public func contains(_ other: Rect) -> Bool {
            x <= other.x && y <= other.y && other.right <= right && other.bottom <= bottom
        }
    }

    public struct Box: Hashable, Sendable {
        public var element: TopologyGraph.Element
        public var rect: Rect
        /// Lines centered (the outside band) rather than left-aligned.
        public var centered: Bool
    }

    public struct PlacedLink: Hashable, Sendable {
        public var link: TopologyGraph.Link
        public var points: [Point]
        public var labelRect: Rect
    }

    /// A line of text outside boxes (the lab's title, the pools' caption).
    public struct Caption: Hashable, Sendable {
        public var text: String
        public var rect: Rect
        public var fontSize: Int
    }

    public var width: Int
    public var height: Int
    public var captions: [Caption]
    /// The background of each column (a rack and its nodes), drawn behind everything.
    public var frames: [Rect]
    public var boxes: [Box]
    public var links: [PlacedLink]

    // Metrics: 12 px monospace (about 7.2 px per character in DejaVu Sans Mono or Liberation Mono,
    // estimated as 8), labels 11 px (estimated 7 px per character), 16 px lines.
    public static let fontSize = 12
    public static let charWidth = 8
    public static let labelFontSize = 11
    public static let labelCharWidth = 7
    public static let titleFontSize = 14
    public static let titleCharWidth = 9
    public static let lineHeight = 16
    public static let padding = 8
    public static let labelHeight = 16
    static let margin = 20

    /// Characters of `text` in character widths: wide (East Asian) characters count two.
    public static func columns(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
        return text.unicodeScalars.reduce(0) { sum, scalar in
            if scalar.properties.generalCategory == .nonspacingMark { return sum }
            return sum + (isWide(scalar.value) ? 2 : 1)
        }
    }

    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD,
    ]

    static func isWide(_ value: UInt32) -> Bool {
        value >= 0x1100 && wideRanges.contains { $0.contains(value) }
    }

    static func boxSize(_ element: TopologyGraph.Element) -> (width: Int, height: Int) {
        let widest = ([element.title] + element.lines).map(columns).max() ?? 0
        return (widest * charWidth + 2 * padding, 12 + lineHeight * (1 + element.lines.count))
    }

    static func labelWidth(_ text: String) -> Int { columns(text) * labelCharWidth + 8 }
}

extension TopologyLayout {
    public init(_ graph: TopologyGraph) {
        let m = Self.margin
        var boxes: [String: Box] = [:]
        var order: [String] = []
        func place(_ element: TopologyGraph.Element, _ rect: Rect, centered: Bool = false) {
            boxes[element.id] = Box(element: element, rect: rect, centered: centered)
            order.append(element.id)
        }
        var captions = [
            Caption(
                text: graph.title,
                rect: Rect(x: m, y: m, width: Self.columns(graph.title) * Self.titleCharWidth, height: 18),
                fontSize: Self.titleFontSize)
        ]
        var y = m + 32

        // The outside band: placed now, its width set when the width of the picture is known.
        var outsideRect: Rect?
        if let outside = graph.outside {
            let size = Self.boxSize(outside)
            outsideRect = Rect(x: m, y: y, width: size.width, height: size.height)
            y += size.height + 64
        }

        // Columns: a rack (or the kind network) on top, its nodes below, joined by a bus line on the left.
        let gatewayRowY = y
        let gatewayRowHeight =
            (graph.gateways + (graph.transit.map { [$0] } ?? [])).map { Self.boxSize($0).height }.max() ?? 0
        if !graph.gateways.isEmpty { y += gatewayRowHeight + 96 }
        let columnsY = y
        var frames: [Rect] = []
        var columnBottom = y
        var x = m + 8
        struct Bus {
            var x: Int
            var top: Int
        }
        var buses: [String: Bus] = [:]
        // The widest label of the links out of each element, and how many links of each kind leave it.
        var widestLabel: [String: Int] = [:]
        var linkCount: [PortKey: Int] = [:]
        var rackTargets: [String: [String]] = [:]
        for link in graph.links {
            widestLabel[link.from] = max(widestLabel[link.from] ?? 0, Self.labelWidth(link.label))
            linkCount[PortKey(element: link.from, kind: link.kind), default: 0] += 1
            if link.kind == .rack { rackTargets[link.from, default: []].append(link.to) }
        }
        for column in graph.columns {
            let head = Self.boxSize(column.head)
            let stub = max(40, (widestLabel[column.head.id] ?? 0) + 16)
            // The nodes of a column are as wide as the widest of them.
            let sizes = column.nodes.map(Self.boxSize)
            let nodeWidth = sizes.map(\.width).max() ?? 0
            let nodeSizes = sizes.map { (width: nodeWidth, height: $0.height) }
            let busOffset = 14
            let width = max(head.width, busOffset + stub + (nodeSizes.map(\.width).max() ?? 0))
            place(column.head, Rect(x: x, y: columnsY, width: width, height: head.height))
            var nodeY = columnsY + head.height + 20
            for (node, size) in zip(column.nodes, nodeSizes) {
                place(node, Rect(x: x + busOffset + stub, y: nodeY, width: size.width, height: size.height))
                nodeY += size.height + 14
            }
            buses[column.head.id] = Bus(x: x + busOffset, top: columnsY + head.height)
            let bottom = column.nodes.isEmpty ? columnsY + head.height : nodeY - 14
            frames.append(Rect(x: x - 8, y: columnsY - 8, width: width + 16, height: bottom - columnsY + 16))
            columnBottom = max(columnBottom, bottom + 8)
            x += width + 48
        }

        // Gateways: each above the middle of its racks, in that order, pushed right to keep apart;
        // the transit link's box between the middle two.
        var rowItems: [(element: TopologyGraph.Element, desired: Int?)] = []
        let sorted = graph.gateways.enumerated().map { index, gateway -> (TopologyGraph.Element, Int?, Int) in
            let centers = graph.columns.filter { $0.gateway == index }.compactMap { boxes[$0.head.id]?.rect.centerX }
            return (gateway, centers.isEmpty ? nil : centers.reduce(0, +) / centers.count, index)
        }.sorted { a, b in
            switch (a.1, b.1) {
            case (let l?, let r?): return l != r ? l < r : a.2 < b.2
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a.2 < b.2
            }
        }
        rowItems = sorted.map { ($0.0, $0.1) }
        var transitIndex: Int?
        if let transit = graph.transit {
            transitIndex = rowItems.count / 2
            rowItems.insert((transit, nil), at: rowItems.count / 2)
        }
        let transitLabels = graph.links.filter { $0.kind == .transit }.map { Self.labelWidth($0.label) }
        let transitGap = max(48, (transitLabels.max() ?? 0) + 32)
        var rowRects: [Rect] = []
        for (index, item) in rowItems.enumerated() {
            let size = Self.boxSize(item.element)
            var left = m
            if let desired = item.desired { left = max(left, desired - size.width / 2) }
            if let previous = rowRects.last {
                let nextToTransit = transitIndex.map { index == $0 || index == $0 + 1 } ?? false
                left = max(left, previous.right + (nextToTransit ? transitGap : 40))
            }
            rowRects.append(Rect(x: left, y: gatewayRowY, width: size.width, height: size.height))
        }
        if let t = transitIndex, t > 0, t + 1 < rowRects.count {
            // Center the transit box between its neighbours (it keeps at least the gap on each side).
            let center = (rowRects[t - 1].right + rowRects[t + 1].x) / 2
            rowRects[t].x = center - rowRects[t].width / 2
        }
        for (item, rect) in zip(rowItems, rowRects) { place(item.element, rect) }

        // A gateway pushed right of the middle of its racks takes its racks along, when the racks
        // are in the order of their gateways (else moving them would not bring them under it).
        let rank = Dictionary(
            rowItems.enumerated().map { ($0.element.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let overshoot = Dictionary(
            zip(rowItems, rowRects).compactMap { item, rect in
                item.desired.map { (item.element.id, max(0, rect.centerX - $0)) }
            }, uniquingKeysWith: { a, _ in a })
        let ranks = graph.columns.compactMap { $0.gateway.flatMap { rank[graph.gateways[$0].id] } }
        if zip(ranks, ranks.dropFirst()).allSatisfy({ $0 <= $1 }) {
            var shift = 0
            for (index, column) in graph.columns.enumerated() {
                if let gateway = column.gateway { shift = max(shift, overshoot[graph.gateways[gateway].id] ?? 0) }
                guard shift > 0 else { continue }
                for element in [column.head] + column.nodes { boxes[element.id]?.rect.x += shift }
                frames[index].x += shift
                buses[column.head.id]?.x += shift
            }
        }

        // Pools at the bottom, after their caption.
        var poolsBottom = 0
        if let caption = graph.poolCaption {
            let top = (graph.columns.isEmpty ? y : columnBottom + 32)
            captions.append(
                Caption(
                    text: caption,
                    rect: Rect(x: m, y: top, width: Self.columns(caption) * Self.charWidth, height: 16),
                    fontSize: Self.fontSize))
            var poolX = m
            for pool in graph.pools {
                let size = Self.boxSize(pool)
                place(pool, Rect(x: poolX, y: top + 24, width: size.width, height: size.height))
                poolX += size.width + 24
                poolsBottom = max(poolsBottom, top + 24 + size.height)
            }
        }

        // The width of the picture; the outside band spans it.
        var right = captions.map(\.rect.right).max() ?? 0
        right = max(right, boxes.values.map(\.rect.right).max() ?? 0, frames.map(\.right).max() ?? 0)
        if let band = outsideRect, let outside = graph.outside {
            right = max(right, band.right)
            place(outside, Rect(x: m, y: band.y, width: right - m, height: band.height), centered: true)
        }
        width = right + m

        // Links, in the order of the graph; then each label where it overlaps nothing placed so far
        // and, where it can, no other link's straight line.
        var routes: [(link: TopologyGraph.Link, points: [Point])] = []
        var portsUsed: [PortKey: Int] = [:]
        func ports(_ id: String, _ kind: TopologyGraph.LinkKind) -> Int {
            linkCount[PortKey(element: id, kind: kind)] ?? 0
        }
        var rackPorts: [String: [Int]] = [:]
        for (gateway, targets) in rackTargets {
            rackPorts[gateway] = targets.compactMap { boxes[$0]?.rect.centerX }.sorted()
        }
        for link in graph.links {
            guard let from = boxes[link.from]?.rect, let to = boxes[link.to]?.rect else { continue }
            let portKey = PortKey(element: link.from, kind: link.kind)
            let port = portsUsed[portKey, default: 0]
            portsUsed[portKey] = port + 1
            var points: [Point]
            switch link.kind {
            case .nat:
                let px = from.x + (port + 1) * from.width / (ports(link.from, .nat) + 1)
                points = [Point(x: px, y: from.y), Point(x: px, y: to.bottom)]
            case .transit:
                let y = min(from.y + from.height / 2, to.y + to.height / 2)
                let fromIndex = rowItems.firstIndex { $0.element.id == link.from } ?? 0
                let adjacent = transitIndex.map { fromIndex == $0 - 1 || fromIndex == $0 + 1 } ?? false
                if adjacent {
                    points =
                        from.x < to.x
                        ? [Point(x: from.right, y: y), Point(x: to.x, y: y)]
                        : [Point(x: from.x, y: y), Point(x: to.right, y: y)]
                } else {
                    // Over the row, in a lane of its own.
                    let lane = gatewayRowY - 14 - 8 * port
                    let px = from.x < to.x ? from.right - 12 : from.x + 12
                    let tx = to.centerX + (from.x < to.x ? -8 * (port + 1) : 8 * (port + 1))
                    points = [
                        Point(x: px, y: from.y), Point(x: px, y: lane), Point(x: tx, y: lane), Point(x: tx, y: to.y),
                    ]
                }
            case .rack:
                let targets = rackPorts[link.from] ?? []
                let rank = targets.firstIndex(of: to.centerX) ?? port
                let px = from.x + (rank + 1) * from.width / (targets.count + 1)
                points = [Point(x: px, y: from.bottom), Point(x: to.centerX, y: to.y)]
            case .node:
                let bus = buses[link.from] ?? Bus(x: from.x + 14, top: from.bottom)
                points = [Point(x: bus.x, y: bus.top), Point(x: bus.x, y: to.centerY), Point(x: to.x, y: to.centerY)]
            }
            routes.append((link, points))
        }
        // Indexed by a grid, so that a lab of thousands of nodes is laid out in linear time.
        var taken = RectIndex()
        for rect in boxes.values.map(\.rect) + captions.map(\.rect) { taken.insert(rect, owner: -1) }
        // The straight lines of the links between gateways, the outside and the transit (the links in
        // the columns keep to their columns).
        var lines = RectIndex()
        for (index, route) in routes.enumerated() where route.link.kind == .nat || route.link.kind == .transit {
            for (a, b) in zip(route.points, route.points.dropFirst()) where a.x == b.x || a.y == b.y {
                lines.insert(
                    Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x) + 1, height: abs(a.y - b.y) + 1),
                    owner: index)
            }
        }
        var placed: [PlacedLink] = []
        for (index, route) in routes.enumerated() {
            let label = Self.labelRect(
                route.link, points: route.points, avoiding: { taken.overlaps($0, margin: 2, except: nil) },
                lines: { lines.overlaps($0, margin: 2, except: index) })
            taken.insert(label, owner: index)
            placed.append(PlacedLink(link: route.link, points: route.points, labelRect: label))
        }
        links = placed
        self.boxes = order.compactMap { boxes[$0] }
        self.captions = captions
        self.frames = frames
        height = max(poolsBottom, columnBottom, self.boxes.map(\.rect.bottom).max() ?? 0) + m
    }

    /// The label's place: on the link's last segment for links into a node (the stub), else on its
    /// longest, at the middle or, when that overlaps something, further along.
    static func labelRect(
        _ link: TopologyGraph.Link, points: [Point], avoiding taken: (Rect) -> Bool, lines: (Rect) -> Bool
    ) -> Rect {
        let width = labelWidth(link.label)
        var segments = Array(zip(points, points.dropFirst()))
        if link.kind == .node, let (a, b) = segments.last {
            // The stub is made for its label: at its middle.
            let cx = a.x + (b.x - a.x) * 50 / 100
            let cy = a.y + (b.y - a.y) * 50 / 100
            return Rect(x: cx - width / 2, y: cy - labelHeight / 2, width: width, height: labelHeight)
        } else {
            segments.sort { length($0.0, $0.1) > length($1.0, $1.1) }
        }
        var candidates: [Rect] = []
        for (a, b) in segments {
            for t in [50, 35, 65, 25, 75, 15, 85] {
                let cx = a.x + (b.x - a.x) * t / 100
                let cy = a.y + (b.y - a.y) * t / 100
                candidates.append(Rect(x: cx - width / 2, y: cy - labelHeight / 2, width: width, height: labelHeight))
            }
        }
        let free = candidates.filter { !taken($0) }
        return free.first { !lines($0) } ?? free.first ?? candidates[0]
    }

    static func length(_ a: Point, _ b: Point) -> Int { abs(a.x - b.x) + abs(a.y - b.y) }

    /// The links of one kind out of one element (they share its edge as ports).
    struct PortKey: Hashable {
        var element: String
        var kind: TopologyGraph.LinkKind
    }
}

/// Rectangles in the cells of a grid they cover, so that what a rectangle overlaps is found among
/// its neighbours only.
struct RectIndex {
    static let cell = 256
    private var rects: [(rect: TopologyLayout.Rect, owner: Int)] = []
    private var buckets: [Int: [Int]] = [:]

    private static func cells(_ rect: TopologyLayout.Rect, margin: Int) -> [Int] {
        func floorDiv(_ a: Int) -> Int { a >= 0 ? a / cell : -((-a + cell - 1) / cell) }
        var keys: [Int] = []
        for cx in floorDiv(rect.x - margin)...floorDiv(rect.right + margin) {
            for cy in floorDiv(rect.y - margin)...floorDiv(rect.bottom + margin) {
                keys.append(cx &* 1_000_003 &+ cy)
            }
        }
        return keys
    }

    mutating func insert(_ rect: TopologyLayout.Rect, owner: Int) {
        rects.append((rect, owner))
        for key in Self.cells(rect, margin: 0) { buckets[key, default: []].append(rects.count - 1) }
    }

    /// Whether `rect` overlaps (within `margin`) a rectangle not owned by `except`.
    func overlaps(_ rect: TopologyLayout.Rect, margin: Int, except: Int?) -> Bool {
        for key in Self.cells(rect, margin: margin) {
            for index in buckets[key] ?? [] where rects[index].owner != except || except == nil {
                if rects[index].rect.overlaps(rect, margin: margin) { return true }
            }
        }
        return false
    }
}

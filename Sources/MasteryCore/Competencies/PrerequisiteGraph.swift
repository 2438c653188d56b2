/// Prerequisite edges between competencies (a learning progression): "A must be mastered before B".
/// Finds cycles (which would lock competencies forever), what a competency needs, what is unlocked, and a
/// topological order that keeps the given order among independent competencies.
public struct PrerequisiteGraph<Node: Hashable & Sendable>: Sendable {
    /// For each competency, its direct prerequisites, in the order the edges were given.
    public private(set) var prerequisites: [Node: [Node]] = [:]
    /// For each competency, the competencies it is a direct prerequisite of.
    public private(set) var dependents: [Node: [Node]] = [:]

    public init(edges: [(prerequisite: Node, competency: Node)]) {
        for edge in edges where !(prerequisites[edge.competency]?.contains(edge.prerequisite) ?? false) {
            prerequisites[edge.competency, default: []].append(edge.prerequisite)
            dependents[edge.prerequisite, default: []].append(edge.competency)
        }
    }

    /// A cycle as the path of nodes that closes it (`[a, b, a]`), or nil. Deterministic for given edges.
    public func cycle(order: [Node]? = nil) -> [Node]? {
        var state: [Node: Bool] = [:]  // false: on the current path; true: finished
        var path: [Node] = []
        let starts = order ?? Array(dependents.keys) + Array(prerequisites.keys)
        func visit(_ node: Node) -> [Node]? {
            state[node] = false
            path.append(node)
            for next in dependents[node] ?? [] {
                if state[next] == false, let start = path.firstIndex(of: next) { return Array(path[start...]) + [next] }
                if state[next] == nil, let found = visit(next) { return found }
            }
            path.removeLast()
            state[node] = true
            return nil
        }
        for node in starts where state[node] == nil {
            if let found = visit(node) { return found }
        }
        return nil
    }

    /// Every prerequisite of `node`, direct or indirect.
    public func allPrerequisites(of node: Node) -> Set<Node> {
        var seen: Set<Node> = []
        var stack = prerequisites[node] ?? []
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            stack.append(contentsOf: prerequisites[next] ?? [])
        }
        return seen
    }

    /// Whether every direct prerequisite of `node` is in `mastered`.
    public func isUnlocked(_ node: Node, mastered: Set<Node>) -> Bool {
        (prerequisites[node] ?? []).allSatisfy(mastered.contains)
    }

    /// The direct prerequisites of `node` not yet in `mastered` (what blocks it).
    public func blockers(of node: Node, mastered: Set<Node>) -> [Node] {
        (prerequisites[node] ?? []).filter { !mastered.contains($0) }
    }

    /// `nodes` in an order where every prerequisite comes before what needs it; among nodes that are free
    /// at the same time, the given order wins. Nil when the edges among `nodes` have a cycle.
    public func topologicalOrder(_ nodes: [Node]) -> [Node]? {
        let members = Set(nodes)
        let rank = Dictionary(nodes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var waiting: [Node: Int] = [:]
        for node in nodes { waiting[node] = (prerequisites[node] ?? []).filter(members.contains).count }
        var ready = nodes.filter { waiting[$0] == 0 }
        var result: [Node] = []
        while !ready.isEmpty {
            ready.sort { rank[$0]! < rank[$1]! }
            let node = ready.removeFirst()
            result.append(node)
            for next in dependents[node] ?? [] where members.contains(next) {
                waiting[next]! -= 1
                if waiting[next] == 0 { ready.append(next) }
            }
        }
        return result.count == Set(nodes).count ? result : nil
    }
}

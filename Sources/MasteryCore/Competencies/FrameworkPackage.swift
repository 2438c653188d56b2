/// A whole competency framework as it travels between systems (CASE, Moodle): nodes keyed by the source's
/// own identifiers, prerequisite edges, other links between nodes, and the scale. Imports turn a source file
/// into one; the store applies it (updating a framework in place by `sourceIdentifier`) and builds one back
/// for export. `details` fields are JSON text the source format keeps for a faithful round trip; Core does
/// not read them.
public struct FrameworkPackage: Sendable, Hashable {
    /// A strand or a competency.
    public struct Node: Sendable, Hashable {
        /// Masterly's id, when the node is stored (exports of Masterly-made frameworks derive ids from it).
        public var id: String?
        public var sourceIdentifier: String?
        public var code: String
        public var title: String
        public var position: Int
        /// For a competency: its strand's source identifier (or Masterly id).
        public var strandKey: String?
        /// For a competency under another competency: the parent's key.
        public var parentKey: String?
        public var kind: CompetencyKind
        public var details: String?

        public init(
            id: String? = nil, sourceIdentifier: String?, code: String, title: String, position: Int,
            strandKey: String? = nil, parentKey: String? = nil, kind: CompetencyKind = .academic,
            details: String? = nil
        ) {
            self.id = id
            self.sourceIdentifier = sourceIdentifier
            self.code = code
            self.title = title
            self.position = position
            self.strandKey = strandKey
            self.parentKey = parentKey
            self.kind = kind
            self.details = details
        }

        /// How other nodes refer to this one: its source identifier, else its Masterly id.
        public var key: String { sourceIdentifier ?? id ?? code }
    }

    /// A typed connection between two nodes (or a node and something outside the framework) that Masterly
    /// keeps for export: CASE `exactMatchOf`, `isRelatedTo`, `exemplar`, Moodle related competencies, …
    public struct Link: Sendable, Hashable {
        public var identifier: String
        public var type: String
        public var originKey: String
        public var destinationKey: String
        public var sequence: Int?
        public var details: String?

        public init(
            identifier: String, type: String, originKey: String, destinationKey: String, sequence: Int? = nil,
            details: String? = nil
        ) {
            self.identifier = identifier
            self.type = type
            self.originKey = originKey
            self.destinationKey = destinationKey
            self.sequence = sequence
            self.details = details
        }
    }

    /// A task's rubric (a CASE `CFRubric`): criteria aligned to competencies by node key, with a descriptor
    /// per level score. Imports make or update a task per rubric, matched by its source identifier.
    public struct Rubric: Sendable, Hashable {
        public var sourceIdentifier: String
        public var title: String
        public var details: String
        public var criteria: [Criterion]

        public init(sourceIdentifier: String, title: String, details: String = "", criteria: [Criterion]) {
            self.sourceIdentifier = sourceIdentifier
            self.title = title
            self.details = details
            self.criteria = criteria
        }
    }

    /// One criterion of a rubric, on one competency.
    public struct Criterion: Sendable, Hashable {
        public var sourceIdentifier: String
        public var title: String
        public var competencyKey: String
        public var descriptors: [RubricCriterion.Descriptor]

        public init(
            sourceIdentifier: String, title: String, competencyKey: String, descriptors: [RubricCriterion.Descriptor]
        ) {
            self.sourceIdentifier = sourceIdentifier
            self.title = title
            self.competencyKey = competencyKey
            self.descriptors = descriptors
        }
    }

    public var id: String?
    public var sourceIdentifier: String?
    public var code: String
    public var title: String
    /// The scale's levels, when the source defines one (else the store uses a default four-level scale).
    public var levels: [ProficiencyLevel]?
    public var masteryThreshold: Double?
    public var strands: [Node] = []
    public var competencies: [Node] = []
    /// `(prerequisite, competency)` pairs of node keys: the first must be mastered before the second.
    public var prerequisites: [Prerequisite] = []
    public var links: [Link] = []
    /// Task rubrics; an import without any leaves the framework's tasks as they are.
    public var rubrics: [Rubric] = []
    public var details: String?

    public init(
        id: String? = nil, sourceIdentifier: String?, code: String, title: String,
        levels: [ProficiencyLevel]? = nil, masteryThreshold: Double? = nil, details: String? = nil
    ) {
        self.id = id
        self.sourceIdentifier = sourceIdentifier
        self.code = code
        self.title = title
        self.levels = levels
        self.masteryThreshold = masteryThreshold
        self.details = details
    }

    /// A strand that only exists to hold top-level competencies of a source without strands (its source
    /// identifier is the framework's own).
    public func isSynthetic(_ strand: Node) -> Bool {
        strand.sourceIdentifier != nil && strand.sourceIdentifier == sourceIdentifier
    }
}

/// "`prerequisite` must be mastered before `competency`", by node key or competency id.
public struct Prerequisite: Sendable, Hashable {
    public var prerequisite: String
    public var competency: String

    public init(prerequisite: String, competency: String) {
        self.prerequisite = prerequisite
        self.competency = competency
    }
}

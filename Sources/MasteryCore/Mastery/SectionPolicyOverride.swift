/// A section's calculation policy, set by its teacher, that replaces a framework's own policy for the
/// section's students on that framework's competencies.
public struct SectionPolicyOverride: Hashable, Sendable {
    public var sectionID: Section.ID
    public var frameworkID: Framework.ID
    public var policy: MasteryPolicy

    public init(sectionID: Section.ID, frameworkID: Framework.ID, policy: MasteryPolicy) {
        self.sectionID = sectionID
        self.frameworkID = frameworkID
        self.policy = policy
    }
}

/// The one rule for which policy computes a student's record on a competency. The incremental path,
/// `recompute`, the gradebook and the growth chart all ask it, so they cannot disagree.
public enum EffectivePolicy {
    /// The policy for a student on `framework`'s competencies, given the overrides of the sections the
    /// student is enrolled in: the override of the first such section (by id) whose course uses the
    /// framework, else the framework's own policy.
    public static func policy(for framework: Framework, overrides: [SectionPolicyOverride]) -> MasteryPolicy {
        overrides.filter { $0.frameworkID == framework.id }.min { $0.sectionID.rawValue < $1.sectionID.rawValue }?
            .policy ?? framework.policy
    }

    /// The policy for each framework of `curriculum`, for one student with `overrides`.
    public static func policies(
        in curriculum: Curriculum, overrides: [SectionPolicyOverride]
    ) -> [Framework.ID:
        MasteryPolicy]
    {
        var policies: [Framework.ID: MasteryPolicy] = [:]
        for framework in curriculum.frameworks { policies[framework.id] = policy(for: framework, overrides: overrides) }
        return policies
    }
}

import Foundation

/// An extended learning opportunity: learning beyond the classroom that earns credit — an internship, an online
/// course, a community project, independent study. The student proposes it with the competencies it will show;
/// a teacher of the student approves it and, for a student with a family on record, a guardian consents; an outside
/// mentor may log hours and observations; the teacher scores the competencies (evidence like any other) and
/// completes it with the credit earned.
public struct ExtendedLearning: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<ExtendedLearning>

    public enum Kind: String, CaseIterable, Codable, Sendable {
        case internship
        case onlineCourse = "online-course"
        case communityProject = "community-project"
        case independentStudy = "independent-study"

        public var title: String {
            switch self {
            case .internship: "Internship"
            case .onlineCourse: "Online course"
            case .communityProject: "Community project"
            case .independentStudy: "Independent study"
            }
        }
    }

    public enum State: String, CaseIterable, Codable, Sendable {
        /// Waiting for a teacher's approval (and a guardian's consent).
        case proposed
        /// Approved; waiting for a guardian's consent.
        case approved
        /// Under way: hours and evidence are logged.
        case active
        /// Finished, with its credit recorded.
        case completed
    }

    /// Who took a step, and when.
    public struct Step: Hashable, Codable, Sendable {
        public var by: Person.ID
        public var at: Date

        public init(by: Person.ID, at: Date) {
            self.by = by
            self.at = at
        }
    }

    /// Time spent, logged by the student or a mentor, with what was done.
    public struct Hours: Hashable, Codable, Sendable {
        public var hours: Double
        /// The day it was spent (ISO date).
        public var day: String
        public var note: String
        public var by: Person.ID
        public var at: Date

        public init(hours: Double, day: String, note: String, by: Person.ID, at: Date) {
            self.hours = hours
            self.day = day
            self.note = note
            self.by = by
            self.at = at
        }
    }

    public var id: ID
    public var studentID: Person.ID
    public var title: String
    public var kind: Kind
    public var description: String
    public var competencyIDs: [Competency.ID]
    public var plannedHours: Double?
    public var proposed: Step
    /// A guardian must consent (the student has a family on record).
    public var consentNeeded: Bool
    public var approval: Step?
    public var consent: Step?
    public var completion: Step?
    /// The credit recorded on completion (in the school's units, e.g. 0.5 of a course).
    public var credit: Double?
    public var mentorIDs: [Person.ID]
    public var hours: [Hours]

    public init(
        id: ID, studentID: Person.ID, title: String, kind: Kind, description: String, competencyIDs: [Competency.ID],
        plannedHours: Double?, proposed: Step, consentNeeded: Bool, approval: Step? = nil, consent: Step? = nil,
        completion: Step? = nil, credit: Double? = nil, mentorIDs: [Person.ID] = [], hours: [Hours] = []
    ) {
        self.id = id
        self.studentID = studentID
        self.title = title
        self.kind = kind
        self.description = description
        self.competencyIDs = competencyIDs
        self.plannedHours = plannedHours
        self.proposed = proposed
        self.consentNeeded = consentNeeded
        self.approval = approval
        self.consent = consent
        self.completion = completion
        self.credit = credit
        self.mentorIDs = mentorIDs
        self.hours = hours
    }

    public var state: State {
        if completion != nil { return .completed }
        guard approval != nil else { return .proposed }
        return consent != nil || !consentNeeded ? .active : .approved
    }

    public var hoursLogged: Double { hours.reduce(0) { $0 + $1.hours } }

    /// Checks a proposal, naming the field of the first problem.
    public static func validate(
        title: String, description: String, competencyIDs: [Competency.ID], plannedHours: Double?
    ) throws(MasteryCoreError) {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200 else { throw .invalidPolicy("title: 1–200 characters") }
        guard description.count <= 4_000 else { throw .invalidPolicy("description: at most 4,000 characters") }
        guard !competencyIDs.isEmpty, competencyIDs.count <= 30 else {
            throw .invalidPolicy("competencyIds: name the 1–30 competencies it will show")
        }
        if let plannedHours, !(plannedHours > 0 && plannedHours <= 2_000) {
            throw .invalidPolicy("hours: 0–2,000")
        }
    }

    /// Whether `step` may be taken now; if not, why.
    public func refusal(_ step: Transition) -> String? {
        switch step {
        case .approve:
            if completion != nil { return "It is already completed." }
            return approval == nil ? nil : "It is already approved."
        case .consent:
            if !consentNeeded { return "No family consent is needed." }
            if completion != nil { return "It is already completed." }
            return consent == nil ? nil : "A guardian has already consented."
        case .logHours:
            if completion != nil { return "It is completed: no more hours are logged." }
            return state == .active
                ? nil : "Hours are logged once it is approved\(consentNeeded ? " and consented to" : "")."
        case .complete:
            switch state {
            case .active: return nil
            case .completed: return "It is already completed."
            case .proposed, .approved:
                return "It completes once it is approved\(consentNeeded ? " and a guardian has consented" : "")."
            }
        }
    }

    public enum Transition: String, CaseIterable, Sendable {
        case approve, consent, logHours = "hours", complete
    }
}

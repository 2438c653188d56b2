import Foundation
import MasteryCore
import MasteryStore

/// The demo school's learning design: prerequisites between competencies, a pathway per course (weekly
/// target dates from the start of the evidence window), and a playlist for every academic competency with
/// a checkpoint whose result routes students to a reteach group or an extension project.
extension DemoSchoolBuilder {
    /// `(prerequisite, competency)` by code.
    static let prerequisiteCodes: [(String, String)] = [
        ("MATH.RP.1", "MATH.RP.2"), ("MATH.RP.2", "MATH.RP.3"), ("MATH.RP.3", "MATH.RP.4"),
        ("MATH.NS.1", "MATH.NS.3"), ("MATH.NS.2", "MATH.NS.3"),
        ("MATH.EE.1", "MATH.EE.2"), ("MATH.EE.2", "MATH.EE.3"), ("MATH.EE.3", "MATH.EE.4"), ("MATH.RP.3", "MATH.EE.4"),
        ("MATH.RP.3", "MATH.G.1"), ("MATH.EE.3", "MATH.G.4"),
        ("ELA.RL.1", "ELA.RL.2"), ("ELA.RL.2", "ELA.RL.3"), ("ELA.RI.1", "ELA.RI.2"), ("ELA.RI.2", "ELA.RI.3"),
        ("ELA.W.1", "ELA.W.4"), ("ELA.W.2", "ELA.W.4"), ("ELA.W.3", "ELA.W.4"), ("ELA.SL.1", "ELA.SL.2"),
    ]

    mutating func addLearningDesign() {
        data.prerequisites = Self.prerequisiteCodes.map {
            CompetencyPrerequisite(prerequisite: competencyIDs[$0.0]!, competency: competencyIDs[$0.1]!)
        }
        let start = end.addingTimeInterval(-Double(Self.weeks * 7) * 86_400)
        for course in data.courses {
            let frameworkCode = course.code.hasPrefix("MATH") ? "MATH" : "ELA"
            let codes = DemoCurriculum.frameworks.first { $0.code == frameworkCode }!.strands
                .flatMap { $0.competencies.map(\.code) }
            let steps = codes.enumerated().map { index, code in
                Pathway.Step(
                    competencyIDs: [competencyIDs[code]!],
                    targetDate: start.addingTimeInterval(Double(index + 1) * 7 * 86_400))
            }
            data.pathways.append(
                Pathway(
                    id: .init("pw-\(course.id.rawValue)"), courseID: course.id, title: course.title,
                    pacing: course.code == "ELA6" ? .teacherPaced : .selfPaced, steps: steps))
        }
        for framework in DemoCurriculum.frameworks where framework.kind == .academic {
            for strand in framework.strands {
                for competency in strand.competencies { data.playlists.append(playlist(for: competency)) }
            }
        }
    }

    func playlist(for competency: DemoCurriculum.CompetencySpec) -> Playlist {
        let id = "pl-\(competency.code.lowercased())"
        let topic = competency.title.replacingOccurrences(of: "I can ", with: "")
        let checkpoint = PlaylistItem.ID("\(id)-checkpoint")
        let query = topic.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return Playlist(
            id: .init(id), title: competency.title, competencyIDs: [competencyIDs[competency.code]!],
            items: [
                .init(
                    id: .init("\(id)-video"), kind: .resource, title: "Watch: \(topic)",
                    details: "A short worked example, then pause and try one yourself.",
                    url: "https://www.khanacademy.org/search?page_search_query=\(query)", isRequired: false,
                    modality: .video, minutes: 8, targetLevel: 2),
                .init(
                    id: .init("\(id)-reading"), kind: .resource, title: "Read: \(topic)",
                    details: "A one-page explainer with a worked example in the margin.", isRequired: false,
                    modality: .reading, minutes: 10, targetLevel: 2),
                .init(
                    id: .init("\(id)-practice"), kind: .practice, title: "Practice set",
                    details: "Six problems that build up; check your answers with a partner.", isRequired: true,
                    modality: .handsOn, minutes: 20, targetLevel: 3),
                .init(
                    id: .init("\(id)-discussion"), kind: .practice, title: "Talk it through",
                    details: "Explain your method to a classmate and compare strategies.", isRequired: false,
                    modality: .discussion, minutes: 10, targetLevel: 3),
                .init(
                    id: checkpoint, kind: .checkpoint, title: "Checkpoint: \(competency.code)",
                    details: "Show what you can do; your teacher scores it on the four levels.", isRequired: true,
                    modality: .onlineTool, minutes: 15, targetLevel: 3),
                .init(
                    id: .init("\(id)-reteach"), kind: .smallGroup, title: "Small group with your teacher",
                    details: "We go back over the idea together with new examples.", isRequired: true,
                    modality: .discussion, minutes: 15, targetLevel: 3,
                    release: .init(checkpointID: checkpoint, highest: 2.5)),
                .init(
                    id: .init("\(id)-extend"), kind: .project, title: "Extension project",
                    details: "Apply it to a question you care about and present what you find.", isRequired: false,
                    modality: .handsOn, minutes: 40, targetLevel: 4, release: .init(checkpointID: checkpoint, lowest: 3)
                ),
            ], allowsAssessmentChoice: true)
    }
}

import Foundation
import Hummingbird
import MasteryCore
import MasteryInterop
import MasteryStore

/// `/api/v1/students/{id}/next-steps` (and, for the student's records, the backpack).
extension APIRoutes {
    func registerLearning(on router: Router<AppRequestContext>) {
        router.get("/api/v1/students/{id}/next-steps") { _, context in try await nextSteps(context) }
        router.get("/api/v1/students/{id}/backpack") { _, context in
            let scope = try await StudentScope.load(context, .viewBackpack, store: store)
            guard
                let backpack = try await BackpackService(store: store).backpack(
                    of: scope.student.id, includeSensitive: scope.allows(.viewSensitiveProfile),
                    includePrivateReflections: scope.allows(.readPrivateReflections), at: services.clock())
            else { throw AppError.notFound("The student") }
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: try backpack.data())))
        }
    }

    func nextSteps(_ context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = Person.ID(try context.parameters.require("id"))
        try await authorizer.require(user, .viewStudentRecord, student: id)
        guard let student = try await store.person(id), student.role == .student else {
            throw AppError.notFound("The student")
        }
        let now = services.clock()
        let data = try await LearningData.load(student: id, store: store)
        let state = try await LearningData.state(of: id, store: store)
        let mastered = state.mastered
        return APIResponse.json(
            APIModels.NextSteps(
                student: .init(id: id.rawValue, name: student.displayName), generatedAt: now,
                steps: data.advisor.advise(state, at: now).map(APIModels.NextStep.init),
                blocked: data.advisor.blocked(state, at: now).map {
                    .init(
                        competencyId: $0.competency.id.rawValue, code: $0.competency.code, title: $0.competency.title,
                        blockedBy: $0.blockers.map(\.rawValue), notYetOpen: $0.notYetOpen)
                },
                pathways: data.pathways.map { pathway in
                    .init(
                        id: pathway.id.rawValue, title: pathway.title, pacing: pathway.pacing.rawValue,
                        position: pathway.position(mastered: mastered),
                        completed: pathway.completedSteps(mastered: mastered), steps: pathway.steps.count,
                        expected: pathway.expectedPosition(at: now),
                        pace: pathway.pace(mastered: mastered, at: now).label)
                }))
    }
}

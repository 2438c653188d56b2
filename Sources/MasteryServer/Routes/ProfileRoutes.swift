import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// The learner profile: read by whoever may see the student's record, edited by the student and their
/// teachers, every version kept; accommodations only for staff with a need.
struct ProfileRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/students/{id}/profile") { request, context in
            let scope = try await StudentScope.load(context, .viewStudentRecord, store: store)
            let page = try await profilePage(scope, message: request.uri.queryParameters["saved"].map { _ in "Saved." })
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/students/{id}/profile") { _, context in
            let scope = try await StudentScope.load(context, .editLearnerProfile, store: store)
            let sensitive = try await authorizer.allows(scope.user, .viewSensitiveProfile, student: scope.student.id)
            let current = try await store.profile(student: scope.student.id)
            let form = context.form
            let profile = LearnerProfile(
                studentID: scope.student.id, interests: form.text("interests") ?? "",
                strengths: form.text("strengths") ?? "",
                learningPreferences: form.all("preference").compactMap(PlaylistItem.Modality.init(rawValue:)),
                preferredEnvironment: form.text("environment") ?? "", aspirations: form.text("aspirations") ?? "",
                languages: form.text("languages") ?? "", interpersonalSkills: form.text("interpersonal") ?? "",
                intrapersonalSkills: form.text("intrapersonal") ?? "",
                // Someone who cannot see the accommodations cannot change them either.
                accommodations: sensitive ? (form.text("accommodations") ?? "") : current.accommodations)
            try await store.save(profile, by: scope.user.id, at: services.clock())
            return HTMLResponse.redirect("\(scope.base)/profile?saved=1")
        }
    }

    func profilePage(_ scope: StudentScope, message: String?) async throws -> ProfilePage {
        let sensitive = try await authorizer.allows(scope.user, .viewSensitiveProfile, student: scope.student.id)
        let history = try await store.profileHistory(student: scope.student.id)
        let names = Dictionary(
            try await store.people(Array(Set(history.compactMap(\.updatedBy)))).map { ($0.id, $0.displayName) },
            uniquingKeysWith: { a, _ in a })
        let profile = history.first ?? LearnerProfile(studentID: scope.student.id)
        return ProfilePage(
            student: scope.student, isOwn: scope.isOwn,
            canEdit: try await authorizer.allows(scope.user, .editLearnerProfile, student: scope.student.id),
            showsSensitive: sensitive, profile: sensitive ? profile : profile.withoutSensitiveFields,
            history: sensitive ? history : history.map(\.withoutSensitiveFields), names: names, message: message)
    }
}

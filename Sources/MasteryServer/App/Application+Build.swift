import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MasteryStore

/// Wires the whole HTTP application. `masterly serve`, `masterly demo` and the tests all call this, so
/// production and test wiring cannot drift.
public func buildApplication(_ services: AppServices) -> some ApplicationProtocol {
    let router = buildRouter(services)
    return Application(
        router: router,
        configuration: .init(
            address: .hostname(services.configuration.host, port: services.configuration.port), serverName: "Masterly"),
        logger: services.logger)
}

/// The router with every middleware and route.
public func buildRouter(_ services: AppServices) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(https: services.configuration.secureCookies))
    router.add(middleware: MetricsMiddleware(metrics: services.metrics))
    router.add(middleware: ErrorMiddleware(services: services))
    router.add(middleware: AuthMiddleware(services: services))
    router.add(middleware: CSRFMiddleware(services: services))
    router.add(middleware: LanguageMiddleware(services: services))
    router.get("/static/app.css") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
    }
    AuthRoutes(services: services).register(on: router)
    LanguageRoutes(services: services).register(on: router)
    NeedsYouRoutes(services: services).register(on: router)
    InvitationRoutes(services: services).register(on: router)
    SingleSignOnRoutes(services: services).register(on: router)
    SignInCardRoutes(services: services).register(on: router)
    FamilyRoutes(services: services).register(on: router)
    ClassRoutes(services: services).register(on: router)
    PeopleRoutes(services: services).register(on: router)
    HomeRoutes(services: services).register(on: router)
    SectionRoutes(services: services).register(on: router)
    StudentRoutes(services: services).register(on: router)
    AdminRoutes(services: services).register(on: router)
    ImportRoutes(services: services).register(on: router)
    LearningRoutes(services: services).register(on: router)
    WorkRoutes(services: services).register(on: router)
    PlaylistRoutes(services: services).register(on: router)
    PathwayRoutes(services: services).register(on: router)
    QuickCheckRoutes(services: services).register(on: router)
    ScoringRoutes(services: services).register(on: router)
    GroupRoutes(services: services).register(on: router)
    FrameworkRoutes(services: services).register(on: router)
    SectionSettingsRoutes(services: services).register(on: router)
    GradeRoutes(services: services).register(on: router)
    ExtendedLearningRoutes(services: services).register(on: router)
    TranscriptRoutes(services: services).register(on: router)
    DigestRoutes(services: services).register(on: router)
    FamilyResourcesRoutes(services: services).register(on: router)
    FlexDayRoutes(services: services).register(on: router)
    FlexJoinRoutes(services: services).register(on: router)
    GoalRoutes(services: services).register(on: router)
    ReflectionRoutes(services: services).register(on: router)
    ProfileRoutes(services: services).register(on: router)
    PlanRoutes(services: services).register(on: router)
    ConferenceRoutes(services: services).register(on: router)
    BackpackRoutes(services: services).register(on: router)
    APIRoutes(services: services).register(on: router)
    return router
}

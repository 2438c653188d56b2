import Foundation
import Hummingbird
import Logging
import MasteryCore
import MasteryStore

/// What the routes need, wired once by `buildApplication`.
public struct AppServices: Sendable {
    public let store: Store
    public let configuration: ServerConfiguration
    /// The current time; tests pin it.
    public let clock: @Sendable () -> Date
    public let logger: Logger
    /// Serving the demo school: the sign-in page names the demo accounts.
    public let isDemo: Bool
    /// Files checked on the import page and waiting for the administrator to confirm (in the database).
    public var uploads: UploadStash { UploadStash(store: store) }
    /// A section's rendered gradebook (the same for each of its teachers), valid while the store's change
    /// version stays the same.
    public let fragments = VersionedCache<PageFragment>()
    /// Whole response bodies with their gzip encoding (a gradebook page per viewer, the gradebook JSON), same rule.
    public let bodies = VersionedCache<CachedBody>()
    /// What a section's gradebook shows besides its records, valid while the change version stays the same.
    let frames = VersionedCache<SectionFrame>()
    /// Sections' mastery records and rendered gradebook rows, read again per student as evidence arrives.
    let sectionRecords = SectionRecordsCache()
    /// Request latency and cache figures for `/metrics`.
    public let metrics = ServerMetrics()
    /// The languages pages can be read in (read once at start).
    public let languages: Languages
    /// Discovery documents and keys of the single sign-on providers.
    let openID = OpenIDProviderClient()

    public init(
        store: Store, configuration: ServerConfiguration, clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "masterly"), isDemo: Bool = false
    ) {
        self.isDemo = isDemo
        self.store = store
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        // The folder was read once already when the configuration was checked; a file changed since then is
        // reported and the built-in languages serve.
        do {
            languages = try Languages(folder: configuration.languagesFolder)
        } catch {
            logger.error("languages: \(error)")
            languages = (try? Languages()) ?? Languages.builtIn
        }
    }

    /// The address people reach this server at, for links that leave it (single sign-on's redirect URI, the
    /// QR codes on sign-in cards): the configured public URL, else the request's own host.
    func publicBase(_ request: Request) -> String {
        configuration.publicURL
            ?? "\(configuration.secureCookies ? "https" : "http")://\(request.head.authority ?? "127.0.0.1")"
    }

    /// The single sign-on providers for the sign-in page's buttons.
    var signOnProviders: [(id: String, name: String)] {
        configuration.singleSignOn.providers.map { (id: $0.id, name: $0.name) }
    }

    /// The change version the request's sign-in read (one query for both), or a fresh read when anonymous.
    func changeVersion(_ context: AppRequestContext) async throws -> Int64 {
        if let version = context.changeVersion { return version }
        return try await store.changeVersion()
    }

    /// The version of `section` the request's sign-in read, or a fresh read.
    func sectionVersion(_ section: Section.ID, _ context: AppRequestContext) async throws -> Int64 {
        if let read = context.sectionVersion, read.section == section { return read.version }
        return try await store.sectionVersion(section)
    }
}

/// A rendered part of a page: its title and the HTML of its main content.
public struct PageFragment: Sendable {
    let title: String
    let html: String
}

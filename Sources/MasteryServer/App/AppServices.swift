import Foundation
import Logging
import MasteryStore

/// What the routes need, wired once by `buildApplication`.
public struct AppServices: Sendable {
    public let store: Store
    public let configuration: ServerConfiguration
    /// The current time; tests pin it.
    public let clock: @Sendable () -> Date
    public let logger: Logger
    /// Files checked on the import page and waiting for the administrator to confirm.
    public let uploads = UploadStash()
    /// Rendered gradebooks (HTML and JSON), valid while the store's change version stays the same.
    public let fragments = FragmentCache()

    public init(
        store: Store, configuration: ServerConfiguration, clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "masterly")
    ) {
        self.store = store
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
    }
}

import SQLKit

/// Bayesian Knowledge Tracing parameters per competency, fitted from the school's own evidence.
struct CreateTracingParameters: Migration {
    let number = 10
    let name = "CreateTracingParameters"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE tracing_parameters (
                competency_id TEXT PRIMARY KEY REFERENCES competencies(id), prior \(types.double) NOT NULL,
                learn \(types.double) NOT NULL, guess \(types.double) NOT NULL, slip \(types.double) NOT NULL,
                forget \(types.double) NOT NULL, log_likelihood \(types.double) NOT NULL, responses INTEGER NOT NULL,
                fitted_at \(types.double) NOT NULL)
            """
        ])
    }
}

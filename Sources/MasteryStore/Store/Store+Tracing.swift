import Foundation
import MasteryCore
import SQLKit

/// Knowledge-tracing parameters fitted from the school's own evidence.
extension Store {
    /// The fitted parameters of every competency that has them.
    public func tracingParameters() async throws -> [Competency.ID: BKTParameters] {
        try await driver.withConnection { db in try await Self.tracingParameters(db) }
    }

    static func tracingParameters(_ db: any SQLDatabase) async throws -> [Competency.ID: BKTParameters] {
        var result: [Competency.ID: BKTParameters] = [:]
        for row in try await db.raw("SELECT * FROM tracing_parameters").all() {
            result[try row.id("competency_id")] = BKTParameters(
                prior: try row.double("prior"), learn: try row.double("learn"), guess: try row.double("guess"),
                slip: try row.double("slip"), forget: try row.double("forget"))
        }
        return result
    }

    /// Fits BKT per competency from the evidence (a score at or above the scale's mastery threshold counts as
    /// correct; each student's evidence in calculation order), stores the parameters, and recomputes the
    /// records so that competencies calculated by knowledge tracing use them.
    public func fitTracing(at now: Date, options: BKTFitOptions = BKTFitOptions()) async throws -> [BKTFit] {
        let curriculum = try await curriculum()
        let events = try await driver.withConnection { db in
            try await db.raw("SELECT * FROM evidence_events ORDER BY student_id, competency_id, sequence").all()
                .map(Rows.evidenceEvent)
        }
        var skills: [Competency.ID: BKTSkillData] = [:]
        var start = 0
        while start < events.count {
            var end = start
            while end < events.count && events[end].studentID == events[start].studentID
                && events[end].competencyID == events[start].competencyID
            {
                end += 1
            }
            let competencyID = events[start].competencyID
            if let competency = curriculum.competency(competencyID), let scale = curriculum.scale(for: competency) {
                let responses = EvidenceLedger.effectiveEvidence(Array(events[start..<end])).compactMap { piece in
                    piece.score.map { UInt8($0 >= scale.masteryThreshold ? 1 : 0) }
                }
                skills[competencyID, default: BKTSkillData(name: competencyID.rawValue)].append(responses)
            }
            start = end
        }
        let fits = BKTFitter.fit(skills.keys.sorted().map { skills[$0]! }, options: options)
        try await driver.withTransaction { db in
            for fit in fits {
                let p = fit.parameters
                try await db.raw(
                    """
                    INSERT INTO tracing_parameters (competency_id, prior, learn, guess, slip, forget, log_likelihood, \
                    responses, fitted_at) VALUES (\(bind: fit.skill), \(bind: p.prior), \(bind: p.learn), \(bind: p.guess), \
                    \(bind: p.slip), \(bind: p.forget), \(bind: fit.logLikelihood), \(bind: fit.responses), \
                    \(bind: now.timeIntervalSince1970)) ON CONFLICT (competency_id) DO UPDATE SET prior = excluded.prior, \
                    learn = excluded.learn, guess = excluded.guess, slip = excluded.slip, forget = excluded.forget, \
                    log_likelihood = excluded.log_likelihood, responses = excluded.responses, fitted_at = excluded.fitted_at
                    """
                ).run()
            }
        }
        _ = try await recompute()
        return fits
    }
}

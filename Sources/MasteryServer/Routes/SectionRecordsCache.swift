import MasteryCore
import MasteryStore

/// The mastery records of recently viewed sections, kept with the student versions they were read at: when
/// evidence arrives, the next view reads again only the records of the students whose version moved (one small
/// query for the versions, one for those students) instead of the whole class. Everything else that can change
/// a record (a calculation setting, a recompute, a roster change) moves the change version, under which the
/// section's frame and these records are kept: then all is read again.
///
/// Versions are read before the records, so the records kept are at least as new as the versions beside them;
/// a student whose evidence committed in between shows a newer version next time and is read again.
actor SectionRecordsCache {
    /// What a view reads: the records, the student versions they are at least as new as, and the rows
    /// already rendered from them.
    struct Snapshot: Sendable {
        var records: [Person.ID: [Competency.ID: MasteryRecord]]
        var versions: [Person.ID: Int64]
        var rows: GradebookGrid.RowMemo
    }

    private struct Entry {
        var changeVersion: Int64
        var snapshot: Snapshot
        var used: UInt64
    }

    private var entries: [Section.ID: Entry] = [:]
    private var clock: UInt64 = 0
    private let capacity: Int

    init(capacity: Int = 64) { self.capacity = capacity }

    /// The records of `frame`'s students on its competencies, current as of this call.
    func snapshot(_ frame: SectionFrame, changeVersion: Int64, store: Store) async throws -> Snapshot {
        let students = frame.students.map(\.id)
        let versions = try await store.studentVersions(students)
        let kept = entries[frame.section.id].flatMap { $0.changeVersion == changeVersion ? $0.snapshot : nil }
        let moved = kept.map { kept in students.filter { kept.versions[$0] != versions[$0] } } ?? students
        var snapshot = kept ?? Snapshot(records: [:], versions: [:], rows: [:])
        if !moved.isEmpty {
            let fresh = try await store.records(
                students: moved, competencies: frame.curriculum.competencies.map(\.id))
            for student in moved {
                snapshot.records[student] = fresh[student]
                snapshot.rows[student] = nil
            }
        }
        snapshot.versions = versions
        // Another view may have kept newer records meanwhile; keeping these instead is still correct, as every
        // later view compares the versions again.
        keep(snapshot, for: frame.section.id, changeVersion: changeVersion)
        return snapshot
    }

    /// Keeps rows rendered from `snapshot`, for the students whose records have not moved since.
    func keep(_ rows: GradebookGrid.RowMemo, from snapshot: Snapshot, section: Section.ID, changeVersion: Int64) {
        guard var entry = entries[section], entry.changeVersion == changeVersion else { return }
        for (student, row) in rows where entry.snapshot.versions[student] == snapshot.versions[student] {
            entry.snapshot.rows[student] = row
        }
        entries[section] = entry
    }

    private func keep(_ snapshot: Snapshot, for section: Section.ID, changeVersion: Int64) {
        clock += 1
        if entries.count >= capacity, entries[section] == nil,
            let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key
        {
            entries[oldest] = nil
        }
        entries[section] = Entry(changeVersion: changeVersion, snapshot: snapshot, used: clock)
    }
}

import Foundation
import MasteryCore

/// A flex day in people's words, in the reader's language: mods as people count them with their clock times,
/// why a student is in a session, and which requests or choices were not met.
struct FlexDayWords {
    var day: FlexDay
    var t: Translator
    var names: [Person.ID: String]
    var requests: [FlexRequest.ID: FlexRequest]
    var curriculum: Curriculum

    init(day: FlexDay, t: Translator, names: [Person.ID: String], requests: [FlexRequest], curriculum: Curriculum) {
        self.day = day
        self.t = t
        self.names = names
        self.requests = Dictionary(requests.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.curriculum = curriculum
    }

    /// The day's date as the reader's language writes it ("Dec 9, 2026").
    static func date(_ day: FlexDay, _ t: Translator) -> String {
        FormDates.parse(day.day).map(t.date) ?? day.day
    }

    /// "Monday" for a template started on a Monday.
    static func weekday(_ day: FlexDay) -> String {
        guard let date = FormDates.parse(day.day) else { return "Weekly" }
        return date.formatted(Date.FormatStyle(locale: Locale(identifier: "en_US"), timeZone: .gmt).weekday(.wide))
    }

    /// "Mod 2 (9:20–9:40)", counted from 1.
    func mod(_ mod: Int) -> String {
        guard let clock = day.clock(of: mod) else { return t("Mod {n}", ["n": "\(mod + 1)"]) }
        return t("Mod {n}", ["n": "\(mod + 1)"]) + " (\(Self.time(clock.start))–\(Self.time(clock.end)))"
    }

    /// "Mods 1–2 (9:00–9:40)".
    func mods(of session: FlexDay.Session) -> String {
        let first = session.start + 1
        let last = session.start + session.length
        let counted =
            first == last
            ? t("Mod {n}", ["n": "\(first)"]) : t("Mods {from}–{to}", ["from": "\(first)", "to": "\(last)"])
        guard let start = day.clock(of: session.start), let end = day.clock(of: session.start + session.length - 1)
        else { return counted }
        return counted + " (\(Self.time(start.start))–\(Self.time(end.end)))"
    }

    /// "9:05" from minutes after midnight.
    static func time(_ minutes: Int) -> String {
        let wrapped = ((minutes % 1_440) + 1_440) % 1_440
        return "\(wrapped / 60):" + (wrapped % 60 < 10 ? "0" : "") + "\(wrapped % 60)"
    }

    /// "09:05" → 545; nil for anything else.
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), parts[1].count == 2,
            (0..<24).contains(hours), (0..<60).contains(minutes)
        else { return nil }
        return hours * 60 + minutes
    }

    /// A solver's or checker's message with titles and names for ids and mods counted from 1: "session
    /// s-1a2b has 11 students for 10 seats" → "session “Ratios” has 11 students for 10 seats".
    func readable(_ text: String) -> String {
        var result = text.replacing(/\bmod (\d+)\b/) { match in
            "mod \((Int(match.output.1) ?? 0) + 1)"
        }
        // Longer ids first, so "open-1" never replaces a part of "open-10".
        for session in day.sessions.sorted(by: { $0.id.count > $1.id.count }) {
            result = result.replacingOccurrences(of: "\"\(session.id)\"", with: session.id)
                .replacingOccurrences(of: session.id, with: "“\(session.title)”")
        }
        for (id, name) in names.sorted(by: { $0.key.rawValue.count > $1.key.rawValue.count }) {
            result = result.replacingOccurrences(of: "\"\(id.rawValue)\"", with: id.rawValue)
                .replacingOccurrences(of: id.rawValue, with: name)
        }
        return result
    }

    func name(_ person: Person.ID?) -> String {
        guard let person else { return t("a teacher") }
        return names[person] ?? t("a teacher")
    }

    func title(_ session: String?) -> String {
        guard let session, let found = day.sessions.first(where: { $0.id == session }) else {
            return t("a session that was removed")
        }
        return t.data(found.title)
    }

    func competency(_ id: Competency.ID) -> String {
        guard let competency = curriculum.competency(id) else { return id.rawValue }
        return t.data(competency.title)
    }

    /// Why the student is in the session, in one sentence each.
    func reason(_ reason: FlexDayOutcome.Reason) -> String {
        switch reason {
        case .required(let id):
            let request = requests[id]
            return t(
                "{teacher} needs you here: {reason}",
                ["teacher": name(request?.teacherID), "reason": request?.reason ?? ""])
        case .requested(let id):
            let request = requests[id]
            return t(
                "{teacher} asked for you here: {reason}",
                ["teacher": name(request?.teacherID), "reason": request?.reason ?? ""])
        case .choice(let rank):
            return rank == 1 ? t("Your first choice.") : rank == 2 ? t("Your second choice.") : t("Your third choice.")
        case .reteach(let id):
            return t("More time on {competency}, which you are still building.", ["competency": competency(id)])
        case .practice(let id):
            return t("Practice on {competency}, which you are close to mastering.", ["competency": competency(id)])
        case .firstLook(let id):
            return t(
                "A start on {competency}, which you have not been assessed on yet.", ["competency": competency(id)])
        case .extend(let id):
            return t("Going further in {competency}, which you have mastered.", ["competency": competency(id)])
        case .openTime: return t("Time for your own work.")
        }
    }

    /// Why a request or choice was not met, for the coordinator (and the API).
    func unmet(_ unmet: FlexDayOutcome.Unmet) -> String {
        let request = unmet.request.flatMap { requests[$0] }
        let values = [
            "student": name(unmet.student), "teacher": name(request?.teacherID), "session": title(unmet.session),
        ]
        switch unmet.kind {
        case .outranked:
            return t(
                "{teacher}'s request for {student} in “{session}” gave way to another teacher's request for the same time (higher priority or asked earlier).",
                values)
        case .full:
            return t(
                "{teacher}'s request for {student} in “{session}” did not fit: the session was full of required students.",
                values)
        case .notOnDay: return t("{teacher}'s request names {student}, who is not on this day.", values)
        case .noSession: return t("{teacher}'s request for {student} was for a session that was removed.", values)
        case .notPlaced:
            return t(
                "{teacher} asked for {student} in “{session}”; the seats went to stronger needs or requests.", values)
        case .noChoice:
            return t(
                "{student} got none of their choices (first: “{session}”); they are placed where their mastery needs them.",
                values)
        }
    }
}

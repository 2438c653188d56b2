import Foundation
import MasteryCore
import MasteryInterop
import Testing

@Suite("OneRoster modification times")
struct OneRosterDateTests {
    static func users(_ dates: [String]) -> String {
        let rows = dates.enumerated().map { index, date in
            "u-\(index),active,\(date),true,sch-1,student,user\(index),,Name\(index),Family,,,,,,,07,,"
        }
        return "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,"
            + "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,metadata.nickname\n"
            + rows.joined(separator: "\n") + "\n"
    }

    @Test("dateLastModified travels with each record as an instant, in every form the reader accepts")
    func instants() throws {
        let dates = [
            "2026-03-01T10:15:30Z", "2026-03-01T10:15:30.250Z", "2026-03-01T12:15:30+02:00", "2026-03-01T10:15:30",
            "2026-03-01 10:15:30", "2026-03-01", "",
        ]
        let enrollments = String(MiniRoster.enrollments.prefix { $0 != "\n" }) + "\n"
        let package = MiniRoster.package(["users.csv": Self.users(dates), "enrollments.csv": enrollments])
        #expect(MiniRoster.refusal(package).isEmpty, "\(MiniRoster.refusal(package))")
        let (roster, _) = try OneRosterReader().read(package)
        let read = roster.people.sorted { $0.origin.line < $1.origin.line }.map(\.origin.modifiedAt)
        let base = Date(timeIntervalSince1970: 1_772_360_130)  // 2026-03-01T10:15:30Z
        #expect(read[0] == base)
        #expect(read[1] == base.addingTimeInterval(0.25))
        #expect(read[2] == base && read[3] == base && read[4] == base)
        #expect(read[5] == Date(timeIntervalSince1970: 1_772_323_200))  // midnight UTC
        #expect(read[6] == nil)
    }
}

extension OpenAPIDocument {
    /// The shared schemas and responses.
    static let components = """
        components:
          securitySchemes:
            bearer: { type: http, scheme: bearer }
          responses:
            Pathway:
              description: A course's pathway
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Pathway" }
            Playlist:
              description: A playlist
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Playlist" }
            FlexDay:
              description: A flex day
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/FlexDay" }
            Grades:
              description: A section's final grades
              content:
                application/json:
                  schema:
                    type: object
                    required: [rule, ruleSaved, students]
                    properties:
                      rule: { $ref: "#/components/schemas/GradeRule" }
                      ruleSaved: { type: boolean, description: "false while the standard rule applies, or in a preview" }
                      period: { $ref: "#/components/schemas/GradingPeriod" }
                      asOf: { type: string, format: date }
                      closedAt: { type: string, format: date-time }
                      students:
                        type: array
                        items:
                          type: object
                          required: [studentId, name, explanation, changedSinceClosing]
                          properties:
                            studentId: { type: string }
                            name: { type: string }
                            grade: { type: [string, "null"], description: "on record: frozen once closed, else the override, else computed" }
                            computedGrade: { type: [string, "null"] }
                            explanation: { type: string }
                            mean: { type: number }
                            masteredShare: { type: number }
                            habitsMean: { type: number, description: "habits of work, reported apart from the grade" }
                            override:
                              type: object
                              properties:
                                grade: { type: string }
                                reason: { type: string }
                                by: { type: string }
                                at: { type: string, format: date-time }
                            changedSinceClosing: { type: boolean }
                            comment: { type: string, description: "the teacher's comment on the report card" }
            Error:
              description: An error
              content:
                application/json:
                  schema:
                    type: object
                    required: [error]
                    properties:
                      error:
                        type: object
                        required: [code, message]
                        properties:
                          code: { type: string }
                          message: { type: string }
                          field: { type: string }
                          line: { type: integer }
          schemas:
            CompetencyReference:
              type: object
              required: [frameworkCode, code, title]
              properties:
                frameworkCode: { type: string }
                frameworkSourceIdentifier: { type: string }
                code: { type: string }
                title: { type: string }
                sourceIdentifier: { type: string }
            BackpackMastery:
              type: object
              required: [competency, mastered, evidenceCount, method]
              properties:
                competency: { $ref: "#/components/schemas/CompetencyReference" }
                value: { type: number }
                level: { type: string }
                mastered: { type: boolean }
                evidenceCount: { type: integer }
                lastObservedAt: { type: string, format: date-time }
                method: { type: string }
            Account:
              type: object
              required: [id, name, givenName, familyName, role, schoolId, active, hasPassword]
              properties:
                id: { type: string }
                username: { type: [string, "null"] }
                name: { type: string }
                givenName: { type: string }
                familyName: { type: string }
                role: { type: string, enum: [admin, coach, teacher, student, guardian] }
                schoolId: { type: string }
                email: { type: [string, "null"] }
                gradeLevel: { type: [string, "null"] }
                active: { type: boolean }
                hasPassword: { type: boolean }
                lastSignInAt: { type: [string, "null"], format: date-time }
            AccountChange:
              type: object
              properties:
                givenName: { type: string }
                familyName: { type: string }
                username: { type: string }
                email: { type: string }
                role: { type: string, enum: [admin, coach, teacher, student, guardian] }
                schoolId: { type: string }
                gradeLevel: { type: string }
                active: { type: boolean }
            Course:
              type: object
              required: [id, code, title, schoolId, frameworkIds]
              properties:
                id: { type: string }
                sourcedId: { type: [string, "null"] }
                code: { type: string }
                title: { type: string }
                schoolId: { type: string }
                frameworkIds: { type: array, items: { type: string } }
            User:
              type: object
              required: [id, role, name]
              properties:
                id: { type: string }
                role: { type: string, enum: [admin, coach, teacher, student, guardian] }
                name: { type: string }
            Named:
              type: object
              required: [id, name]
              properties: { id: { type: string }, name: { type: string } }
            NotificationList:
              type: object
              required: [items]
              properties:
                items:
                  type: array
                  items:
                    type: object
                    required: [kind, text, url, createdAt, read]
                    properties:
                      kind: { type: string, enum: [plan-acknowledgement, goal-feedback, goal-due, work-waiting, plan-sign-off] }
                      text: { type: string }
                      url: { type: string }
                      createdAt: { type: string, format: date-time }
                      read: { type: boolean }
            Section:
              type: object
              required: [id, name, term, courseId, schoolId]
              properties:
                id: { type: string }
                name: { type: string }
                term: { type: string }
                courseId: { type: string }
                schoolId: { type: string }
            Competency:
              type: object
              required: [id, code, title, kind, strandId]
              properties:
                id: { type: string }
                code: { type: string }
                title: { type: string }
                kind: { type: string, enum: [academic, habit, career] }
                strandId: { type: string }
            Cell:
              type: object
              required: [studentId, competencyId, status, value, displayValue, level, levelValue, mastered, evidenceCount]
              properties:
                studentId: { type: string }
                competencyId: { type: string }
                status: { type: string, enum: [assessed, not-enough-evidence] }
                value: { type: [number, "null"] }
                displayValue: { type: [string, "null"] }
                level: { type: [string, "null"] }
                levelValue: { type: [number, "null"] }
                mastered: { type: boolean }
                evidenceCount: { type: integer }
        """
}

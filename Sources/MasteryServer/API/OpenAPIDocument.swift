/// The OpenAPI 3.1 document of `/api/v1`, served at `/openapi.yaml`.
enum OpenAPIDocument {
    static let yaml = """
        openapi: 3.1.0
        info:
          title: Masterly API
          version: "1.0"
          description: >-
            JSON API of Masterly, a mastery-based learning platform. Authenticate with POST /api/v1/sessions and send
            the token as `Authorization: Bearer TOKEN`. Authorization is the same as the web pages': callers who may
            not see a resource get 403, unknown ids 404. Errors share one shape.
        servers:
          - url: /
        security:
          - bearer: []
        paths:
          /health:
            get:
              summary: Liveness check
              security: []
              responses:
                "200":
                  description: The server is up
                  content:
                    application/json:
                      schema: { type: object, required: [status], properties: { status: { type: string } } }
          /ready:
            get:
              summary: Readiness — the database answers and its schema is current
              security: []
              responses:
                "200":
                  description: Ready for requests
                  content:
                    application/json:
                      schema: { type: object, required: [status], properties: { status: { type: string } } }
                "503": { $ref: "#/components/responses/Error" }
          /api/v1/sessions:
            post:
              summary: Exchange a username and password for an API token (valid 30 days)
              security: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [username, password]
                      properties: { username: { type: string }, password: { type: string } }
              responses:
                "201":
                  description: A new token
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [token, user, expiresAt]
                        properties:
                          token: { type: string }
                          expiresAt: { type: string, format: date-time }
                          user: { $ref: "#/components/schemas/User" }
                "401": { $ref: "#/components/responses/Error" }
                "422": { $ref: "#/components/responses/Error" }
                "429": { $ref: "#/components/responses/Error" }
          /api/v1/me:
            get:
              summary: The caller
              responses:
                "200":
                  description: The signed-in person; a guardian's linked children included
                  content:
                    application/json:
                      schema:
                        allOf:
                          - $ref: "#/components/schemas/User"
                          - type: object
                            properties:
                              children: { type: array, items: { $ref: "#/components/schemas/Named" } }
                "401": { $ref: "#/components/responses/Error" }
          /api/v1/me/tokens:
            get:
              summary: The caller's API tokens (ids and dates, never the secrets)
              responses:
                "200":
                  description: Tokens, newest first
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [tokens]
                        properties:
                          tokens:
                            type: array
                            items:
                              type: object
                              required: [id, createdAt, expiresAt]
                              properties:
                                id: { type: string }
                                createdAt: { type: string, format: date-time }
                                expiresAt: { type: string, format: date-time }
                "401": { $ref: "#/components/responses/Error" }
          /api/v1/me/tokens/{tokenId}:
            delete:
              summary: Revoke one of the caller's API tokens
              parameters:
                - { name: tokenId, in: path, required: true, schema: { type: string } }
              responses:
                "204": { description: Revoked }
                "401": { $ref: "#/components/responses/Error" }
                "404": { $ref: "#/components/responses/Error" }
          /api/v1/people/{personId}/tokens:
            delete:
              summary: An administrator ends every API token of a person of their schools
              parameters:
                - { name: personId, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: How many tokens ended
                  content:
                    application/json:
                      schema: { type: object, required: [revoked], properties: { revoked: { type: integer } } }
                "401": { $ref: "#/components/responses/Error" }
                "403": { $ref: "#/components/responses/Error" }
                "404": { $ref: "#/components/responses/Error" }
          /api/v1/users:
            get:
              summary: An administrator's people (their schools only), filtered
              parameters:
                - { name: q, in: query, required: false, schema: { type: string, maxLength: 200 }, description: "name, username or email contains" }
                - { name: role, in: query, required: false, schema: { type: string, enum: [admin, coach, teacher, student, guardian] } }
                - { name: school, in: query, required: false, schema: { type: string } }
                - { name: active, in: query, required: false, schema: { type: string, enum: ["true", "false"] } }
              responses:
                "200":
                  description: People
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [users]
                        properties: { users: { type: array, items: { $ref: "#/components/schemas/Account" } } }
                "401": { $ref: "#/components/responses/Error" }
                "403": { $ref: "#/components/responses/Error" }
                "404": { $ref: "#/components/responses/Error" }
                "422": { $ref: "#/components/responses/Error" }
            post:
              summary: An administrator adds a person (only roles they may grant, in their schools)
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/AccountChange" }
              responses:
                "201":
                  description: The new person
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Account" }
                "401": { $ref: "#/components/responses/Error" }
                "403": { $ref: "#/components/responses/Error" }
                "404": { $ref: "#/components/responses/Error" }
                "413": { $ref: "#/components/responses/Error" }
                "422": { $ref: "#/components/responses/Error" }
          /api/v1/users/{id}:
            patch:
              summary: An administrator changes a person (deactivating ends their sessions and tokens at once)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/AccountChange" }
              responses:
                "200":
                  description: The person as saved
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Account" }
                "401": { $ref: "#/components/responses/Error" }
                "403": { $ref: "#/components/responses/Error" }
                "404": { $ref: "#/components/responses/Error" }
                "413": { $ref: "#/components/responses/Error" }
                "422": { $ref: "#/components/responses/Error" }
          /api/v1/users/{id}/invitations:
            post:
              summary: A one-time link (14 days) for a person to choose a password — administrators for their schools, teachers for their own students
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "201":
                  description: The link's path, to show or print
                  content:
                    application/json:
                      schema: { type: object, required: [path], properties: { path: { type: string } } }
                "401": { $ref: "#/components/responses/Error" }
                "403": { $ref: "#/components/responses/Error" }
                "404": { $ref: "#/components/responses/Error" }
          /api/v1/courses:
            get:
              summary: An administrator's courses (their schools) with the frameworks each assesses
              responses:
                "200":
                  description: Courses
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [courses]
                        properties: { courses: { type: array, items: { $ref: "#/components/schemas/Course" } } }
                "401": { $ref: "#/components/responses/Error" }
                "403": { $ref: "#/components/responses/Error" }
          /api/v1/courses/{id}/frameworks:
            put:
              summary: Sets the frameworks a course assesses (by id, code or CASE identifier); its gradebooks follow at once
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [frameworkIds]
                      properties: { frameworkIds: { type: array, items: { type: string } } }
              responses:
                "200":
                  description: The course as saved
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Course" }
                "401": { $ref: "#/components/responses/Error" }
                "403": { $ref: "#/components/responses/Error" }
                "404": { $ref: "#/components/responses/Error" }
                "413": { $ref: "#/components/responses/Error" }
                "422": { $ref: "#/components/responses/Error" }
          /api/v1/sections:
            get:
              summary: The sections the caller may see
              responses:
                "200":
                  description: Sections
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [sections]
                        properties: { sections: { type: array, items: { $ref: "#/components/schemas/Section" } } }
                "401": { $ref: "#/components/responses/Error" }
          /api/v1/sections/{id}/gradebook:
            get:
              summary: A section's mastery gradebook (staff of the section or school)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: Students, competencies and one cell per student and competency
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [section, students, competencies, cells]
                        properties:
                          section: { $ref: "#/components/schemas/Section" }
                          students: { type: array, items: { $ref: "#/components/schemas/Named" } }
                          competencies: { type: array, items: { $ref: "#/components/schemas/Competency" } }
                          cells: { type: array, items: { $ref: "#/components/schemas/Cell" } }
                "401": { $ref: "#/components/responses/Error" }
                "403": { $ref: "#/components/responses/Error" }
                "404": { $ref: "#/components/responses/Error" }
          /api/v1/evidence:
            post:
              summary: Record evidence for a student on a competency (the student's teachers)
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [studentId, competencyId]
                      properties:
                        studentId: { type: string }
                        competencyId: { type: string }
                        score: { type: [number, "null"], description: "On the competency's scale; null for a result without score" }
                        observedAt: { type: string, format: date-time }
                        taskId: { type: string }
                        comment: { type: string }
              responses:
                "201":
                  description: The evidence id and the updated mastery cell
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [id, cell]
                        properties: { id: { type: string }, cell: { $ref: "#/components/schemas/Cell" } }
                "401": { $ref: "#/components/responses/Error" }
                "403": { $ref: "#/components/responses/Error" }
                "404": { $ref: "#/components/responses/Error" }
                "422": { $ref: "#/components/responses/Error" }
          /api/v1/students/{id}/mastery:
            get:
              summary: A student's mastery records, each with its explanation
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: Records
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [student, records]
                        properties:
                          student: { $ref: "#/components/schemas/Named" }
                          records:
                            type: array
                            items:
                              type: object
                              required: [competency, cell, explanation]
                              properties:
                                competency: { $ref: "#/components/schemas/Competency" }
                                cell: { $ref: "#/components/schemas/Cell" }
                                explanation: { type: object, description: "Evidence in order, method, steps, value, level" }
                "401": { $ref: "#/components/responses/Error" }
                "403": { $ref: "#/components/responses/Error" }
                "404": { $ref: "#/components/responses/Error" }
          /api/v1/students/{id}/next-steps:
            get:
              summary: What the student should do next, best first
              description: >-
                Competencies not yet mastered whose prerequisites are all mastered (never a locked one), ranked by
                what the student has started, overdue pathway steps, their goals, pathway order and closeness to
                mastery; each with plain-language reasons and the playlist items that fit (the student's preferred
                ways of learning first). Also what is still locked and the student's place on each pathway.
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: Next steps
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [student, generatedAt, steps, blocked, pathways]
                        properties:
                          student: { $ref: "#/components/schemas/Named" }
                          generatedAt: { type: string, format: date-time }
                          steps:
                            type: array
                            items:
                              type: object
                              required: [competencyId, code, title, reason, reasons, overdue, servesGoal, items]
                              properties:
                                competencyId: { type: string }
                                code: { type: string }
                                title: { type: string }
                                reason: { type: string, description: "Every reason, in plain language" }
                                reasons: { type: array, items: { type: string } }
                                pathwayId: { type: string }
                                pathwayStep: { type: integer, minimum: 1 }
                                targetDate: { type: string, format: date-time }
                                overdue: { type: boolean }
                                servesGoal: { type: boolean }
                                items:
                                  type: array
                                  items:
                                    type: object
                                    required: [playlistId, itemId, kind, title, required, modality, minutes, reason]
                                    properties:
                                      playlistId: { type: string }
                                      itemId: { type: string }
                                      kind: { type: string, enum: [resource, practice, small-group, project, checkpoint] }
                                      title: { type: string }
                                      required: { type: boolean }
                                      modality: { type: string, enum: [video, reading, hands-on, discussion, online-tool] }
                                      minutes: { type: integer }
                                      url: { type: string }
                                      status: { type: string, enum: [started, submitted, done] }
                                      reason: { type: string }
                          blocked:
                            type: array
                            items:
                              type: object
                              required: [competencyId, code, title, blockedBy, notYetOpen]
                              properties:
                                competencyId: { type: string }
                                code: { type: string }
                                title: { type: string }
                                blockedBy: { type: array, items: { type: string } }
                                notYetOpen: { type: boolean }
                          pathways:
                            type: array
                            items:
                              type: object
                              required: [id, title, pacing, position, completed, steps, expected, pace]
                              properties:
                                id: { type: string }
                                title: { type: string }
                                pacing: { type: string, enum: [self-paced, teacher-paced] }
                                position: { type: integer, description: "0-based index of the first step not done" }
                                completed: { type: integer, description: "Steps done, in any order" }
                                steps: { type: integer }
                                expected: { type: integer }
                                pace: { type: string }
                "401": { $ref: "#/components/responses/Error" }
                "403": { $ref: "#/components/responses/Error" }
                "404": { $ref: "#/components/responses/Error" }
          /api/v1/students/{id}/backpack:
            get:
              summary: The student's portable record (masterly.backpack, version 1)
              description: >-
                Who the student is, every version of their learner profile (accommodations only for staff with a
                need), goals with check-ins and comments, reflections, learning plans, accomplishments, mastery
                across every section, and the evidence it was computed from. The student, their current teachers
                and administrators may read it; `masterly import backpack FILE` brings it into another school.
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: The backpack
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [format, version, exportedAt, student, profiles, goals, reflections, plans,
                                   accomplishments, mastery, evidence, transferred]
                        properties:
                          format: { type: string, enum: [masterly.backpack] }
                          version: { type: integer, minimum: 1 }
                          exportedAt: { type: string, format: date-time }
                          student:
                            type: object
                            required: [id, givenName, familyName]
                            properties:
                              id: { type: string }
                              givenName: { type: string }
                              familyName: { type: string }
                              gradeLevel: { type: string }
                              school: { type: string }
                          profiles: { type: array, items: { type: object } }
                          goals:
                            type: array
                            items:
                              type: object
                              required: [goal, competencies, notes]
                              properties:
                                goal: { type: object }
                                competencies: { type: array, items: { $ref: "#/components/schemas/CompetencyReference" } }
                                notes: { type: array, items: { type: object } }
                          reflections: { type: array, items: { type: object } }
                          plans: { type: array, items: { type: object } }
                          accomplishments:
                            type: array
                            items:
                              type: object
                              required: [kind, title]
                              properties:
                                kind: { type: string, enum: [mastered, goal-met, plan-complete] }
                                title: { type: string }
                                date: { type: string, format: date-time }
                          mastery: { type: array, items: { $ref: "#/components/schemas/BackpackMastery" } }
                          transferred: { type: array, items: { $ref: "#/components/schemas/BackpackMastery" } }
                          evidence:
                            type: array
                            items:
                              type: object
                              required: [id, competency, observedAt, source]
                              properties:
                                id: { type: string }
                                competency: { $ref: "#/components/schemas/CompetencyReference" }
                                score: { type: number }
                                observedAt: { type: string, format: date-time }
                                source: { type: string }
                                comment: { type: string }
                "401": { $ref: "#/components/responses/Error" }
                "403": { $ref: "#/components/responses/Error" }
                "404": { $ref: "#/components/responses/Error" }
        components:
          securitySchemes:
            bearer: { type: http, scheme: bearer }
          responses:
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

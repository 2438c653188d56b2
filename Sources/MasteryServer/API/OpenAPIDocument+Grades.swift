extension OpenAPIDocument {
    /// Final grades (`/api/v1/sections/{id}/grades`, `/api/v1/grading-periods`).
    static let gradePaths = """
          /api/v1/sections/{id}/grades:
            get:
              summary: The section's final grades under the course's rule, for a period and/or as of a past date
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: period, in: query, required: false, schema: { type: string }, description: "a grading period: only evidence observed in it counts" }
                - { name: asOf, in: query, required: false, schema: { type: string, format: date }, description: "the grades as the log stood at the end of that day" }
                - { name: preset, in: query, required: false, schema: { type: string, enum: [mean-level, all-at-least, percent-mastered, level-names] }, description: "what-if: the grades under this preset, nothing saved" }
                - { name: unassessed, in: query, required: false, schema: { type: string, enum: [skip, lowest, incomplete] } }
              responses:
                "200": { $ref: "#/components/responses/Grades" }
                \(errors(401, 403, 404, 422))
          /api/v1/sections/{id}/grade-rule:
            put:
              summary: The section's teacher or an administrator sets the rule of the section's course
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        preset: { type: [string, "null"], enum: [mean-level, all-at-least, percent-mastered, level-names, null] }
                        unassessed: { type: [string, "null"], enum: [skip, lowest, incomplete, null] }
                        rule: { anyOf: [{ $ref: "#/components/schemas/GradeRule" }, { type: "null" }] }
              responses:
                "200": { $ref: "#/components/responses/Grades" }
                \(errors(401, 403, 404, 413, 422))
          /api/v1/sections/{id}/grades/overrides:
            post:
              summary: The teacher's judgement on one student's grade, with a reason (a null grade withdraws it)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [studentId, reason]
                      properties:
                        studentId: { type: string }
                        grade: { type: [string, "null"], maxLength: 12, description: "null or empty withdraws the override" }
                        reason: { type: string, minLength: 3, maxLength: 1000 }
                        periodId: { type: [string, "null"] }
              responses:
                "201": { $ref: "#/components/responses/Grades" }
                \(errors(401, 403, 404, 409, 413, 422))
          /api/v1/sections/{id}/grades/comments:
            post:
              summary: The teacher's comment on a student's report card (empty clears it; refused once closed)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [studentId, comment]
                      properties:
                        studentId: { type: string }
                        comment: { type: string, maxLength: 2000 }
                        periodId: { type: [string, "null"] }
              responses:
                "201": { $ref: "#/components/responses/Grades" }
                \(errors(401, 403, 404, 409, 413, 422))
          /api/v1/grade-rule:
            put:
              summary: A district administrator sets the district's rule (courses without their own follow it)
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [rule], properties: { rule: { $ref: "#/components/schemas/GradeRule" } } }
              responses:
                "200": { description: The rule, content: { application/json: { schema: { $ref: "#/components/schemas/GradeRule" } } } }
                \(errors(401, 403, 413, 422))
          /api/v1/sections/{id}/grades/close:
            post:
              summary: Close a grading period for the section; its grades are kept as they stand
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [periodId], properties: { periodId: { type: string } } }
              responses:
                "201":
                  description: Closed
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          periodId: { type: string }
                          sectionId: { type: string }
                          closedAt: { type: string, format: date-time }
                          closedBy: { type: string }
                \(errors(401, 403, 404, 409, 413, 422))
          /api/v1/grading-periods:
            get:
              summary: Every grading period (imported academic sessions and those made by hand)
              responses:
                "200":
                  description: Periods, earliest first
                  content:
                    application/json:
                      schema:
                        type: object
                        properties: { periods: { type: array, items: { $ref: "#/components/schemas/GradingPeriod" } } }
                \(errors(401))
            post:
              summary: An administrator adds a grading period
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [title, startsOn, endsOn]
                      properties:
                        title: { type: string, minLength: 1, maxLength: 200 }
                        kind: { type: [string, "null"], enum: [gradingPeriod, term, semester, schoolYear, null] }
                        startsOn: { type: string, format: date }
                        endsOn: { type: string, format: date }
              responses:
                "201": { description: The period, content: { application/json: { schema: { $ref: "#/components/schemas/GradingPeriod" } } } }
                \(errors(401, 403, 413, 422))
        """

    /// Extended learning opportunities (`/api/v1/students/{id}/elos`, `/api/v1/elos/{id}/…`).
    static let extendedLearningPaths = """
          /api/v1/students/{id}/elos:
            get:
              summary: A student's extended learning opportunities (the student, family, teachers, school staff)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200": { description: "{ elos: [ELO] }", content: { application/json: { schema: { type: object, properties: { elos: { type: array, items: { $ref: "#/components/schemas/ELO" } } } } } } }
                \(errors(401, 403, 404, 422))
            post:
              summary: The student proposes one with the competencies of their courses it will show
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [title, kind, competencyIds]
                      properties:
                        title: { type: string, minLength: 1, maxLength: 200 }
                        kind: { type: string, enum: [internship, online-course, community-project, independent-study] }
                        competencyIds: { type: array, minItems: 1, maxItems: 30, items: { type: string } }
                        description: { type: [string, "null"], maxLength: 4000 }
                        hours: { type: [number, "null"], exclusiveMinimum: 0, maximum: 2000 }
              responses:
                "201": { description: "The opportunity (state proposed)", content: { application/json: { schema: { $ref: "#/components/schemas/ELO" } } } }
                \(errors(401, 403, 404, 413, 422))
          /api/v1/elos/{id}:
            get:
              summary: One opportunity (also its mentor)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200": { description: The opportunity, content: { application/json: { schema: { $ref: "#/components/schemas/ELO" } } } }
                \(errors(401, 403, 404, 422))
          /api/v1/elos/{id}/{step}:
            post:
              summary: "approve and complete: a teacher of the student; consent: a guardian. Complete takes { credit } (0–10)"
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: step, in: path, required: true, schema: { type: string, enum: [approve, consent, complete] } }
              requestBody:
                required: false
                content: { application/json: { schema: { type: object, properties: { credit: { type: [number, "null"], minimum: 0, maximum: 10 } } } } }
              responses:
                "200": { description: The opportunity after the step, content: { application/json: { schema: { $ref: "#/components/schemas/ELO" } } } }
                \(errors(401, 403, 404, 409, 413, 422))
          /api/v1/elos/{id}/hours:
            post:
              summary: The mentor or the student logs time spent while it is under way
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [hours, note]
                      properties:
                        hours: { type: number, exclusiveMinimum: 0, maximum: 24 }
                        day: { type: [string, "null"], format: date }
                        note: { type: string, minLength: 1, maxLength: 2000 }
              responses:
                "201": { description: The opportunity, content: { application/json: { schema: { $ref: "#/components/schemas/ELO" } } } }
                \(errors(401, 403, 404, 409, 413, 422))
          /api/v1/elos/{id}/mentors:
            post:
              summary: The teacher invites an outside mentor (an account that sees only this opportunity)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [givenName]
                      properties: { givenName: { type: string }, familyName: { type: [string, "null"] }, email: { type: [string, "null"], format: email } }
              responses:
                "201": { description: "{ mentorId, username, invitation }", content: { application/json: { schema: { type: object, properties: { mentorId: { type: string }, username: { type: string }, invitation: { type: string } } } } } }
                \(errors(401, 403, 404, 413, 422))
          /api/v1/elos/{id}/evidence:
            post:
              summary: The teacher scores one of its competencies (evidence from learning beyond school)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [competencyId, score]
                      properties: { competencyId: { type: string }, score: { type: number }, comment: { type: [string, "null"] } }
              responses:
                "201": { description: The opportunity, content: { application/json: { schema: { $ref: "#/components/schemas/ELO" } } } }
                \(errors(401, 403, 404, 409, 413, 422))
        """

    static let gradeComponents = """
            GradingPeriod:
              type: object
              required: [id, title, kind, startsOn, endsOn]
              properties:
                id: { type: string }
                title: { type: string }
                kind: { type: string }
                startsOn: { type: string, format: date }
                endsOn: { type: string, format: date }
            GradeRule:
              type: object
              required: [name, tiers, fallback, unassessed, strandWeights]
              description: The first tier whose every condition holds gives the grade, otherwise the fallback
              properties:
                name: { type: string }
                tiers:
                  type: array
                  items:
                    type: object
                    required: [grade]
                    properties:
                      grade: { type: string, maxLength: 12 }
                      meanAtLeast: { type: number }
                      noneBelow: { type: number }
                      masteredShareAtLeast: { type: number, minimum: 0, maximum: 1 }
                fallback: { type: string, maxLength: 12 }
                unassessed: { type: string, enum: [skip, lowest, incomplete] }
                strandWeights: { type: object, additionalProperties: { type: number, minimum: 0, maximum: 100 } }
            ELO:
              type: object
              required: [id, studentId, title, kind, state, competencyIds, consentNeeded, hoursLogged]
              properties:
                id: { type: string }
                studentId: { type: string }
                title: { type: string }
                kind: { type: string, enum: [internship, online-course, community-project, independent-study] }
                description: { type: string }
                competencyIds: { type: array, items: { type: string } }
                plannedHours: { type: number }
                state: { type: string, enum: [proposed, approved, active, completed] }
                consentNeeded: { type: boolean }
                proposed: { type: object, properties: { by: { type: string }, at: { type: string, format: date-time } } }
                approved: { type: object, properties: { by: { type: string }, at: { type: string, format: date-time } } }
                consented: { type: object, properties: { by: { type: string }, at: { type: string, format: date-time } } }
                completed: { type: object, properties: { by: { type: string }, at: { type: string, format: date-time } } }
                credit: { type: number }
                mentorIds: { type: array, items: { type: string } }
                hoursLogged: { type: number }
                hours: { type: array, items: { type: object, properties: { hours: { type: number }, day: { type: string, format: date }, note: { type: string }, by: { type: string } } } }
        """
}

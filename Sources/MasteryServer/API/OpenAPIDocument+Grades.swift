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
                        preset: { type: string, enum: [mean-level, all-at-least, percent-mastered, level-names] }
                        unassessed: { type: string, enum: [skip, lowest, incomplete] }
                        rule: { $ref: "#/components/schemas/GradeRule" }
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
                        grade: { type: [string, "null"], minLength: 1, maxLength: 12 }
                        reason: { type: string, minLength: 3, maxLength: 1000 }
                        periodId: { type: string }
              responses:
                "201": { $ref: "#/components/responses/Grades" }
                \(errors(401, 403, 404, 409, 413, 422))
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
                        kind: { type: string, enum: [gradingPeriod, term, semester, schoolYear] }
                        startsOn: { type: string, format: date }
                        endsOn: { type: string, format: date }
              responses:
                "201": { description: The period, content: { application/json: { schema: { $ref: "#/components/schemas/GradingPeriod" } } } }
                \(errors(401, 403, 413, 422))
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
        """
}

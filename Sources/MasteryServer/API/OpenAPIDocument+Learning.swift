extension OpenAPIDocument {
    /// Sections, gradebooks, evidence and each student's mastery, next steps and backpack.
    static let learningPaths = """
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
                - { name: asOf, in: query, required: false, schema: { type: string, format: date }, description: "the gradebook as the log stood at the end of that day" }
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
                "422": { $ref: "#/components/responses/Error" }
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
                          work:
                            type: array
                            items:
                              type: object
                              required: [id, title, version, submittedAt, text, links, files, scores, feedback,
                                         reviewedAt, featured]
                              properties:
                                id: { type: string }
                                title: { type: string }
                                version: { type: integer, minimum: 1 }
                                submittedAt: { type: string, format: date-time }
                                text: { type: string }
                                links: { type: array, items: { type: string } }
                                files:
                                  type: array
                                  items:
                                    type: object
                                    required: [name, mediaType, size]
                                    properties:
                                      name: { type: string }
                                      mediaType: { type: string }
                                      size: { type: integer, minimum: 0 }
                                      content: { type: string, format: byte }
                                scores:
                                  type: array
                                  items:
                                    type: object
                                    required: [competency, score]
                                    properties:
                                      competency: { $ref: "#/components/schemas/CompetencyReference" }
                                      score: { type: number }
                                feedback: { type: string }
                                reviewedAt: { type: string, format: date-time }
                                featured: { type: boolean }
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
        """
}

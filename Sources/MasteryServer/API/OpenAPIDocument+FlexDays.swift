extension OpenAPIDocument {
    /// The error responses of an operation, one line each at the responses' indentation.
    static func errors(_ codes: Int...) -> String {
        codes.map { "\"\($0)\": { $ref: \"#/components/responses/Error\" }" }.joined(separator: "\n        ")
    }

    /// Flex days (`/api/v1/flex-days`): coordinators set them up, teachers request, students choose.
    static let flexDayPaths = """
          /api/v1/flex-days:
            get:
              summary: The school's flex days (a coordinator's also lists weekly templates)
              parameters:
                - { name: schoolId, in: query, required: false, schema: { type: string } }
              responses:
                "200":
                  description: Days, newest first
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [days]
                        properties: { days: { type: array, items: { $ref: "#/components/schemas/FlexDay" } } }
                \(errors(401, 403, 404))
            post:
              summary: A coordinator starts a day (or a weekly template); open study fills every mod
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [date, mods]
                      properties:
                        date: { type: string, format: date }
                        mods: { type: integer, minimum: 1, maximum: 20 }
                        schoolId: { type: string }
                        startTime: { type: string, pattern: "^[0-9]{1,2}:[0-9]{2}$", description: "when mod 1 begins" }
                        modMinutes: { type: integer, minimum: 5, maximum: 240 }
                        template: { type: boolean }
              responses:
                "201": { $ref: "#/components/responses/FlexDay" }
                \(errors(401, 403, 404, 413, 422))
          /api/v1/flex-days/{id}:
            get:
              summary: A day — a coordinator sees every placement, request and choice; others their own
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200": { $ref: "#/components/responses/FlexDay" }
                \(errors(401, 403, 404, 422))
          /api/v1/flex-days/{id}/sessions:
            post:
              summary: A coordinator adds a session (mods count from 0); until the day is published
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/FlexSessionChange" }
              responses:
                "201":
                  description: The new session's id
                  content:
                    application/json:
                      schema: { type: object, required: [id], properties: { id: { type: string } } }
                \(errors(401, 403, 404, 409, 413, 422))
          /api/v1/flex-days/{id}/sessions/{session}:
            patch:
              summary: A coordinator changes a session (the placement is cleared)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: session, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/FlexSessionChange" }
              responses:
                "200": { $ref: "#/components/responses/FlexDay" }
                \(errors(401, 403, 404, 409, 413, 422))
            delete:
              summary: A coordinator removes a session (open study stays)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: session, in: path, required: true, schema: { type: string } }
              responses:
                "204": { description: Removed }
                \(errors(401, 403, 404, 409, 422))
          /api/v1/flex-days/{id}/requests:
            post:
              summary: A teacher asks for their own students in a session (required, or weighed as a wish)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [sessionId, studentIds, required, reason]
                      properties:
                        sessionId: { type: string }
                        studentIds: { type: array, items: { type: string }, minItems: 1, maxItems: 200 }
                        required: { type: boolean }
                        reason: { type: string, minLength: 1, maxLength: 500 }
                        priority: { type: string, enum: [low, normal, high] }
              responses:
                "201":
                  description: The request
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/FlexRequest" }
                \(errors(401, 403, 404, 409, 413, 422))
          /api/v1/flex-days/{id}/requests/{request}:
            delete:
              summary: The requesting teacher (or a coordinator) withdraws a request
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: request, in: path, required: true, schema: { type: string } }
              responses:
                "204": { description: Withdrawn }
                \(errors(401, 403, 404, 409, 422))
          /api/v1/flex-days/{id}/choices:
            post:
              summary: A student on the day ranks up to three sessions, best first (replacing earlier picks)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [sessionIds]
                      properties: { sessionIds: { type: array, items: { type: string }, maxItems: 3 } }
              responses:
                "201":
                  description: The picks as saved
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/FlexChoice" }
                \(errors(401, 403, 404, 409, 413, 422))
          /api/v1/flex-days/{id}/propose:
            post:
              summary: A coordinator places every student from mastery, requests and choices
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: The proposal, with what was not met and why
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [objective, bound, assignments, unmet, conflicts, summary]
                        properties:
                          objective: { type: number }
                          bound: { type: number }
                          optimal: { type: boolean }
                          assignments: { type: array, items: { $ref: "#/components/schemas/FlexPlacement" } }
                          unmet:
                            type: array
                            items:
                              type: object
                              required: [studentId, kind, reason]
                              properties:
                                studentId: { type: string }
                                kind: { type: string }
                                requestId: { type: string }
                                sessionId: { type: string }
                                reason: { type: string }
                          conflicts: { type: array, items: { type: object } }
                          summary: { type: object }
                \(errors(401, 403, 404, 409, 422))
          /api/v1/flex-days/{id}/publish:
            post:
              summary: A coordinator publishes a proposed day
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200": { $ref: "#/components/responses/FlexDay" }
                \(errors(401, 403, 404, 409, 422))
          /api/v1/flex-days/{id}/close:
            post:
              summary: A coordinator closes a day that has run
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200": { $ref: "#/components/responses/FlexDay" }
                \(errors(401, 403, 404, 409, 422))
          /api/v1/flex-days/{id}/copy:
            post:
              summary: A coordinator makes a draft day on another date from a template or an earlier day
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [date], properties: { date: { type: string, format: date } } }
              responses:
                "201": { $ref: "#/components/responses/FlexDay" }
                \(errors(401, 403, 404, 413, 422))
        """

    /// Flex-day schemas and the day response (appended to `components`).
    static let flexDayComponents = """
            FlexSessionChange:
              type: object
              required: [title, start, capacity]
              properties:
                title: { type: string, minLength: 1, maxLength: 200 }
                start: { type: integer, minimum: 0, description: "first mod, counted from 0" }
                length: { type: integer, minimum: 1 }
                capacity: { type: integer, minimum: 1, maximum: 100000 }
                teacherId: { type: string }
                room: { type: string, maxLength: 100 }
                competencyIds: { type: array, items: { type: string } }
            FlexPlacement:
              type: object
              required: [studentId, sessionIds]
              properties:
                studentId: { type: string }
                sessionIds: { type: array, items: { type: string } }
            FlexRequest:
              type: object
              required: [id, sessionId, teacherId, studentIds, required, priority, reason, createdAt]
              properties:
                id: { type: string }
                sessionId: { type: string }
                teacherId: { type: string }
                studentIds: { type: array, items: { type: string } }
                required: { type: boolean }
                priority: { type: string, enum: [low, normal, high] }
                reason: { type: string }
                createdAt: { type: string, format: date-time }
            FlexChoice:
              type: object
              required: [studentId, sessionIds]
              properties:
                studentId: { type: string }
                sessionIds: { type: array, items: { type: string } }
            FlexDay:
              type: object
              required: [id, date, mods, status, schoolId, sessions, assignments]
              properties:
                id: { type: string }
                date: { type: string }
                mods: { type: integer }
                status: { type: string, enum: [template, draft, published, closed] }
                schoolId: { type: string }
                startTime: { type: string }
                modMinutes: { type: integer }
                sessions:
                  type: array
                  items:
                    type: object
                    required: [id, title, start, length, capacity, room, competencyIds]
                    properties:
                      id: { type: string }
                      title: { type: string }
                      start: { type: integer }
                      length: { type: integer }
                      capacity: { type: integer }
                      teacherId: { type: string }
                      room: { type: string }
                      competencyIds: { type: array, items: { type: string } }
                assignments: { type: array, items: { $ref: "#/components/schemas/FlexPlacement" } }
                requests: { type: array, items: { $ref: "#/components/schemas/FlexRequest" } }
                choices: { type: array, items: { $ref: "#/components/schemas/FlexChoice" } }
        """
}

extension OpenAPIDocument {
    /// An administrator's people and courses (`/api/v1/users`, `/api/v1/courses`).
    static let peoplePaths = """
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
        """
}

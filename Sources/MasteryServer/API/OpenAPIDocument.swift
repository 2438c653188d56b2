/// The OpenAPI 3.1 document of `/api/v1`, served at `/openapi.yaml`: written in parts, one file each
/// (this one: the header, health, sign-in and the caller's tokens).
enum OpenAPIDocument {
    static let yaml = [
        head, peoplePaths, learningPaths, flexDayPaths, playlistPaths, playlistEditingPaths, gradePaths,
        extendedLearningPaths,
        components,
        flexDayComponents, playlistComponents, pathwayComponents, gradeComponents,
    ].joined(separator: "\n")

    /// The header and the paths of health, readiness, sign-in and the caller's own tokens.
    static let head = """
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
                  description: >-
                    The signed-in person; a guardian's linked children included. `language` is the language of
                    their pages: the one they saved, else the one this request would show (Accept-Language), else en.
                  content:
                    application/json:
                      schema:
                        allOf:
                          - $ref: "#/components/schemas/User"
                          - type: object
                            required: [language]
                            properties:
                              language: { type: string, example: es }
                              children: { type: array, items: { $ref: "#/components/schemas/Named" } }
                "401": { $ref: "#/components/responses/Error" }
          /api/v1/me/notifications:
            get:
              summary: The caller's "needs you" list
              description: >-
                Worked out from the data each time: for a student, a plan awaiting their acknowledgement, a teacher's
                comment on a goal (two weeks), a goal due within a week; for a guardian, a child's plan awaiting the
                family's acknowledgement. Texts are in the caller's language. An item leaves once done; `read` is
                true for items from before the caller last marked the list read. Newest first.
              responses:
                "200":
                  description: The items
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/NotificationList" }
                "401": { $ref: "#/components/responses/Error" }
          /api/v1/me/notifications/read:
            post:
              summary: Mark every item of the caller's list read
              responses:
                "200":
                  description: The list, now read
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/NotificationList" }
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
        """
}

extension OpenAPIDocument {
    /// Changing playlists and writing a course's pathway.
    static let playlistEditingPaths = """
          /api/v1/playlists/{id}/items/{item}:
            put:
              summary: Changes an item in place (its id, progress and work kept)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: item, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/PlaylistItemChange" }
              responses:
                "200": { $ref: "#/components/responses/Playlist" }
                \(errors(401, 403, 404, 409, 413, 422))
            delete:
              summary: Removes an item (a playlist keeps at least one)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: item, in: path, required: true, schema: { type: string } }
              responses:
                "200": { $ref: "#/components/responses/Playlist" }
                \(errors(401, 403, 404, 409, 422))
          /api/v1/playlists/{id}/copies:
            post:
              summary: Copies a playlist to another section the teacher manages (of its course or another that assesses it)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [sectionId]
                      properties: { sectionId: { type: string } }
              responses:
                "201": { $ref: "#/components/responses/Playlist" }
                \(errors(401, 403, 404, 409, 413, 422))
          /api/v1/sections/{id}/pathway:
            get:
              summary: The pathway of the section's course
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200": { $ref: "#/components/responses/Pathway" }
                \(errors(401, 403, 404, 409, 422))
            put:
              summary: Writes the course's pathway whole (the section's managers)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [title, pacing, steps]
                      properties:
                        title: { type: string, minLength: 1, maxLength: 200 }
                        pacing: { type: string, enum: [self-paced, teacher-paced] }
                        openedSteps: { type: [integer, "null"], minimum: 0 }
                        steps:
                          type: array
                          maxItems: 500
                          items:
                            type: object
                            required: [competencyIds]
                            properties:
                              competencyIds: { type: array, minItems: 1, maxItems: 20, items: { type: string } }
                              targetDate: { type: [string, "null"], format: date }
              responses:
                "200": { $ref: "#/components/responses/Pathway" }
                \(errors(401, 403, 404, 409, 413, 422))
        """

    static let pathwayComponents = """
            Pathway:
              type: object
              required: [id, courseId, title, pacing, steps, openedSteps]
              properties:
                id: { type: string }
                courseId: { type: string }
                title: { type: string }
                pacing: { type: string, enum: [self-paced, teacher-paced] }
                openedSteps: { type: integer }
                steps:
                  type: array
                  items:
                    type: object
                    required: [competencyIds]
                    properties:
                      competencyIds: { type: array, items: { type: string } }
                      targetDate: { type: string, format: date }
        """
}

extension OpenAPIDocument {
    /// Playlists (`/api/v1/playlists`), work students hand in and the section's scoring queue.
    static let playlistPaths = """
          /api/v1/playlists:
            post:
              summary: A teacher makes a playlist for sections they manage (their sections covering it when none named)
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [title, items]
                      properties:
                        title: { type: string, minLength: 1, maxLength: 200 }
                        sectionIds: { type: [array, "null"], items: { type: string } }
                        assessmentChoice: { type: [boolean, "null"] }
                        items: { type: array, minItems: 1, maxItems: 50, items: { $ref: "#/components/schemas/PlaylistItemChange" } }
              responses:
                "201": { $ref: "#/components/responses/Playlist" }
                \(errors(401, 403, 404, 409, 413, 422))
          /api/v1/playlists/{id}:
            get:
              summary: A playlist, for the teachers of the sections it is offered in
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200": { $ref: "#/components/responses/Playlist" }
                \(errors(401, 403, 404, 422))
            patch:
              summary: Retitles, reorders (itemOrder lists every item id once) or retires a teacher's playlist
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        title: { type: [string, "null"], minLength: 1, maxLength: 200 }
                        itemOrder: { type: [array, "null"], maxItems: 50, items: { type: string } }
                        retired: { type: [boolean, "null"] }
              responses:
                "200": { $ref: "#/components/responses/Playlist" }
                \(errors(401, 403, 404, 409, 413, 422))
          /api/v1/playlists/{id}/items:
            post:
              summary: Adds an item at the end of a teacher's playlist
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/PlaylistItemChange" }
              responses:
                "201": { $ref: "#/components/responses/Playlist" }
                \(errors(401, 403, 404, 409, 413, 422))
          /api/v1/playlists/{id}/assignments:
            post:
              summary: Assigns a playlist to students, a whole section, or a group of a saved grouping
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        studentIds: { type: [array, "null"], items: { type: string } }
                        sectionId: { type: [string, "null"] }
                        groupId: { type: [string, "null"], description: "a grouping's id, '|' and the group's name" }
              responses:
                "200":
                  description: Who is assigned now
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [playlistId, studentIds]
                        properties:
                          playlistId: { type: array, items: { type: string } }
                          studentIds: { type: array, items: { type: string } }
                \(errors(401, 403, 404, 413, 422))
          /api/v1/students/{id}/submissions:
            get:
              summary: The student's handed-in work, newest first, with the teacher's scores and feedback
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: Every version handed in
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [submissions]
                        properties: { submissions: { type: array, items: { $ref: "#/components/schemas/Submission" } } }
                \(errors(401, 403, 404, 422))
            post:
              summary: The student hands in work on an item released to them (409 names what unlocks it)
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [itemId]
                      properties:
                        itemId: { type: string }
                        text: { type: [string, "null"], maxLength: 20000 }
                        links: { type: [array, "null"], maxItems: 10, items: { type: string, format: uri } }
                        choice: { type: [string, "null"], enum: [checkpoint, project, presentation, conversation, portfolio, null] }
                        files:
                          type: [array, "null"]
                          maxItems: 5
                          items:
                            type: object
                            required: [name, content]
                            properties:
                              name: { type: string, maxLength: 255 }
                              content: { type: string, contentEncoding: base64 }
                  multipart/form-data:
                    schema:
                      type: object
                      required: [itemId]
                      properties:
                        itemId: { type: string }
                        text: { type: string }
                        links: { type: array, items: { type: string } }
                        files: { type: array, items: { type: string, format: binary } }
              responses:
                "201":
                  description: The work as stored (a new version)
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Submission" }
                \(errors(401, 403, 404, 409, 413, 415, 422))
          /api/v1/sections/{id}/queue:
            get:
              summary: The section's teacher — work waiting to be scored, oldest first
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: Waiting work with what it is scored on
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [work]
                        properties: { work: { type: array, items: { $ref: "#/components/schemas/QueueEntry" } } }
                \(errors(401, 403, 404, 409, 422))
          /api/v1/sections/{id}/queue/{submission}/review:
            post:
              summary: The teacher scores waiting work — levels become evidence — and gives feedback
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: submission, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        scores: { type: [array, "null"], items: { $ref: "#/components/schemas/Score" } }
                        feedback: { type: [string, "null"], maxLength: 20000 }
              responses:
                "200":
                  description: The work with its review
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Submission" }
                \(errors(401, 403, 404, 409, 413, 422))
        """

    static let playlistComponents = """
            PlaylistItemChange:
              type: object
              required: [title, kind]
              properties:
                title: { type: string, minLength: 1, maxLength: 200 }
                kind: { type: string, enum: [must, may] }
                competencyIds: { type: [array, "null"], items: { type: string } }
                checkpoint: { type: [boolean, "null"] }
                activity: { type: [string, "null"], enum: [resource, practice, small-group, project, null] }
                modality: { type: [string, "null"], enum: [video, reading, hands-on, discussion, online-tool, null] }
                minutes: { type: [integer, "null"], minimum: 1, maximum: 600 }
                url: { type: [string, "null"], format: uri }
                details: { type: [string, "null"], maxLength: 5000 }
                release:
                  type: [object, "null"]
                  description: on mastery (competencyId, atLeast) or on an earlier checkpoint's result (checkpointId, atLeast or atMost)
                  properties:
                    competencyId: { type: [string, "null"] }
                    checkpointId: { type: [string, "null"] }
                    atLeast: { type: [number, "null"] }
                    atMost: { type: [number, "null"] }
            Playlist:
              type: object
              required: [id, title, sectionIds, competencyIds, retired, assessmentChoice, items]
              properties:
                id: { type: string }
                title: { type: string }
                sectionIds: { type: array, items: { type: string } }
                competencyIds: { type: array, items: { type: string } }
                retired: { type: boolean }
                assessmentChoice: { type: boolean }
                items:
                  type: array
                  items:
                    type: object
                    required: [id, title, kind, activity, checkpoint, modality, minutes, details, competencyIds]
                    properties:
                      id: { type: string }
                      title: { type: string }
                      kind: { type: string, enum: [must, may] }
                      activity: { type: string }
                      checkpoint: { type: boolean }
                      modality: { type: string }
                      minutes: { type: integer }
                      url: { type: string }
                      details: { type: string }
                      competencyIds: { type: array, items: { type: string } }
                      release:
                        type: object
                        properties:
                          competencyId: { type: string }
                          checkpointId: { type: string }
                          atLeast: { type: number }
                          atMost: { type: number }
            Score:
              type: object
              required: [competencyId, level]
              properties:
                competencyId: { type: string }
                level: { type: number }
            Submission:
              type: object
              required: [id, studentId, playlistId, itemId, version, text, links, files, submittedAt]
              properties:
                id: { type: string }
                studentId: { type: string }
                playlistId: { type: string }
                itemId: { type: string }
                version: { type: integer, minimum: 1 }
                text: { type: string }
                links: { type: array, items: { type: string } }
                files:
                  type: array
                  items:
                    type: object
                    required: [id, name, type, size, url]
                    properties:
                      id: { type: string }
                      name: { type: string }
                      type: { type: string }
                      size: { type: integer }
                      url: { type: string }
                submittedAt: { type: string, format: date-time }
                review:
                  type: object
                  required: [scores, feedback, reviewedBy, reviewedAt]
                  properties:
                    scores: { type: array, items: { $ref: "#/components/schemas/Score" } }
                    feedback: { type: string }
                    reviewedBy: { type: string }
                    reviewedAt: { type: string, format: date-time }
            QueueEntry:
              type: object
              required: [submission, studentName, playlistTitle, itemTitle, competencies]
              properties:
                submission: { $ref: "#/components/schemas/Submission" }
                studentName: { type: string }
                playlistTitle: { type: string }
                itemTitle: { type: string }
                competencies:
                  type: array
                  items:
                    type: object
                    required: [id, code, title, levels]
                    properties:
                      id: { type: string }
                      code: { type: string }
                      title: { type: string }
                      levels:
                        type: array
                        items:
                          type: object
                          required: [value, label]
                          properties: { value: { type: number }, label: { type: string } }
        """
}

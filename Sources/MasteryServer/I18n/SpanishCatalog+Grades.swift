/// Spanish for report cards, which families keep.
extension SpanishCatalog {
    static let gradeMessages: [String: String] = [
        "Report card": "Boletín de calificaciones",
        "Report cards": "Boletines de calificaciones",
        "Report card of {name}": "Boletín de calificaciones de {name}",
        "Grade": "Calificación",
        "the teacher's judgement: {reason}": "criterio del docente: {reason}",
        "What {name} can do": "Lo que {name} sabe hacer",
        "Habits of work": "Hábitos de trabajo",
        "All evidence so far": "Toda la evidencia hasta ahora",
        "final on {date}": "definitiva el {date}",
        "What this looks like": "Cómo se ve este nivel",
        "Not assessed yet": "Aún sin evaluar",
        "No report card yet: one appears here when a teacher finishes a grading period.":
            "Todavía no hay boletín: aparece aquí cuando un docente cierra un periodo de calificaciones.",
        "Quarter 1": "Primer trimestre",
        "Quarter 2": "Segundo trimestre",
        "Fall semester": "Semestre de otoño",
    ]
}

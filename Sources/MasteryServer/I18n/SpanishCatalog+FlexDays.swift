/// Spanish for the flex-day pages students read: their day and why, and picking sessions.
extension SpanishCatalog {
    static let flexDayMessages: [String: String] = [
        "Flex day": "Día flexible",
        "Flex day {date}": "Día flexible {date}",
        "Flex day {date}: pick your sessions": "Día flexible {date}: elige tus sesiones",
        "Where you are in each mod, and why.": "Dónde estás en cada módulo, y por qué.",
        "No flex day is published yet.": "Todavía no se ha publicado ningún día flexible.",
        "Being planned": "En preparación",
        "Planned": "Preparado",
        "Mod {n}": "Módulo {n}",
        "Mods {from}–{to}": "Módulos {from}–{to}",
        "Room {room}": "Aula {room}",
        "with {teacher}": "con {teacher}",
        "a teacher": "un docente",
        "a session that was removed": "una sesión que se quitó",
        "{teacher} needs you here: {reason}": "{teacher} te necesita aquí: {reason}",
        "{teacher} asked for you here: {reason}": "{teacher} pidió que estés aquí: {reason}",
        "Your first choice.": "Tu primera opción.",
        "Your second choice.": "Tu segunda opción.",
        "Your third choice.": "Tu tercera opción.",
        "More time on {competency}, which you are still building.":
            "Más tiempo para {competency}, que todavía estás construyendo.",
        "Practice on {competency}, which you are close to mastering.":
            "Práctica de {competency}, que estás cerca de dominar.",
        "A start on {competency}, which you have not been assessed on yet.":
            "Un comienzo en {competency}, en la que todavía no te han evaluado.",
        "Going further in {competency}, which you have mastered.":
            "Ir más allá en {competency}, que ya dominas.",
        "Time for your own work.": "Tiempo para tu propio trabajo.",
        "Pick up to three sessions you would like, best first. Teachers' requests come first; your picks count after them.":
            "Elige hasta tres sesiones que te gustaría tener, la mejor primero. Primero cuentan las peticiones de los docentes; después, tus opciones.",
        "This day is no longer taking changes.": "Este día ya no admite cambios.",
        "Sessions on offer": "Sesiones que se ofrecen",
        "No session is set up yet.": "Todavía no hay sesiones.",
        "{count} seat": "{count} lugar",
        "{count} seats": "{count} lugares",
        "Helps with {list}, which you are still building.": "Ayuda con {list}, que todavía estás construyendo.",
        "Your picks": "Tus opciones",
        "First choice": "Primera opción",
        "Second choice": "Segunda opción",
        "Third choice": "Tercera opción",
        "No choice": "Sin opción",
        "Save my picks": "Guardar mis opciones",
    ]
}

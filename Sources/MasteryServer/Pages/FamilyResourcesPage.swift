import Foundation
import MasteryCore
import Plot

/// "Help for families": what mastery-based learning is, how to read the levels, and how to help at home — the
/// school's own words when it wrote them, else Masterly's, in the reader's language. Written as plain text: a line
/// starting "# " is a heading, lines starting "- " are a list, a blank line starts a new paragraph.
struct FamilyResourcesPage {
    var text: String
    var scale: ProficiencyScale?

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        return Layout.page(
            t("Help for families"), page,
            Layout.heading(t("Help for families")),
            .div(.class("card resources"), Self.blocks(text)),
            .unwrap(scale) { Components.legend($0, t: t) })
    }

    /// The text as headings, paragraphs and lists (every piece escaped: it is text, never markup). A heading
    /// line, a run of "- " lines, and a run of other lines each make one block; a blank line ends a block.
    static func blocks(_ text: String) -> Node<HTML.BodyContext> {
        enum Block {
            case heading(String), paragraph([String]), list([String])
        }
        var blocks: [Block] = []
        func add(_ line: String) {
            if line.hasPrefix("# ") {
                blocks.append(.heading(String(line.dropFirst(2))))
            } else if line.hasPrefix("- ") {
                if case .list(let items) = blocks.last {
                    blocks[blocks.count - 1] = .list(items + [String(line.dropFirst(2))])
                } else {
                    blocks.append(.list([String(line.dropFirst(2))]))
                }
            } else if case .paragraph(let lines) = blocks.last {
                blocks[blocks.count - 1] = .paragraph(lines + [line])
            } else {
                blocks.append(.paragraph([line]))
            }
        }
        for paragraph in text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n") {
            // A blank line ends a block: a marker that the next line starts anew.
            blocks.append(.heading(""))
            for line in paragraph.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { add(trimmed) }
            }
        }
        return .forEach(blocks) { block in
            switch block {
            case .heading(let title): title.isEmpty ? .empty : .h2(.text(title))
            case .paragraph(let lines): .p(.text(lines.joined(separator: " ")))
            case .list(let items): .ul(.forEach(items) { .li(.text($0)) })
            }
        }
    }

    /// Masterly's own text, for schools that have not written theirs.
    static func standard(_ language: String) -> String {
        language == "es" ? spanish : english
    }

    static let english = """
        # Learning by mastery
        In a mastery-based school, your child moves on when they can show they have learned something — not when the calendar says so. Each subject is broken into skills called competencies, written as "I can" statements.

        # Reading the levels
        Each competency has a level, from just starting to going beyond. Your child's level comes from several pieces of work over time, not one test: a low score early on does not stay forever once they show more. The colours below are the school's levels; each one says what it looks like.

        # How to help at home
        - Ask what they can do now that they could not do last month, and let them show you.
        - Ask about the next step they are working on, and what helps them learn.
        - Praise effort and strategies ("you tried another way") more than speed.
        - Look at the "Needs you" list together: a plan to sign, a goal check-in, a conference.
        - If something is unclear, write to the teacher — questions are welcome.

        # Talking with the school
        The student-led conference is your child's chance to show their work and goals. Bring a question or two; the report can be printed or saved as a PDF.
        """

    static let spanish = """
        # Aprender por dominio
        En una escuela basada en el dominio, su hijo o hija avanza cuando puede demostrar lo que aprendió, no cuando lo dice el calendario. Cada materia se divide en habilidades llamadas competencias, escritas como frases de "Puedo".

        # Cómo leer los niveles
        Cada competencia tiene un nivel, desde "comenzando" hasta "más allá". El nivel sale de varios trabajos a lo largo del tiempo, no de un solo examen: una nota baja al principio no se queda para siempre cuando demuestra más. Los colores de abajo son los niveles de la escuela; cada uno explica cómo se ve.

        # Cómo ayudar en casa
        - Pregunte qué puede hacer ahora que no podía el mes pasado, y deje que se lo muestre.
        - Pregunte por el siguiente paso en el que trabaja y qué le ayuda a aprender.
        - Elogie el esfuerzo y las estrategias ("probaste otra forma") más que la rapidez.
        - Miren juntos la lista de "Necesita su atención": un plan para firmar, una revisión de metas, una reunión.
        - Si algo no está claro, escriba al docente: las preguntas son bienvenidas.

        # Hablar con la escuela
        La reunión dirigida por el estudiante es la oportunidad de su hijo o hija para mostrar su trabajo y sus metas. Traiga una o dos preguntas; el informe se puede imprimir o guardar como PDF.
        """
}

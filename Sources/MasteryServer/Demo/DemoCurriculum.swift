/// Static, hand-written curriculum content for the demo school.
///
/// The content is split across several files, each an extension of this enum:
/// - `DemoCurriculum+Math.swift`: the Mathematics framework (`math`)
/// - `DemoCurriculum+ELA.swift`: the English Language Arts framework (`ela`)
/// - `DemoCurriculum+Habits.swift`: the Habits of Work framework (`habits`)
/// - `DemoCurriculum+Tasks.swift`: performance tasks with rubric criteria (`tasks`)
///
/// Every competency has four "I can ..." performance indicators, one per level of the
/// proficiency scale: 1 Beginning, 2 Developing, 3 Proficient, 4 Advanced.
enum DemoCurriculum {
    struct FrameworkSpec: Sendable {
        let code: String
        let title: String
        let kind: Kind
        let strands: [StrandSpec]
    }

    enum Kind: String, Sendable {
        case academic, habit, career
    }

    struct StrandSpec: Sendable {
        let code: String
        let title: String
        let competencies: [CompetencySpec]
    }

    /// `indicators` has exactly 4 "I can …" statements, for levels 1 (Beginning), 2 (Developing),
    /// 3 (Proficient), 4 (Advanced), in that order.
    struct CompetencySpec: Sendable {
        let code: String
        let title: String
        let indicators: [String]
    }

    /// A performance task whose rubric criteria are aligned to competencies (by competency code).
    /// `descriptors` has 4 level descriptors (levels 1…4).
    struct TaskSpec: Sendable {
        let frameworkCode: String
        let title: String
        let description: String
        let criteria: [CriterionSpec]
    }

    struct CriterionSpec: Sendable {
        let title: String
        let competencyCode: String
        let descriptors: [String]
    }

    static let frameworks: [FrameworkSpec] = [math, ela, habits]

    static let districtName: String = "Maple Valley Unified School District"

    static let schoolNames: [String] = [
        "Cedar Ridge Middle School",
        "Riverbend Middle School",
    ]

    /// Given names reflecting the diversity of a US public school; ASCII letters only, unique.
    static let firstNames: [String] = [
        "Aaliyah", "Aarav", "Abdullah", "Abigail", "Adriana", "Aiden", "Akira", "Alejandro", "Amara", "Amir",
        "Ana", "Andre", "Anika", "Arjun", "Ava", "Ayesha", "Bao", "Benjamin", "Brianna", "Caleb",
        "Camila", "Carlos", "Cheyenne", "Chloe", "Cole", "Dakota", "Daniela", "Darius", "David", "Deja",
        "Devansh", "Diego", "Dmitri", "Elena", "Elijah", "Emeka", "Emily", "Emma", "Esperanza", "Ethan",
        "Fatima", "Gabriel", "Grace", "Hana", "Hannah", "Hassan", "Hiroshi", "Hunter", "Ibrahim", "Imani",
        "Isabella", "Isaiah", "Itzel", "Jada", "Jalen", "Jamal", "Jasmine", "Javier", "Jayden", "Jiwoo",
        "Jordan", "Jose", "Joshua", "Kai", "Kaito", "Keanu", "Keisha", "Kenji", "Khadija", "Kiara",
        "Kieran", "Kofi", "Lamar", "Layla", "Leah", "Liam", "Lily", "Linh", "Logan", "Lucas",
        "Luis", "Madison", "Malik", "Maria", "Mariam", "Marisol", "Mateo", "Maya", "Meera", "Mei",
        "Mia", "Minh", "Mohammed", "Nadia", "Naomi", "Nayeli", "Nia", "Nicolas", "Noah", "Nova",
        "Olivia", "Omar", "Oluwaseun", "Owen", "Priya", "Quinn", "Rafael", "Rania", "Ravi", "Rohan",
        "Rosa", "Ryan", "Salma", "Samuel", "Santiago", "Sara", "Sebastian", "Sienna", "Sofia", "Tariq",
        "Tatiana", "Tenzin", "Thanh", "Trinity", "Tyler", "Valentina", "Wei", "Winona", "Xavier", "Ximena",
        "Yara", "Yusuf", "Zainab", "Zara", "Zion",
    ]

    /// Family names reflecting the diversity of a US public school; ASCII letters (and hyphens) only, unique.
    static let lastNames: [String] = [
        "Abdi", "Adams", "Adeyemi", "Ahmed", "Ali", "Allen", "Alvarez", "Anderson", "Asante", "Baker",
        "Banda", "Baptiste", "Begay", "Bianchi", "Brown", "Campbell", "Carter", "Castillo", "Chavez", "Chen",
        "Choi", "Chowdhury", "Clark", "Cohen", "Cruz", "Davis", "Desai", "Diallo", "Flores", "Fontaine",
        "Friedman", "Garcia", "Garcia-Lopez", "Goldberg", "Gonzalez", "Green", "Gupta", "Gurung", "Gutierrez",
        "Haddad", "Hall", "Harris", "Her", "Hernandez", "Hill", "Hussein", "Ivanov", "Iyer", "Jackson",
        "Jean-Baptiste", "Jimenez", "Johnson", "Jones", "Kamara", "Kelly", "Khan", "Kim", "King", "Kowalski",
        "Lama", "Le", "Lee", "Levy", "Lewis", "Li", "Liu", "Lopez", "Lor", "Martin",
        "Martinez", "Mendoza", "Mensah", "Miller", "Mitchell", "Mohamud", "Moore", "Morales", "Moua", "Mueller",
        "Murphy", "Mwangi", "Nakamura", "Nasser", "Nelson", "Nguyen", "Novak", "Okafor", "Okafor-Bell",
        "Okonkwo", "Oliveira", "Ortiz", "Otieno", "Papadopoulos", "Park", "Patel", "Perez", "Petrov", "Pham",
        "Pierre", "Popescu", "Rahman", "Ramirez", "Ramos", "Ramos-Diaz", "Rao", "Reddy", "Reyes", "Rivera",
        "Roberts", "Robinson", "Rodriguez", "Romero", "Rossi", "Sanchez", "Santos", "Sato", "Schmidt", "Scott",
        "Shah", "Silva", "Singh", "Smith", "Sullivan", "Tanaka", "Taylor", "Thapa", "Thomas", "Thompson",
        "Torres", "Tran", "Tsosie", "Vang", "Vargas", "Vu", "Walker", "Wang", "White", "Whitehorse",
        "Williams", "Wilson", "Wright", "Xiong", "Yamamoto", "Yang", "Yazzie", "Young", "Zhang",
    ]
}

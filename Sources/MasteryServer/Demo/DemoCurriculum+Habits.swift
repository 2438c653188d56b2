extension DemoCurriculum {
    /// Habits of Work: behaviours reported apart from academic mastery, scored on the same four-level scale.
    static let habits = FrameworkSpec(
        code: "HOW",
        title: "Habits of Work",
        kind: .habit,
        strands: [selfDirection, community]
    )

    private static let selfDirection = StrandSpec(
        code: "HOW.SD", title: "Self-Direction",
        competencies: [
            CompetencySpec(
                code: "HOW.SD.1", title: "I keep going when the work gets hard",
                indicators: [
                    "I can keep working on a challenging task when an adult checks in and encourages me.",
                    "I can try one strategy on my own, like rereading or drawing a model, before I ask for help.",
                    "I can switch strategies when I'm stuck, stay focused for the whole work block and learn from mistakes.",
                    "I can choose problems that stretch me on purpose and share strategies that help classmates push through.",
                ]),
            CompetencySpec(
                code: "HOW.SD.2", title: "I manage my time, materials and deadlines",
                indicators: [
                    "I can bring my materials and find my work in my folder or on my device when I am reminded.",
                    "I can record due dates in my planner and finish most assignments on time with a reminder.",
                    "I can plan my week from my playlist and tracker, break big tasks into steps and meet deadlines on my own.",
                    "I can rework my plan when something changes and ask for a new deadline before the old one passes.",
                ]),
            CompetencySpec(
                code: "HOW.SD.3", title: "I speak up for what I need to learn",
                indicators: [
                    "I can tell an adult that I am confused when they ask me how it is going.",
                    "I can use the class help signal or raise my hand to ask a question about the work.",
                    "I can explain exactly what I don't understand and sign up for a mini-lesson when my data shows a gap.",
                    "I can propose a different way to show my learning and explain why it would work better for me.",
                ]),
            CompetencySpec(
                code: "HOW.SD.4", title: "I reflect on my learning and set goals",
                indicators: [
                    "I can rate how I feel about my work using a simple scale like a fist-to-five.",
                    "I can compare my work to the rubric and name one strength and one next step.",
                    "I can use my data tracker to set a specific goal, plan steps toward it and check my progress each week.",
                    "I can spot patterns across my goals and evidence and change how I study because of what I notice.",
                ]),
        ])

    private static let community = StrandSpec(
        code: "HOW.CC", title: "Collaboration & Community",
        competencies: [
            CompetencySpec(
                code: "HOW.CC.1", title: "I work with others toward a shared goal",
                indicators: [
                    "I can sit with my group and complete my own part when I am given a role.",
                    "I can share my ideas with my group and listen without interrupting while others talk.",
                    "I can carry out my role, do my fair share, build on teammates' ideas and help settle disagreements.",
                    "I can notice when the group is stuck or someone is left out and help us change how we work.",
                ]),
            CompetencySpec(
                code: "HOW.CC.2", title: "I act responsibly and help our community",
                indicators: [
                    "I can follow class routines and agreements when a teacher reminds me.",
                    "I can follow routines without reminders and clean up the shared spaces I use.",
                    "I can keep my commitments to classmates, own my mistakes and take steps to make things right.",
                    "I can lead a routine or project that makes our classroom or school better for other people.",
                ]),
        ])
}

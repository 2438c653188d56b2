extension DemoCurriculum {
    /// English Language Arts, grades 6–8: reading, writing, speaking, listening and language.
    static let ela = FrameworkSpec(
        code: "ELA",
        title: "English Language Arts (Grades 6-8)",
        kind: .academic,
        strands: [literature, informational, writing, speaking]
    )

    private static let literature = StrandSpec(
        code: "ELA.RL", title: "Reading Literature",
        competencies: [
            CompetencySpec(
                code: "ELA.RL.1", title: "I can back up what I think about a story with evidence",
                indicators: [
                    "I can point to a sentence in the story that connects to a question about it.",
                    "I can quote one detail from the text to support a basic statement about what happened.",
                    "I can cite several pieces of strong evidence for what the text says directly and for what I infer.",
                    "I can weigh which evidence is strongest and respond to evidence that supports a different reading.",
                ]),
            CompetencySpec(
                code: "ELA.RL.2", title: "I can figure out a theme and trace how it develops",
                indicators: [
                    "I can name a big idea a story is about in a word or two, like 'courage' or 'belonging'.",
                    "I can state a theme as a full sentence and connect it to one key event in the plot.",
                    "I can trace how a theme develops through characters, setting and plot, and summarize without opinions.",
                    "I can compare how two texts from different genres or time periods develop a similar theme.",
                ]),
            CompetencySpec(
                code: "ELA.RL.3", title: "I can analyze how characters and choices shape a story",
                indicators: [
                    "I can describe a character with a trait word and one action that shows it.",
                    "I can explain how a character changes from the beginning of a story to the end and what caused it.",
                    "I can analyze how dialogue, events and point of view reveal character and build suspense or humor.",
                    "I can argue how a story would change with a different narrator or structure, using evidence.",
                ]),
        ])

    private static let informational = StrandSpec(
        code: "ELA.RI", title: "Reading Informational Text",
        competencies: [
            CompetencySpec(
                code: "ELA.RI.1", title: "I can find central ideas and summarize",
                indicators: [
                    "I can name the topic of an article and list a few facts I learned from it.",
                    "I can state the central idea of one section and pick out the details that support it.",
                    "I can determine two or more central ideas, trace how each develops and write an objective summary.",
                    "I can explain how central ideas interact and build on each other across a long or complex text.",
                ]),
            CompetencySpec(
                code: "ELA.RI.2", title: "I can trace and judge an author's argument",
                indicators: [
                    "I can tell what the author wants readers to believe or do.",
                    "I can separate the author's claim from the reasons and evidence in a short argument.",
                    "I can evaluate whether the reasoning is sound and the evidence is relevant and sufficient.",
                    "I can identify faulty reasoning or missing evidence and explain how an opposing writer would respond.",
                ]),
            CompetencySpec(
                code: "ELA.RI.3", title: "I can combine information from different sources",
                indicators: [
                    "I can find the same fact in two different sources on a topic.",
                    "I can describe what a chart, map or video adds to what I read in an article.",
                    "I can integrate text, visuals and media to explain a topic and note where sources agree or conflict.",
                    "I can analyze why two sources disagree by weighing each author's purpose, evidence and possible bias.",
                ]),
        ])

    private static let writing = StrandSpec(
        code: "ELA.W", title: "Writing",
        competencies: [
            CompetencySpec(
                code: "ELA.W.1", title: "I can write an argument with a clear claim",
                indicators: [
                    "I can state my opinion about a topic in one clear sentence.",
                    "I can write a claim and support it with at least two reasons and some evidence.",
                    "I can write a precise claim supported by credible evidence, logical order and a strong conclusion.",
                    "I can acknowledge a counterclaim fairly, rebut it with evidence and adjust my tone for my audience.",
                ]),
            CompetencySpec(
                code: "ELA.W.2", title: "I can write to explain and inform",
                indicators: [
                    "I can write several accurate facts about a topic in complete sentences.",
                    "I can group related information into paragraphs with an introduction and a conclusion.",
                    "I can develop a topic with relevant facts, definitions, quotations and examples linked by transitions.",
                    "I can use headings, graphics or media to make complex ideas clear and predict what readers may miss.",
                ]),
            CompetencySpec(
                code: "ELA.W.3", title: "I can write narratives with vivid details",
                indicators: [
                    "I can tell a story that has a beginning, a middle and an end.",
                    "I can write a narrative with a clear narrator, events in order and some dialogue or description.",
                    "I can use dialogue, pacing, sensory details and transitions to develop characters and events.",
                    "I can use craft moves such as flashback or symbolism on purpose and explain why I chose them.",
                ]),
            CompetencySpec(
                code: "ELA.W.4", title: "I can research, plan and revise my writing",
                indicators: [
                    "I can make a simple list or web of ideas before I start drafting.",
                    "I can revise a sentence or paragraph when a teacher or peer points out a specific spot to improve.",
                    "I can gather and cite credible sources for a short research project and revise for focus and order.",
                    "I can set my own revision goals from feedback and the rubric and show how my changes improved the piece.",
                ]),
        ])

    private static let speaking = StrandSpec(
        code: "ELA.SL", title: "Speaking, Listening & Language",
        competencies: [
            CompetencySpec(
                code: "ELA.SL.1", title: "I can take part in academic discussions",
                indicators: [
                    "I can share an idea during a discussion when I am invited to speak.",
                    "I can come prepared with notes and respond directly to what one classmate said.",
                    "I can ask and answer questions that connect ideas and build on others' points with evidence.",
                    "I can move a discussion forward by summarizing where we agree and disagree and inviting quiet voices.",
                ]),
            CompetencySpec(
                code: "ELA.SL.2", title: "I can present ideas clearly to an audience",
                indicators: [
                    "I can read information aloud from my notes to a small group.",
                    "I can present my points in a logical order with a clear voice and some eye contact.",
                    "I can present findings with evidence, steady eye contact, clear speech and visuals that add meaning.",
                    "I can adapt a presentation for a new audience and respond thoughtfully to unplanned questions.",
                ]),
            CompetencySpec(
                code: "ELA.SL.3", title: "I can use grammar and word choice with purpose",
                indicators: [
                    "I can start sentences with capital letters and end them with the correct punctuation.",
                    "I can find and fix run-ons, fragments and unclear pronouns when I proofread.",
                    "I can use standard grammar and spelling, vary my sentences and use roots to unlock new words.",
                    "I can choose words and sentence structures for effect and explain how a word swap changes the tone.",
                ]),
        ])
}

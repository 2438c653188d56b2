extension DemoCurriculum {
    /// Performance tasks; each rubric criterion is scored on levels 1…4 and is evidence for one competency.
    /// A task may carry a Habits of Work criterion alongside its academic ones; `frameworkCode` is the main framework.
    static let tasks: [TaskSpec] = [
        pocketPark, phonePlans, weatherExtremes, rampItUp,
        laterStartArgument, themeAcrossTexts, communityPodcast,
    ]

    private static let pocketPark = TaskSpec(
        frameworkCode: "MATH",
        title: "Design a Pocket Park",
        description: """
            The city is turning an empty 40 ft by 60 ft lot beside the public library into a pocket park. \
            In teams of three, students draw the park to scale, calculate the area of each feature and the \
            materials it needs, and pitch a budget to a city planner that stays under $5,000 including 8% sales tax.
            """,
        criteria: [
            CriterionSpec(
                title: "Scale drawing", competencyCode: "MATH.G.1",
                descriptors: [
                    "Sketches the park; no consistent scale",
                    "Applies the scale to some lengths, with errors",
                    "Converts every length accurately using the stated scale",
                    "Justifies the scale and explains how area scales with it",
                ]),
            CriterionSpec(
                title: "Area and materials", competencyCode: "MATH.G.2",
                descriptors: [
                    "Finds the area of simple rectangles only",
                    "Finds most areas; composite shapes incomplete",
                    "Computes composite areas and material amounts correctly",
                    "Revises the layout to cut material waste and shows the savings",
                ]),
            CriterionSpec(
                title: "Budget with tax", competencyCode: "MATH.RP.4",
                descriptors: [
                    "Lists item prices without a total",
                    "Totals costs; tax missing or miscalculated",
                    "Applies tax and discounts accurately and stays in budget",
                    "Compares two options using percent savings",
                ]),
            CriterionSpec(
                title: "Team contribution", competencyCode: "HOW.CC.1",
                descriptors: [
                    "Completes own part when prompted",
                    "Shares ideas and listens to teammates",
                    "Fulfills role and builds on teammates' ideas",
                    "Helps the team regroup when it gets stuck",
                ]),
        ]
    )

    private static let phonePlans = TaskSpec(
        frameworkCode: "MATH",
        title: "Which Phone Plan Is the Better Deal?",
        description: """
            Students compare three cell phone plans with different monthly fees and per-gigabyte charges. \
            They build a table, graph and equation for each plan, find where two plans cost the same, \
            and write a recommendation letter for a family that uses between 4 and 10 GB each month.
            """,
        criteria: [
            CriterionSpec(
                title: "Unit rates", competencyCode: "MATH.RP.2",
                descriptors: [
                    "Identifies prices but not cost per GB",
                    "Finds some unit rates; errors with decimals",
                    "Computes and compares every unit rate correctly",
                    "Explains when cost per GB misleads the comparison",
                ]),
            CriterionSpec(
                title: "Linear models", competencyCode: "MATH.EE.4",
                descriptors: [
                    "Reads a few costs from a given table",
                    "Builds tables; equations incomplete",
                    "Writes y = mx + b for each plan and graphs it",
                    "Interprets slope and intercept to argue for one plan",
                ]),
            CriterionSpec(
                title: "Break-even point", competencyCode: "MATH.EE.3",
                descriptors: [
                    "Guesses a break-even point without checking",
                    "Finds it by guess-and-check in a table",
                    "Solves an equation to find the exact break-even point",
                    "Uses an inequality to state which plan wins for every usage level",
                ]),
        ]
    )

    private static let weatherExtremes = TaskSpec(
        frameworkCode: "MATH",
        title: "Extreme Weather Report",
        description: """
            Using record high and low temperatures for ten cities, including Fairbanks, Denver and Phoenix, \
            students order the temperatures, calculate each city's range and its change from day to night, \
            and build a hallway number-line display that explains which city has the wildest swings.
            """,
        criteria: [
            CriterionSpec(
                title: "Ordering temperatures", competencyCode: "MATH.NS.2",
                descriptors: [
                    "Places whole-degree values with errors",
                    "Orders most values; negatives confused",
                    "Orders and plots all values correctly",
                    "Uses absolute value to compare distances from zero",
                ]),
            CriterionSpec(
                title: "Calculating change", competencyCode: "MATH.NS.3",
                descriptors: [
                    "Adds same-sign temperatures only",
                    "Subtracts signed values with a model",
                    "Computes every range and change accurately",
                    "Explains why subtracting a negative increases the range",
                ]),
            CriterionSpec(
                title: "Average change expression", competencyCode: "MATH.EE.1",
                descriptors: [
                    "Writes a numerical calculation only",
                    "Writes an expression with one error",
                    "Writes and evaluates a correct expression",
                    "Shows two equivalent expressions for the same average",
                ]),
        ]
    )

    private static let rampItUp = TaskSpec(
        frameworkCode: "MATH",
        title: "Ramp It Up: An Accessible Stage",
        description: """
            The auditorium stage stands 30 inches high and needs a wheelchair ramp. Accessibility guidelines \
            allow at most 1 inch of rise for every 12 inches of run. Students determine the ramp's run and \
            sloped length, check whether the builder's corner supports are square, and present to facilities staff.
            """,
        criteria: [
            CriterionSpec(
                title: "Rise and run", competencyCode: "MATH.RP.3",
                descriptors: [
                    "Restates the 1:12 rule without using it",
                    "Builds a rise-run table with some errors",
                    "Writes run = 12 * rise and finds the minimum run",
                    "Explains why a steeper ramp breaks the proportional rule",
                ]),
            CriterionSpec(
                title: "Ramp length", competencyCode: "MATH.G.4",
                descriptors: [
                    "Labels legs and hypotenuse of the ramp",
                    "Sets up the theorem; calculation errors",
                    "Finds the sloped length accurately with units",
                    "Uses the converse to test the supports for square corners",
                ]),
            CriterionSpec(
                title: "Perseverance", competencyCode: "HOW.SD.1",
                descriptors: [
                    "Stops after the first attempt",
                    "Tries another approach when prompted",
                    "Revises the approach independently after errors",
                    "Tests several methods and explains which worked best",
                ]),
        ]
    )

    private static let laterStartArgument = TaskSpec(
        frameworkCode: "ELA",
        title: "Should Our School Start Later?",
        description: """
            After reading three articles and a sleep-science infographic, students take a position on moving \
            the start of the school day to 8:45 a.m. and write an argument addressed to the school board. \
            Each draft goes through a peer conference and a teacher conference before the final version.
            """,
        criteria: [
            CriterionSpec(
                title: "Evaluating sources", competencyCode: "ELA.RI.2",
                descriptors: [
                    "Identifies each article's topic",
                    "Separates claims from evidence",
                    "Judges whether evidence is relevant and sufficient",
                    "Exposes flawed reasoning in an opposing source",
                ]),
            CriterionSpec(
                title: "Claim and evidence", competencyCode: "ELA.W.1",
                descriptors: [
                    "States an opinion",
                    "Supports a claim with two reasons",
                    "Builds a precise claim with credible evidence",
                    "Rebuts a counterclaim for a board audience",
                ]),
            CriterionSpec(
                title: "Research and revision", competencyCode: "ELA.W.4",
                descriptors: [
                    "Makes a brief plan",
                    "Revises where a reviewer points",
                    "Cites sources and revises for focus",
                    "Sets and meets own revision goals",
                ]),
            CriterionSpec(
                title: "Conventions", competencyCode: "ELA.SL.3",
                descriptors: [
                    "Frequent errors interfere with meaning",
                    "Some run-ons or fragments remain",
                    "Uses standard conventions and varied sentences",
                    "Chooses words deliberately to set a persuasive tone",
                ]),
        ]
    )

    private static let themeAcrossTexts = TaskSpec(
        frameworkCode: "ELA",
        title: "Theme Across Texts: Belonging",
        description: """
            Students choose one of four paired readings, each a short story and a poem about belonging, and \
            write a literary analysis explaining how each author develops the theme. Before drafting, students \
            test their ideas in a small-group discussion and record the strongest evidence they hear.
            """,
        criteria: [
            CriterionSpec(
                title: "Text evidence", competencyCode: "ELA.RL.1",
                descriptors: [
                    "Refers to the text in general terms",
                    "Quotes a detail that loosely fits",
                    "Cites strong evidence for stated and inferred ideas",
                    "Ranks evidence and answers an alternate reading",
                ]),
            CriterionSpec(
                title: "Theme development", competencyCode: "ELA.RL.2",
                descriptors: [
                    "Names a topic instead of a theme",
                    "States a theme tied to one event",
                    "Traces the theme across each text",
                    "Compares how the two genres shape the theme",
                ]),
            CriterionSpec(
                title: "Organization and clarity", competencyCode: "ELA.W.2",
                descriptors: [
                    "Lists ideas without paragraphs",
                    "Groups ideas with a basic introduction",
                    "Develops ideas with quotations and transitions",
                    "Guides the reader through a complex comparison",
                ]),
        ]
    )

    private static let communityPodcast = TaskSpec(
        frameworkCode: "ELA",
        title: "Community Voices Podcast",
        description: """
            In pairs, students interview a neighbor, elder or local business owner about a change they have \
            seen in the community, research the history behind it, and produce a five-minute podcast episode \
            that blends the interview with narration and sourced facts. Episodes premiere at a family listening night.
            """,
        criteria: [
            CriterionSpec(
                title: "Research from sources", competencyCode: "ELA.RI.3",
                descriptors: [
                    "Uses one source",
                    "Adds a fact from a second source",
                    "Blends interview, text and media accurately",
                    "Explains where sources disagree and why",
                ]),
            CriterionSpec(
                title: "Storytelling", competencyCode: "ELA.W.3",
                descriptors: [
                    "Recounts events in order",
                    "Uses a narrator and some description",
                    "Paces the story with vivid detail and dialogue",
                    "Uses a deliberate craft move, like a flashback",
                ]),
            CriterionSpec(
                title: "Delivery", competencyCode: "ELA.SL.2",
                descriptors: [
                    "Reads the script with long pauses",
                    "Speaks clearly in a logical order",
                    "Uses pacing, tone and sound to engage listeners",
                    "Adapts delivery for a family audience and handles questions",
                ]),
            CriterionSpec(
                title: "Production schedule", competencyCode: "HOW.SD.2",
                descriptors: [
                    "Misses checkpoints without notice",
                    "Meets most checkpoints with reminders",
                    "Plans steps and meets every checkpoint",
                    "Adjusts the plan early when something changes",
                ]),
        ]
    )
}

extension DemoCurriculum {
    /// Mathematics, grades 6–8: four strands grounded in middle-school standards, written for students.
    static let math = FrameworkSpec(
        code: "MATH",
        title: "Mathematics (Grades 6-8)",
        kind: .academic,
        strands: [ratios, numberSystem, expressions, geometry]
    )

    private static let ratios = StrandSpec(
        code: "MATH.RP", title: "Ratios & Proportional Reasoning",
        competencies: [
            CompetencySpec(
                code: "MATH.RP.1", title: "I can use ratios to compare two quantities",
                indicators: [
                    "I can name the two quantities being compared and write a ratio for a picture or a small table.",
                    "I can extend a ratio table or tape diagram to find equivalent ratios when the pattern is started for me.",
                    "I can choose a ratio table, tape diagram or double number line to solve a real-world ratio problem.",
                    "I can decide which of two mixtures or recipes is stronger and defend my answer with two representations.",
                ]),
            CompetencySpec(
                code: "MATH.RP.2", title: "I can find unit rates and use them to decide",
                indicators: [
                    "I can find a unit rate when the numbers divide evenly, like 12 pencils for $3.",
                    "I can find a unit rate with decimals when I am given a model or a partly finished table to start from.",
                    "I can compute unit rates, including ones with fractions, to find the better buy or the faster speed.",
                    "I can find both unit rates (dollars per pound, pounds per dollar) and explain when each is more useful.",
                ]),
            CompetencySpec(
                code: "MATH.RP.3", title: "I can recognize proportional relationships",
                indicators: [
                    "I can tell whether a table of small whole numbers grows by the same multiplier each time.",
                    "I can test a table for equivalent ratios or a graph for a straight line through the origin.",
                    "I can find the constant of proportionality in a table, graph or story and write an equation like y = kx.",
                    "I can explain what (0, 0) and (1, k) mean in context and spot a situation that only looks proportional.",
                ]),
            CompetencySpec(
                code: "MATH.RP.4", title: "I can solve percent problems from everyday life",
                indicators: [
                    "I can explain that a percent means 'out of 100' and shade a hundredths grid to show one.",
                    "I can find a percent of a number using benchmarks such as 10%, 25% and 50%.",
                    "I can solve multi-step problems with tax, tips, discounts, markups and percent change.",
                    "I can show why a 20% discount followed by a 20% markup does not return to the original price.",
                ]),
        ])

    private static let numberSystem = StrandSpec(
        code: "MATH.NS", title: "The Number System",
        competencies: [
            CompetencySpec(
                code: "MATH.NS.1", title: "I can divide fractions and explain the answer",
                indicators: [
                    "I can draw a picture to show how many halves fit into a whole number.",
                    "I can divide a fraction by a fraction using a visual model or common denominators.",
                    "I can divide fractions and mixed numbers accurately and write a story problem that matches the division.",
                    "I can explain why multiplying by the reciprocal works and use that reasoning to check someone's solution.",
                ]),
            CompetencySpec(
                code: "MATH.NS.2", title: "I can place and compare positive and negative numbers",
                indicators: [
                    "I can place integers on a number line and say which of two integers is greater.",
                    "I can place positive and negative fractions and decimals on a number line and find absolute value.",
                    "I can use signed numbers to describe elevation, temperature or money and order them correctly.",
                    "I can explain why a $30 debt is a bigger debt than a $20 debt even though -30 is less than -20.",
                ]),
            CompetencySpec(
                code: "MATH.NS.3", title: "I can compute with positive and negative numbers",
                indicators: [
                    "I can add integers that have the same sign using a number line or two-color counters.",
                    "I can add and subtract integers with different signs using a model and describe the pattern I notice.",
                    "I can use all four operations with signed fractions and decimals and interpret the result in context.",
                    "I can justify the sign rules for multiplying with patterns and apply them in multi-step problems.",
                ]),
        ])

    private static let expressions = StrandSpec(
        code: "MATH.EE", title: "Expressions & Equations",
        competencies: [
            CompetencySpec(
                code: "MATH.EE.1", title: "I can write and evaluate expressions with variables",
                indicators: [
                    "I can point out the variable, the coefficient and the constant in an expression like 3x + 5.",
                    "I can turn a phrase such as 'five less than twice a number' into an expression and evaluate it.",
                    "I can write an expression for a real situation, evaluate it in the right order and explain each part.",
                    "I can write two different expressions for the same situation and prove that they are equivalent.",
                ]),
            CompetencySpec(
                code: "MATH.EE.2", title: "I can use properties to rewrite expressions",
                indicators: [
                    "I can combine like terms when they sit right next to each other, as in 4x + 2x.",
                    "I can use the distributive property to expand an expression such as 4(x + 3).",
                    "I can expand, factor and simplify linear expressions with rational coefficients and name each property.",
                    "I can rewrite an expression to reveal new meaning, like seeing p + 0.05p = 1.05p as a 5% increase.",
                ]),
            CompetencySpec(
                code: "MATH.EE.3", title: "I can solve equations and inequalities",
                indicators: [
                    "I can substitute a number into a one-step equation to check whether it is a solution.",
                    "I can solve a one-step equation with inverse operations and show each step.",
                    "I can solve multi-step equations and inequalities, even with variables on both sides, and graph them.",
                    "I can tell from its structure whether an equation has one, zero or infinitely many solutions, and why.",
                ]),
            CompetencySpec(
                code: "MATH.EE.4", title: "I can model situations with linear equations",
                indicators: [
                    "I can read values from a table or graph that shows one quantity changing with another.",
                    "I can describe how the output changes each time the input goes up by 1 and find the starting value.",
                    "I can find the slope and y-intercept from a table, graph or story and write y = mx + b.",
                    "I can compare linear models given in different forms and explain which is better for a decision and when.",
                ]),
        ])

    private static let geometry = StrandSpec(
        code: "MATH.G", title: "Geometry",
        competencies: [
            CompetencySpec(
                code: "MATH.G.1", title: "I can use scale drawings to find real lengths and areas",
                indicators: [
                    "I can read the scale on a map or floor plan and say what one unit on the drawing stands for.",
                    "I can use a scale to find one actual length from a drawing.",
                    "I can compute actual lengths and areas from a scale drawing and redraw the figure at a new scale.",
                    "I can explain why area grows by the square of the scale factor and use that to check a design.",
                ]),
            CompetencySpec(
                code: "MATH.G.2", title: "I can find area, surface area and volume",
                indicators: [
                    "I can find the area of a rectangle and count unit cubes to find the volume of a box.",
                    "I can find the area of triangles and parallelograms by cutting and rearranging them into rectangles.",
                    "I can solve real problems with composite areas, surface area from nets and the volume of prisms.",
                    "I can design a container or space that meets area or volume limits and show it uses material efficiently.",
                ]),
            CompetencySpec(
                code: "MATH.G.3", title: "I can reason about angle relationships",
                indicators: [
                    "I can measure an angle with a protractor and classify it as acute, right, obtuse or straight.",
                    "I can find a missing angle when two angles are complementary, supplementary or vertical.",
                    "I can write and solve equations for unknown angles in triangles and where a line crosses parallel lines.",
                    "I can show why a triangle's angles always sum to 180 degrees, for example by tearing off its corners.",
                ]),
            CompetencySpec(
                code: "MATH.G.4", title: "I can use the Pythagorean theorem",
                indicators: [
                    "I can identify the legs and the hypotenuse of a right triangle.",
                    "I can find the hypotenuse when both legs are given, using a calculator for the square root.",
                    "I can find any missing side in two- and three-dimensional real-world problems with right triangles.",
                    "I can explain a proof of the theorem and use its converse to test whether a corner is truly square.",
                ]),
        ])
}

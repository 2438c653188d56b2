import MasteryCore
import Testing

@Suite("Display rounding: half away from zero, two decimals")
struct DisplayRoundingTests {
    @Test(
        "Rounds as the decimal reads",
        arguments: [
            (4.125, "4.13"), (1.005, "1.01"), (0.285, "0.29"), (2.675, "2.68"), (2.123, "2.12"), (3, "3.00"),
            (0, "0.00"), (-1.005, "-1.01"), (2.345, "2.35"), (0.004999, "0.00"), (4.999, "5.00"), (1e-9, "0.00"),
        ])
    func rounding(value: Double, text: String) {
        #expect(DisplayRounding.text(value) == text)
    }

    @Test("Full precision is kept until display")
    func fullPrecision() {
        let value = MasteryCalculator.value(of: [2, 3, 4], method: .decayingAverage(percent: 65), scale: .conformance)
        #expect(value == 0.35 * (0.35 * 2 + 0.65 * 3) + 0.65 * 4)
        #expect(value != DisplayRounding.rounded(value!))
    }
}

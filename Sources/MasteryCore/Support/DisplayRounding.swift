/// Rounding for display: half away from zero to two decimals, deciding halves on the decimal form of the value.
///
/// A double such as 1.005 is stored slightly below 1.005; plain `(x * 100).rounded() / 100` gives 1.00. We
/// round as a person reading the decimal would (and as Canvas does): 1.005 → 1.01, 4.125 → 4.13, 0.285 → 0.29.
/// Values are kept at full precision everywhere else.
public enum DisplayRounding {
    /// `value` rounded half away from zero to two decimals.
    public static func rounded(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        let magnitude = abs(value)
        let floorHundredths = (magnitude * 100).rounded(.down)
        // The halfway point between the two candidates, compared in the value's own precision.
        let halfway = (floorHundredths + 0.5) / 100
        let result = (halfway <= magnitude ? floorHundredths + 1 : floorHundredths) / 100
        return value < 0 ? -result : result
    }

    /// `value` rounded and printed with exactly two decimals ("3.50", "0.00").
    public static func text(_ value: Double) -> String {
        let hundredths = Int64((rounded(value) * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100
        let fraction = abs(hundredths) % 100
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `value` rounded to two decimals without trailing zeros ("3", "2.5", "3.25"): a level's points.
    public static func short(_ value: Double) -> String {
        var text = self.text(value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

extension CalculationMethod: Codable {
    private enum CodingKeys: String, CodingKey { case method, parameter }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(Kind.self, forKey: .method)
        let parameter = try container.decodeIfPresent(Int.self, forKey: .parameter)
        self = try CalculationMethod(kind: kind, parameter: parameter)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .method)
        try container.encodeIfPresent(parameter, forKey: .parameter)
    }
}

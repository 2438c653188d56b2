import Foundation

/// Items are stored as JSON: fields added later (`competencyIDs`, mastery releases) decode from older items
/// with their defaults, and a release keeps the shape it always had on a checkpoint
/// (`{"checkpointID", "lowest", "highest"}`) beside the new one on mastery (`{"competencyID", "atLeast"}`).
extension PlaylistItem {
    enum CodingKeys: String, CodingKey {
        case id, kind, title, details, url, isRequired, modality, minutes, targetLevel, release, competencyIDs
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(ID.self, forKey: .id), kind: try container.decode(Kind.self, forKey: .kind),
            title: try container.decode(String.self, forKey: .title),
            details: try container.decodeIfPresent(String.self, forKey: .details) ?? "",
            url: try container.decodeIfPresent(String.self, forKey: .url),
            isRequired: try container.decode(Bool.self, forKey: .isRequired),
            modality: try container.decode(Modality.self, forKey: .modality),
            minutes: try container.decode(Int.self, forKey: .minutes),
            targetLevel: try container.decodeIfPresent(Double.self, forKey: .targetLevel),
            release: try container.decodeIfPresent(Release.self, forKey: .release),
            competencyIDs: try container.decodeIfPresent([Competency.ID].self, forKey: .competencyIDs) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encode(details, forKey: .details)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encode(isRequired, forKey: .isRequired)
        try container.encode(modality, forKey: .modality)
        try container.encode(minutes, forKey: .minutes)
        try container.encodeIfPresent(targetLevel, forKey: .targetLevel)
        try container.encodeIfPresent(release, forKey: .release)
        if !competencyIDs.isEmpty { try container.encode(competencyIDs, forKey: .competencyIDs) }
    }
}

extension PlaylistItem.Release: Codable {
    enum CodingKeys: String, CodingKey {
        case checkpointID, lowest, highest, competencyID, atLeast
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let competency = try container.decodeIfPresent(Competency.ID.self, forKey: .competencyID) {
            self = .mastery(competency, atLeast: try container.decode(Double.self, forKey: .atLeast))
        } else {
            self = .checkpoint(
                try container.decode(PlaylistItem.ID.self, forKey: .checkpointID),
                lowest: try container.decodeIfPresent(Double.self, forKey: .lowest),
                highest: try container.decodeIfPresent(Double.self, forKey: .highest))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .checkpoint(let id, let lowest, let highest):
            try container.encode(id, forKey: .checkpointID)
            try container.encodeIfPresent(lowest, forKey: .lowest)
            try container.encodeIfPresent(highest, forKey: .highest)
        case .mastery(let competency, let atLeast):
            try container.encode(competency, forKey: .competencyID)
            try container.encode(atLeast, forKey: .atLeast)
        }
    }
}

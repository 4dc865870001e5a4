import Text

// MARK: - Input

/// A span of tokens that may name an entity, as a recognizer or a capitalized-sequence finder
/// proposes it ("U.S. Defense Secretary Lloyd Austin", "Pyongyang", "Heritage Foundation").
public struct CandidateMention: Sendable, Hashable {
  /// Document token indices.
  public var tokens: Range<Int>
  /// The proposer's guess at the type, if it has one.
  public var type: EntityType?

  public init(tokens: Range<Int>, type: EntityType? = nil) {
    self.tokens = tokens
    self.type = type
  }

  /// A recognizer's span: `PER` → person, `ORG` → organization, `LOC`/`GPE` → place, others no guess.
  public init(_ span: EntitySpan) {
    let type: EntityType?
    switch span.label.uppercased() {
    case "PER", "PERSON": type = .person
    case "ORG", "ORGANIZATION": type = .organization
    case "LOC", "GPE", "LOCATION": type = .place
    default: type = nil
    }
    self.init(tokens: span.tokens, type: type)
  }
}

extension CandidateMention {
  /// Maximal runs of capitalized tokens within each sentence: the simplest candidate finder,
  /// for a first-version extractor and for measuring. The linker trims function words and
  /// leaves untyped runs unresolved, so sentence-initial "The" or "Speaking" cost nothing.
  public static func capitalizedRuns(in document: Document) -> [CandidateMention] {
    var candidates: [CandidateMention] = []
    let sentences = document.sentences.isEmpty ? [0..<document.forms.count] : document.sentences
    for sentence in sentences {
      var start: Int? = nil
      for token in sentence {
        let capitalized = document.forms[token].unicodeScalars.first?.properties.isUppercase ?? false
        if capitalized {
          if start == nil { start = token }
        } else if let open = start {
          candidates.append(CandidateMention(tokens: open..<token))
          start = nil
        }
      }
      if let open = start { candidates.append(CandidateMention(tokens: open..<sentence.upperBound)) }
    }
    return candidates
  }
}

// MARK: - Output

/// How a mention was tied to its entity.
public enum LinkKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// A gazetteer name or alternative spelling ("North Korea", "Vladimir Putin").
  case name
  /// A gazetteer abbreviation ("U.S.", "UN").
  case abbreviation
  /// A demonym standing for its country ("North Korean troops" → North Korea).
  case demonym
  /// A plural demonym ("North Koreans").
  case demonymPlural
  /// A capital standing for its country's government ("Pyongyang").
  case capital
  /// A seat of government standing for it ("Kremlin").
  case seat
  /// A name the gazetteer does not know, typed by its title, head word or the caller's guess.
  case newName
  /// A shorter form of a name seen in the same article ("Austin" for "Lloyd Austin").
  case shortForm

  init(_ kind: Gazetteer.NameKind) {
    switch kind {
    case .name: self = .name
    case .abbreviation: self = .abbreviation
    case .demonym: self = .demonym
    case .demonymPlural: self = .demonymPlural
    case .capital: self = .capital
    case .seat: self = .seat
    }
  }

  /// Whether the mention stands for a government by metonymy ("Moscow", "the Kremlin").
  public var isMetonymy: Bool { self == .capital || self == .seat }
}

/// One linked mention.
public struct EntityLink: Sendable, Hashable {
  /// Document token indices of the name itself (a title before it is not included).
  public var tokens: Range<Int>
  /// The entity's canonical key (``ExtractedEntity/key``).
  public var key: String
  public var kind: LinkKind
  /// The title seen with this mention ("Defense Secretary").
  public var title: String?
  /// Key of the country or organisation the title ties it to.
  public var affiliation: String?

  public var isMetonymy: Bool { kind.isMetonymy }
}

/// The entities of one document and where each is mentioned.
public struct LinkedDocument: Sendable {
  /// Entities sorted by key, each with all of its mentions.
  public var entities: [ExtractedEntity]
  /// Every linked mention, in document order.
  public var links: [EntityLink]
  /// The entity key of each token, or nil: `tokenKeys.count == document.tokenCount`.
  public var tokenKeys: [String?]
  /// Candidates that could not be typed or linked (a sentence-initial "Speaking", "News Line").
  public var unresolved: [CandidateMention]

  /// The key of the entity that token `index` names, if any.
  public func key(atToken index: Int) -> String? {
    tokenKeys.indices.contains(index) ? tokenKeys[index] : nil
  }

  /// The entity with this key.
  public func entity(_ key: String) -> ExtractedEntity? {
    entities.first { $0.key == key }
  }
}

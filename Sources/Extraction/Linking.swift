import Text

/// Links a document's candidate mentions to canonical entities: gazetteer names, demonyms,
/// capitals (as metonymy), titles with their affiliations, and short forms within the article.
///
/// Input is a ``Document`` with its tokens (``Document/forms``, offsets and sentences) and the
/// candidate spans some finder proposed; output is a ``LinkedDocument``: the entities with their
/// mentions, every link, and the entity key of each token, for claim extraction. Pure: the same
/// input gives the same output, and nothing depends on other documents.
///
/// How a candidate span is read, in order:
/// 1. Leading function words ("The", "Both") and trailing possessives are trimmed.
/// 2. A span that is exactly a gazetteer name links to that entry ("The United Nations").
/// 3. A span ending in an organisation or place head word ("Heritage Foundation", "Korean
///    Peninsula"), or guessed as one, is a new organisation or place; a country name or demonym
///    at its start becomes its affiliation ("U.S. State Department").
/// 4. Otherwise the span splits into gazetteer names, titles and a name: "U.S. | Defense
///    Secretary | Lloyd Austin". A country or organisation before a title is the affiliation;
///    a title can also stand just before the span ("spokesperson Matthew Miller", "Japan's Prime
///    Minister Fumio Kishida", "North Korean leader Kim Jong-un") or after it as an appositive
///    ("Bruce Klingner, a senior research fellow at the Heritage Foundation").
/// 5. A name with a title, or guessed as a person, is a person keyed by its full name
///    (`person:lloyd-austin`). A shorter name that is a prefix or suffix of a full name in the
///    article ("Austin", "Kim") is that person; when two full names fit ("Kim Jong-un", "Kim
///    Yo-jong") the nearest preceding one wins, and two different full names never merge.
/// 6. What remains untyped is returned in ``LinkedDocument/unresolved``, not as an entity.
///
/// Demonyms link to their country ("North Korean troops" → `country:north-korea`, kind
/// ``LinkKind/demonym``); the noun after them is left to claim extraction. Capitals and seats of
/// government link to their country with ``LinkKind/capital`` or ``LinkKind/seat`` (metonymy).
/// Leaders from the 2022 list get their QID when named in full; their job title and affiliation
/// come only from the article, never from the list.
public struct EntityLinker: Sendable {
  public struct Options: Sendable {
    /// Also link capitalized gazetteer names that no candidate covers.
    public var scanGazetteer: Bool
    /// Make a demonym with the plural role noun after it a group of its own ("North Korean
    /// troops" → `group:north-korean-troops`, affiliated with `country:north-korea`), besides
    /// the demonym's link to the country. Off by default: the demonym then names the country
    /// only, and the noun is left to claim extraction.
    public var demonymGroups: Bool

    public init(scanGazetteer: Bool = true, demonymGroups: Bool = false) {
      self.scanGazetteer = scanGazetteer
      self.demonymGroups = demonymGroups
    }

    public static let `default` = Options()
  }

  public var gazetteer: Gazetteer
  public var options: Options

  public init(gazetteer: Gazetteer, options: Options = .default) {
    self.gazetteer = gazetteer
    self.options = options
  }

  /// Links the candidates of one document.
  public func link(_ document: Document, candidates: [CandidateMention]) -> LinkedDocument {
    var state = LinkingState(linker: self, document: document)
    state.run(candidates)
    return state.finish()
  }
}

// MARK: - Working state

/// A full name that shorter names can be short forms of.
private struct KnownName {
  var key: String
  /// Nil for an untyped full name, which a typed short form of it may still make a person
  /// ("David McLetchie" ... "Mr McLetchie").
  var type: EntityType?
  var words: [String]
  var firstToken: Int
  /// The untyped mentions waiting on this name.
  var waiting: [Int] = []
}

/// A mention being resolved.
private struct PendingMention {
  var tokens: Range<Int>
  var key: String?
  var type: EntityType?
  var kind: LinkKind
  var label: String
  var wikidata: String?
  var title: String?
  var affiliation: String?
  /// The mention (index into the pending list) whose entity is the affiliation, when that entity
  /// may get its key only later ("the Heritage Foundation").
  var affiliationOwner: Int?
  /// Token where an appositive's "at/of X" names the affiliation, resolved once all spans are.
  var affiliationToken: Int?
  /// Folded name words, for short forms ("kim", "jong", "un").
  var nameWords: [String]
  var candidate: CandidateMention?
}

private struct LinkingState {
  let linker: EntityLinker
  let document: Document
  let forms: [String]
  var gazetteer: Gazetteer { linker.gazetteer }
  var pending: [PendingMention] = []
  /// Index into `pending` of the mention that claims each token, or -1.
  var claimed: [Int]
  var unresolved: [CandidateMention] = []

  init(linker: EntityLinker, document: Document) {
    self.linker = linker
    self.document = document
    self.forms = document.forms
    self.claimed = Array(repeating: -1, count: document.forms.count)
  }

  // MARK: Passes

  mutating func run(_ candidates: [CandidateMention]) {
    let count = forms.count
    var spans: [CandidateMention] = []
    for candidate in candidates.sorted(by: {
      ($0.tokens.lowerBound, $0.tokens.upperBound) < ($1.tokens.lowerBound, $1.tokens.upperBound)
    }) {
      let lower = max(0, candidate.tokens.lowerBound)
      let upper = min(count, candidate.tokens.upperBound)
      guard lower < upper else { continue }
      if let last = spans.last, last.tokens.upperBound > lower { continue }
      spans.append(CandidateMention(tokens: lower..<upper, type: candidate.type))
    }
    var inCandidate = [Bool](repeating: false, count: count)
    for span in spans { for index in span.tokens { inCandidate[index] = true } }

    if linker.options.scanGazetteer {
      let sentences = document.sentences.isEmpty ? [0..<count] : document.sentences
      for sentence in sentences where sentence.upperBound <= count {
        for match in gazetteer.matches(in: forms[sentence])
        where !match.tokens.contains(where: { inCandidate[$0] }) {
          addGazetteerLink(match, title: nil, affiliation: nil, candidate: nil)
        }
      }
    }
    for span in spans { resolve(span) }
    resolveAppositiveAffiliations()
    resolvePeopleAndShortForms()
    if linker.options.demonymGroups { addDemonymGroups() }
  }

  /// "North Korean troops", "Russian officials": a group affiliated with the country.
  mutating func addDemonymGroups() {
    for index in pending.indices
    where pending[index].kind == .demonym || pending[index].kind == .demonymPlural {
      let demonym = pending[index]
      let noun = demonym.tokens.upperBound
      guard noun < forms.count, let country = demonym.key, claimed[noun] < 0 else { continue }
      let form = forms[noun]
      guard let first = form.unicodeScalars.first, first.properties.isLowercase, gazetteer.isRole(form),
        form.hasSuffix("s") || LinkingLexicon.collectiveNouns.contains(form)
      else { continue }
      let tokens = demonym.tokens.lowerBound..<(noun + 1)
      let label = text(tokens)
      add(
        PendingMention(
          tokens: tokens, key: "group:" + GazetteerKey.slug(label), type: .group, kind: .newName,
          label: label,
          affiliation: country, nameWords: nameWords(tokens), candidate: nil))
    }
  }

  // MARK: Candidates

  mutating func resolve(_ candidate: CandidateMention) {
    var lower = candidate.tokens.lowerBound
    var upper = candidate.tokens.upperBound
    while lower < upper,
      LinkingLexicon.isFunctionWord(forms[lower]) || LinkingLexicon.isPunctuation(forms[lower])
    {
      lower += 1
    }
    while upper > lower,
      LinkingLexicon.isPossessive(forms[upper - 1]) || LinkingLexicon.isPunctuation(forms[upper - 1])
    {
      upper -= 1
    }
    guard lower < upper else {
      unresolved.append(candidate)
      return
    }
    var left = leftContext(before: lower)
    if upper - lower >= 3, let titleStart = officeTitleStart(before: lower) {
      officeBeforeName(titleStart, &lower, upper, &left, candidate: candidate)
    }
    let span = lower..<upper

    // A whole gazetteer name.
    if let match = gazetteer.exactMatch(forms[span]) {
      let isPerson = gazetteer.entries[match.entry].type == .person
      addGazetteerLink(
        match, title: isPerson ? left.title : nil, affiliation: isPerson ? left.affiliation : nil,
        candidate: candidate)
      return
    }

    // An organisation or place named by its head word, or guessed as one.
    let headType = LinkingLexicon.headType(forms[upper - 1])
    // A recognizer's organisation or place guess does not hold over a span with a personal
    // title inside, before or after it ("U.S. Defense Secretary Lloyd Austin", "producer Laurence
    // Mark", "Laurence Mark, the producer"): that span is segmented instead. A head word beats
    // the guess ("West Coast Bank" is an organisation whatever the recognizer says). Nor does it
    // over a span ending in a legislator's letters ("Bolton West MP").
    let titled =
      span.dropLast().contains { gazetteer.isRoleHead(forms[$0]) && !isPluralHead(forms[$0]) }
      || left.title != nil || appositive(after: upper) != nil
      || LinkingLexicon.legislatorLetters.contains(forms[upper - 1])
    let guessed =
      titled
      ? nil : candidate.type.flatMap { [.organization, .place, .city, .group].contains($0) ? $0 : nil }
    if let type = (span.count >= 2 ? headType : nil) ?? guessed {
      var affiliation: String? = nil
      // "U.S. State Department" belongs to the U.S.; the "Indian Ocean" does not belong to India.
      if type == .organization || type == .group, let first = gazetteer.matches(in: forms[span]).first,
        first.tokens.lowerBound == lower,
        first.tokens.upperBound < upper, [.name, .abbreviation, .demonym].contains(first.kind)
      {
        let entry = gazetteer.entries[first.entry]
        if entry.type == .country || entry.type == .organization { affiliation = entry.key }
      }
      let label = text(span)
      add(
        PendingMention(
          tokens: span, key: nil, type: type, kind: .newName, label: label, affiliation: affiliation,
          nameWords: nameWords(span), candidate: candidate))
      return
    }

    segment(span, candidate: candidate, left: left)
  }

  /// Splits a span into gazetteer names, titles and names.
  mutating func segment(_ span: Range<Int>, candidate: CandidateMention, left: LeftContext) {
    let matches = gazetteer.matches(in: forms[span]).filter { honoured($0, in: span) }
    var nextMatch = 0
    var position = span.lowerBound
    var pendingTitle: String? = nil
    var pendingAffiliation: Int? = nil
    var first = true
    while position < span.upperBound {
      if nextMatch < matches.count, matches[nextMatch].tokens.lowerBound == position {
        let match = matches[nextMatch]
        nextMatch += 1
        let entry = gazetteer.entries[match.entry]
        if entry.type == .person {
          addGazetteerLink(
            match, title: pendingTitle ?? (first ? left.title : nil),
            affiliation: pendingAffiliation ?? (first || pendingTitle != nil ? left.affiliation : nil),
            candidate: candidate)
          pendingTitle = nil
        } else {
          addGazetteerLink(match, title: nil, affiliation: nil, candidate: candidate)
          if !match.kind.isMetonymy && (entry.type == .country || entry.type == .organization) {
            pendingAffiliation = pending.count - 1
          }
        }
        position = match.tokens.upperBound
        first = false
        continue
      }
      var gapEnd = nextMatch < matches.count ? matches[nextMatch].tokens.lowerBound : span.upperBound
      // "Tuesday Mr Ebbers": an honorific starts a person's name of its own.
      // An honorific before a name, not before "of" ("Archbishop of Canterbury" is an office); a
      // rank without a name after it is a surname ("Elvis Bishop").
      if let honorific = (position..<gapEnd).first(where: {
        LinkingLexicon.isHonorific(forms[$0])
          && ($0 + 1 == gapEnd
            ? !LinkingLexicon.isRank(forms[$0])
            : forms[$0 + 1].unicodeScalars.first?.properties.isUppercase == true)
      }) {
        if honorific > position, LinkingLexicon.isRank(forms[honorific]), honorific - position <= 3,
          (position..<honorific).allSatisfy({ LinkingLexicon.qualifiesATitle(forms[$0]) })
        {
          // "Carnegie Mellon Professor Raj Reddy": the words before a rank are part of the title.
          pendingTitle = text(position..<(honorific + 1))
          position = honorific
          continue
        } else if honorific > position {
          gapEnd = honorific
        } else if let own = ((position + 1)..<gapEnd).first(where: { LinkingLexicon.isHonorific(forms[$0]) }),
          own > position + 1, ((position + 1)..<own).allSatisfy({ gazetteer.isTitleWord(forms[$0]) })
        {
          // "Lord Chancellor Lord Falconer": an honorific title, then the person's own honorific.
          pendingTitle = text(position..<own)
          position = own
          continue
        } else {
          // Honorifics in a row are one ("Rev Dr Tom Wright").
          var nameStart = position + 1
          while nameStart < gapEnd, LinkingLexicon.isHonorific(forms[nameStart]) { nameStart += 1 }
          let name = withoutPostNominals(nameStart..<gapEnd, keeping: 1)
          // "The Lord Chancellor": an honorific before a title alone names nobody.
          if !name.isEmpty, !name.allSatisfy({ gazetteer.isTitleWord(forms[$0]) }) {
            // A military rank is the person's title too ("Captain Manohar Nambiar").
            let ranks = (position..<nameStart).filter { LinkingLexicon.isRank(forms[$0]) }
            let rank = ranks.isEmpty ? nil : ranks.map { forms[$0] }.joined(separator: " ")
            resolveName(
              name, title: pendingTitle ?? rank ?? (first ? left.title : nil),
              affiliation: pendingAffiliation ?? (first ? left.affiliation : nil), candidate: candidate,
              isPerson: true)
          }
          pendingTitle = nil
          position = gapEnd
          first = false
          continue
        }
      }
      let titleEnd = titleRun(afterQualifiersFrom: position, to: gapEnd)
      if titleEnd > position { pendingTitle = text(position..<titleEnd) }
      // "Supreme Leader Ayatollah" with the name in the next span: a rank alone is no name.
      if titleEnd < gapEnd, !(titleEnd..<gapEnd).allSatisfy({ LinkingLexicon.isHonorific(forms[$0]) }) {
        let name = withoutPostNominals(titleEnd..<gapEnd)
        let fromLeft = first && titleEnd == span.lowerBound
        let affiliation = pendingAffiliation ?? (first ? left.affiliation : nil)
        // Letters after a name are a person's ("Charles Harris QC").
        resolveName(
          name, title: pendingTitle ?? (fromLeft ? left.title : nil), affiliation: affiliation,
          candidate: candidate, isPerson: name.upperBound < gapEnd)
        pendingTitle = nil
      }
      position = gapEnd
      first = false
    }
  }

  /// Whether a gazetteer name inside a span stands on its own there. "Jordan" in "Jordan
  /// Peterson" or "Michael Jordan" does not; "U.S." in "U.S. Defense Secretary", "Russian" in
  /// "Russian President" and "Japan" in "Japan Prime Minister" do.
  func honoured(_ match: Gazetteer.Match, in span: Range<Int>) -> Bool {
    if gazetteer.entries[match.entry].type == .person { return true }
    switch match.kind {
    case .demonym, .demonymPlural, .abbreviation: return true
    default: break
    }
    // Names listed with "and", "&" or commas are each a name ("Peru and Bolivia").
    let after = match.tokens.upperBound
    let before = match.tokens.lowerBound - 1
    if after < span.upperBound && MentionFinder.isSeparator(forms[after]) { return true }
    if before >= span.lowerBound && MentionFinder.isSeparator(forms[before]) && after == span.upperBound {
      return true
    }
    // A country name that ends a longer span is part of a name ("Michael Jordan").
    return titleRun(from: match.tokens.upperBound, to: span.upperBound) > match.tokens.upperBound
  }

  /// The end of the longest title starting at `start` that ends on a role head ("Defense
  /// Secretary"), or `start` when there is none. Plural heads ("Troops") title no person.
  func titleRun(from start: Int, to end: Int) -> Int {
    var position = start
    var titleEnd = start
    while position < end, gazetteer.isTitleWord(forms[position]) {
      if gazetteer.isRoleHead(forms[position]) && !isPluralHead(forms[position]) { titleEnd = position + 1 }
      position += 1
    }
    return titleEnd
  }

  /// ``titleRun(from:to:)``, or else a title after up to three capitalized words that qualify
  /// it ("Tory MP Michael Mates", "Lib Dem MP Lembit Opik", "East Midlands MEP Robert
  /// Kilroy-Silk"), the words kept in the title; only where a name follows the title.
  func titleRun(afterQualifiersFrom start: Int, to end: Int) -> Int {
    let plain = titleRun(from: start, to: end)
    guard plain == start else { return plain }
    for qualifiers in 1...3 where start + qualifiers + 1 < end {
      let word = forms[start + qualifiers - 1]
      guard LinkingLexicon.qualifiesATitle(word), !gazetteer.isTitleWord(word) else { break }
      let titleEnd = titleRun(from: start + qualifiers, to: end)
      if titleEnd > start + qualifiers && titleEnd < end
        && !LinkingLexicon.postNominals.contains(forms[titleEnd])
      {
        return titleEnd
      }
    }
    return start
  }

  /// The name without the letters after it ("Charles Harris QC", "Mr Howard OBE"), as long as
  /// `keeping` words of it are left (one after an honorific, else two).
  func withoutPostNominals(_ name: Range<Int>, keeping: Int = 2) -> Range<Int> {
    var end = name.upperBound
    while end - name.lowerBound > keeping, LinkingLexicon.postNominals.contains(forms[end - 1]) { end -= 1 }
    return name.lowerBound..<end
  }

  func isPluralHead(_ form: String) -> Bool {
    guard form.count > 3, form.hasSuffix("s") || form.hasSuffix("S") else { return false }
    return gazetteer.isRoleHead(String(form.dropLast()))
  }

  // MARK: Names

  mutating func resolveName(
    _ name: Range<Int>, title: String?, affiliation: Int?, candidate: CandidateMention, isPerson: Bool = false
  ) {
    var name = name
    var title = title
    var isPerson = isPerson
    let person = isPerson || title != nil || candidate.type == .person
    // A party before a person's name is not part of it ("Tory Liam Fox").
    let party = LinkingLexicon.partyPrefix(forms[name])
    if person && party > 0 && name.count - party >= 2 { name = (name.lowerBound + party)..<name.upperBound }
    if name.count >= 2, LinkingLexicon.legislatorLetters.contains(forms[name.upperBound - 1]) {
      // "A Tory MP", "Plaid Cymru MP", "the East Midlands MEP": a title alone names nobody. One
      // word is a name only when an honorific or title says so ("Mr Howard MP"; "Bolton MP").
      let before = name.lowerBound..<(name.upperBound - 1)
      let determined =
        name.lowerBound > 0 && LinkingLexicon.determiners.contains(forms[name.lowerBound - 1].lowercased())
      guard person, !determined, LinkingLexicon.partyPrefix(forms[before]) < before.count,
        before.count >= (isPerson || title != nil ? 1 : 2)
      else { return }
      // "Ruth Kelly MP": the letters are the person's title.
      title = title ?? forms[name.upperBound - 1]
      isPerson = true
      name = before
    }
    guard LinkingLexicon.looksLikeName(forms[name]) else {
      unresolved.append(CandidateMention(tokens: name, type: candidate.type))
      return
    }
    var mention = PendingMention(
      tokens: name, key: nil, type: nil, kind: .newName, label: text(name), title: title,
      affiliationOwner: affiliation, nameWords: nameWords(name), candidate: candidate)
    let appositive = appositive(after: name.upperBound)
    if isPerson || title != nil {
      // A title makes a person whatever the recognizer guessed ("Defense Secretary Lloyd Austin"),
      // and so does an appositive ("Laurence Mark, producer of the telecast").
      mention.type = .person
    } else if let appositive {
      mention.type = .person
      mention.title = appositive.title
      mention.affiliationToken = appositive.affiliationToken
    } else if let guess = candidate.type, guess != .unknown, guess != .concept {
      mention.type = guess == .country ? .place : guess
    }
    if mention.type == .person && mention.title == nil, let appositive {
      mention.title = appositive.title
      mention.affiliationToken = appositive.affiliationToken
    }
    // Untyped names stay pending: a later pass may find them a short form of someone.
    add(mention)
  }

  struct LeftContext {
    var title: String?
    /// The pending mention whose entity is the affiliation.
    var affiliation: Int?
  }

  /// A title just before a span ("spokesperson", "leader") and the country or organisation
  /// before that ("North Korean leader", "Japan's Prime Minister", "U.S. State Department
  /// spokesperson").
  func leftContext(before start: Int) -> LeftContext {
    var context = LeftContext()
    var position = start - 1
    if position >= 0, claimed[position] < 0, gazetteer.isRoleHead(forms[position]),
      !isPluralHead(forms[position])
    {
      var titleStart = position
      while titleStart - 1 >= 0, claimed[titleStart - 1] < 0, gazetteer.isTitleWord(forms[titleStart - 1]) {
        titleStart -= 1
      }
      context.title = text(titleStart..<start)
      position = titleStart - 1
    }
    var possessive = false
    if position >= 0, LinkingLexicon.isPossessive(forms[position]) {
      possessive = true
      position -= 1
    }
    guard position >= 0, claimed[position] >= 0 else { return context }
    let owner = pending[claimed[position]]
    guard owner.tokens.upperBound == position + 1, !owner.kind.isMetonymy,
      owner.type == .country || owner.type == .organization
    else { return context }
    if context.title != nil || possessive || owner.kind == .demonym || owner.kind == .abbreviation {
      context.affiliation = claimed[position]
    }
    return context
  }

  /// "Chancellor of the Exchequer Gordon Brown", "President of the United States Joe Biden": a
  /// span after a capitalized office (title from `titleStart`) that begins with the office's
  /// object and ends with a name. The object joins the title (a country or organisation named
  /// there is also the person's affiliation) and `lower` moves to the name. The recognizer often
  /// takes the whole span for one name: a person's, or a place's or organisation's, which then
  /// needs a name-like rest (capitalized words, none a title or an organisation's or place's head).
  mutating func officeBeforeName(
    _ titleStart: Int, _ lower: inout Int, _ upper: Int, _ left: inout LeftContext,
    candidate: CandidateMention
  ) {
    let first = gazetteer.matches(in: forms[lower..<upper]).first
    // The office says that a country or organisation here is its object, not part of a name.
    let match = first.flatMap {
      $0.tokens.lowerBound == lower && $0.tokens.upperBound <= upper - 2
        && [.country, .organization].contains(gazetteer.entries[$0.entry].type) ? $0 : nil
    }
    // Without such a gazetteer name, the office's object is the span's first word, unless a
    // gazetteer name starts there (a whole name, or one too long to leave a name after it).
    if match == nil && first?.tokens.lowerBound == lower { return }
    let objectEnd = match?.tokens.upperBound ?? lower + 1
    if candidate.type != .person || match != nil {
      let nameLike = (objectEnd..<upper).allSatisfy {
        forms[$0].unicodeScalars.first?.properties.isUppercase == true
          && LinkingLexicon.headType(forms[$0]) == nil
          && !gazetteer.isRoleHead(forms[$0]) && !LinkingLexicon.isHonorific(forms[$0])
      }
      guard nameLike, upper - objectEnd >= 2 else { return }
    }
    var affiliation: Int? = nil
    if let match {
      addGazetteerLink(match, title: nil, affiliation: nil, candidate: candidate)
      if !match.kind.isMetonymy { affiliation = pending.count - 1 }
    }
    left = LeftContext(title: text(titleStart..<objectEnd), affiliation: affiliation)
    lower = objectEnd
  }

  /// Where the title of an office named by "of", "to" or "for" starts ("Chancellor of the
  /// Exchequer", "Chief Secretary to the Treasury"), when `start` is the office's word; else nil.
  /// Only a capitalized title names an office: "director of the English National Ballet" is a
  /// job at an organisation.
  func officeTitleStart(before start: Int) -> Int? {
    var position = start - 1
    if position >= 0, forms[position] == "the" { position -= 1 }
    guard position >= 1, ["of", "to", "for"].contains(forms[position]) else { return nil }
    var titleStart = position - 1
    let head = forms[titleStart]
    guard claimed[titleStart] < 0, gazetteer.isRoleHead(head), !isPluralHead(head) else { return nil }
    while titleStart - 1 >= 0, claimed[titleStart - 1] < 0, gazetteer.isTitleWord(forms[titleStart - 1]) {
      titleStart -= 1
    }
    let capitalized = forms[titleStart..<position].contains {
      $0.unicodeScalars.first?.properties.isUppercase == true
    }
    return capitalized ? titleStart : nil
  }

  /// ", a senior research fellow at the Heritage Foundation": the title, and the token where
  /// the affiliation's name starts.
  func appositive(after nameEnd: Int) -> (title: String, affiliationToken: Int?)? {
    // After the letters that may follow the name ("Philippe Sands QC, a member of ...").
    var end = nameEnd
    while end < forms.count, LinkingLexicon.postNominals.contains(forms[end]) { end += 1 }
    guard end < forms.count, forms[end] == "," else { return nil }
    var position = end + 1
    if position < forms.count, ["a", "an", "the"].contains(forms[position].lowercased()) { position += 1 }
    let start = position
    while position < forms.count, position - start < 6 {
      let form = forms[position]
      guard let first = form.unicodeScalars.first, first.properties.isLowercase,
        !LinkingLexicon.clauseWords.contains(form)
      else { return nil }
      position += 1
      if gazetteer.isRoleHead(form) && !isPluralHead(form) { break }
      if position - start == 6 { return nil }
    }
    guard position > start, gazetteer.isRoleHead(forms[position - 1]) else { return nil }
    let title = text(start..<position)
    var affiliationToken: Int? = nil
    if position + 1 < forms.count, ["at", "of", "for", "with"].contains(forms[position]) {
      var target = position + 1
      if target < forms.count, forms[target].lowercased() == "the" { target += 1 }
      if target < forms.count { affiliationToken = target }
    }
    return (title, affiliationToken)
  }

  mutating func resolveAppositiveAffiliations() {
    for index in pending.indices {
      guard let token = pending[index].affiliationToken, pending[index].affiliation == nil,
        pending[index].affiliationOwner == nil
      else { continue }
      let owner = claimed[token]
      guard owner >= 0, pending[owner].tokens.lowerBound == token,
        pending[owner].type == .organization || pending[owner].type == .country
      else { continue }
      pending[index].affiliationOwner = owner
    }
  }

  /// Gives new people and organisations their keys, longest names first, and ties shorter names
  /// to them as short forms.
  mutating func resolvePeopleAndShortForms() {
    var known: [KnownName] = []
    for mention in pending
    where mention.key != nil && (mention.type == .person || mention.type == .organization) {
      if !known.contains(where: { $0.key == mention.key }) {
        known.append(
          KnownName(
            key: mention.key!, type: mention.type!, words: mention.nameWords,
            firstToken: mention.tokens.lowerBound))
      }
    }
    // Longest names first; among equals, typed before untyped, then in document order.
    let order = pending.indices.filter { pending[$0].key == nil }.sorted {
      (-pending[$0].nameWords.count, pending[$0].type == nil ? 1 : 0, pending[$0].tokens.lowerBound)
        < (-pending[$1].nameWords.count, pending[$1].type == nil ? 1 : 0, pending[$1].tokens.lowerBound)
    }
    var dropped: Set<Int> = []
    for index in order {
      let mention = pending[index]
      let words = mention.nameWords
      if let same = known.firstIndex(where: {
        $0.words == words && (mention.type == nil || $0.type == nil || $0.type == mention.type)
      }) {
        if known[same].type == nil && mention.type == nil {
          known[same].waiting.append(index)
          dropped.insert(index)
          continue
        }
        if known[same].type == nil { promote(&known[same], to: mention.type!, &dropped) }
        pending[index].key = known[same].key
        pending[index].type = known[same].type
        continue
      }
      let fits = known.indices.filter { candidate in
        let target = known[candidate]
        guard words.count < target.words.count, !words.isEmpty else { return false }
        let isSuffix = Array(target.words.suffix(words.count)) == words
        let isPrefix = Array(target.words.prefix(words.count)) == words
        switch (mention.type, target.type) {
        case (.person?, .person?), (.person?, nil), (nil, .person?): return isSuffix || isPrefix
        case (.organization?, .organization?), (nil, .organization?): return isSuffix
        default: return false
        }
      }
      let start = mention.tokens.lowerBound
      let preceding = fits.filter { known[$0].firstToken < start }.max {
        known[$0].firstToken < known[$1].firstToken
      }
      let following = fits.filter { known[$0].firstToken > start }.min {
        known[$0].firstToken < known[$1].firstToken
      }
      if let target = preceding ?? following {
        if known[target].type == nil {
          promote(&known[target], to: mention.type ?? .person, &dropped)
        }
        pending[index].key = known[target].key
        pending[index].type = known[target].type
        pending[index].kind = .shortForm
        continue
      }
      let key = newKey(mention)
      guard let type = mention.type else {
        dropped.insert(index)
        if words.count >= 2 {
          known.append(
            KnownName(
              key: "person:" + GazetteerKey.slug(mention.label), type: nil, words: words,
              firstToken: start, waiting: [index]))
        }
        continue
      }
      pending[index].key = key
      if type == .person || type == .organization {
        known.append(KnownName(key: key, type: type, words: words, firstToken: start))
      }
    }
    // Untyped names that are nobody's short form are not entities.
    for index in dropped.sorted() {
      let mention = pending[index]
      unresolved.append(
        mention.candidate.map { CandidateMention(tokens: mention.tokens, type: $0.type) }
          ?? CandidateMention(tokens: mention.tokens))
      for token in mention.tokens where claimed[token] == index { claimed[token] = -1 }
    }
    // Indices stay stable (affiliations point at them); a dropped mention just has no key.
    for index in dropped { pending[index].key = nil }
  }

  /// Types an untyped full name once a typed short form of it turns up.
  private mutating func promote(_ name: inout KnownName, to type: EntityType, _ dropped: inout Set<Int>) {
    name.type = type
    for index in name.waiting {
      dropped.remove(index)
      pending[index].type = type
      pending[index].key = newKey(pending[index])
      name.key = pending[index].key!
    }
  }

  func newKey(_ mention: PendingMention) -> String {
    if let key = mention.key { return key }
    let prefix: String
    switch mention.type {
    case .person?: prefix = "person"
    case .organization?: prefix = "organization"
    case .city?: prefix = "city"
    case .group?: prefix = "group"
    default: prefix = "place"
    }
    return prefix + ":" + GazetteerKey.slug(mention.label)
  }

  // MARK: Recording

  mutating func addGazetteerLink(
    _ match: Gazetteer.Match, title: String?, affiliation: Int?, candidate: CandidateMention?
  ) {
    let entry = gazetteer.entries[match.entry]
    add(
      PendingMention(
        tokens: match.tokens, key: entry.key, type: entry.type, kind: LinkKind(match.kind),
        label: entry.label,
        wikidata: entry.wikidata, title: title, affiliationOwner: affiliation,
        nameWords: nameWords(match.tokens),
        candidate: candidate))
  }

  mutating func add(_ mention: PendingMention) {
    let index = pending.count
    pending.append(mention)
    for token in mention.tokens { claimed[token] = index }
  }

  func nameWords(_ range: Range<Int>) -> [String] {
    var words: [String] = []
    for form in forms[range] {
      for part in form.split(whereSeparator: { $0 == "-" || $0 == "\u{2010}" }) {
        let key = GazetteerKey.of(String(part))
        if !key.isEmpty { words.append(key) }
      }
    }
    return words
  }

  /// The text of tokens as written when offsets are known, else the forms joined by spaces.
  func text(_ range: Range<Int>) -> String {
    if document.tokenStarts.count == forms.count && document.tokenEnds.count == forms.count && !range.isEmpty
    {
      return document.text(ofTokens: range)
    }
    return forms[range].joined(separator: " ")
  }

  // MARK: Output

  func finish() -> LinkedDocument {
    var tokenKeys = [String?](repeating: nil, count: forms.count)
    var links: [EntityLink] = []
    let ordered = pending.indices.sorted {
      (pending[$0].tokens.lowerBound, pending[$0].tokens.upperBound, $0)
        < (pending[$1].tokens.lowerBound, pending[$1].tokens.upperBound, $1)
    }
    for mention in ordered.map({ pending[$0] }) {
      guard let key = mention.key else { continue }
      let affiliation = affiliationKey(mention)
      links.append(
        EntityLink(
          tokens: mention.tokens, key: key, kind: mention.kind, title: mention.title,
          affiliation: affiliation == key ? nil : affiliation))
      for token in mention.tokens { tokenKeys[token] = key }
    }
    let sentenceOf = sentenceIndex()
    var byKey: [String: ExtractedEntity] = [:]
    var longest: [String: Int] = [:]
    for mention in ordered.map({ pending[$0] }) {
      guard let key = mention.key else { continue }
      let surface = text(mention.tokens)
      let span =
        document.tokenStarts.count == forms.count ? document.span(ofTokens: mention.tokens) : 0..<0
      let record = Mention(
        text: surface, sentence: sentenceOf[mention.tokens.lowerBound], tokens: mention.tokens, span: span)
      var entity =
        byKey[key]
        ?? ExtractedEntity(
          key: key, label: mention.label, type: mention.type ?? .unknown, wikidata: mention.wikidata)
      entity.mentions.append(record)
      if entity.jobTitle == nil, let title = mention.title { entity.jobTitle = title }
      if entity.affiliation == nil, let affiliation = affiliationKey(mention), affiliation != key {
        entity.affiliation = affiliation
      }
      // New names take the fullest form seen as their label.
      if mention.wikidata == nil && gazetteer.index(ofKey: key) == nil && mention.kind != .shortForm
        && mention.nameWords.count > longest[key, default: 0]
      {
        entity.label = mention.label
        longest[key] = mention.nameWords.count
      }
      byKey[key] = entity
    }
    let entities = byKey.values.map { entity -> ExtractedEntity in
      var entity = entity
      var aliases: [String] = []
      for mention in entity.mentions where mention.text != entity.label && !aliases.contains(mention.text) {
        aliases.append(mention.text)
      }
      entity.aliases = aliases.sorted()
      return entity
    }.sorted { $0.key < $1.key }
    return LinkedDocument(
      entities: entities, links: links, tokenKeys: tokenKeys,
      unresolved: unresolved.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound })
  }

  func affiliationKey(_ mention: PendingMention) -> String? {
    mention.affiliation ?? mention.affiliationOwner.flatMap { pending[$0].key }
  }

  func sentenceIndex() -> [Int] {
    var result = [Int](repeating: 0, count: forms.count)
    for (index, sentence) in document.sentences.enumerated() {
      for token in sentence where token < result.count { result[token] = index }
    }
    return result
  }
}

// MARK: - Word lists

/// The small closed word lists the linker reads spans with.
enum LinkingLexicon {
  /// Words that open a capitalized span without being part of a name ("The", "Both", "While").
  static let functionWords: Set<String> = [
    "the", "a", "an", "both", "and", "but", "or", "nor", "while", "in", "on", "at", "for", "as", "if", "when",
    "after", "before", "since", "with", "by", "from", "to", "of", "not", "only", "also", "this", "that",
    "these",
    "those", "its", "his", "her", "their", "our", "my", "your", "it", "we", "they", "he", "she", "i", "you",
    "there", "here", "then", "so", "yet", "meanwhile", "however", "although", "though", "because", "during",
    "under", "over", "among", "amid", "amidst", "according", "former", "late",
  ]

  /// Collective role nouns without a plural "s" ("Russian police").
  static let collectiveNouns: Set<String> = [
    "police", "military", "personnel", "militia", "navy", "army", "clergy",
  ]

  /// Honorifics that mark the name after them as a person's ("Mr Ebbers").
  static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "mx"]

  /// Military, police, academic, religious and judicial ranks that, like honorifics, make the
  /// name after them a person's and are their title ("Captain Nambiar", "Lt. Col. Smith", "Prof
  /// Lovenduski", "Archbishop Desmond Tutu"); not "General" or "Major", which open other names
  /// ("General Motors", "Major League").
  static let ranks: Set<String> = [
    "captain", "capt", "colonel", "col", "lieutenant", "lt", "sergeant", "sgt", "admiral", "adm", "commander",
    "cmdr", "corporal", "cpl", "brigadier", "commodore", "inspector", "constable", "professor", "prof",
    "archbishop", "bishop", "cardinal", "rabbi", "imam", "ayatollah", "reverend", "rev", "judge",
    "councillor",
    "cllr",
  ]

  /// Words that open a clause, not a title: ", who is a member of" is no appositive.
  static let clauseWords: Set<String> = [
    "who", "whom", "whose", "which", "that", "where", "when", "is", "was", "are", "were", "has", "had",
    "have", "be", "been", "said", "says",
  ]

  /// Letters written after a name (honours, degrees), as written: not part of it. Not "Jr" or
  /// "Sr", which tell a son from his father, nor "MP", which after a place is a title ("the East
  /// Midlands MEP").
  static let postNominals: Set<String> = [
    "QC", "KC", "OBE", "MBE", "CBE", "KBE", "DBE", "PhD",
  ]

  /// Legislators' letters: after a person's name the title ("Ruth Kelly MP"), after a party or
  /// a place a title alone ("a Tory MP", "Bolton West MP"). Role heads in the gazetteer too.
  static let legislatorLetters: Set<String> = ["MP", "MEP", "MSP"]

  static let determiners: Set<String> = ["the", "a", "an", "this", "that"]

  /// Political parties as written before a member's name ("Tory Liam Fox", "Liberal Democrat
  /// Sarah Teather"), in words.
  static let partyNames: [[String]] = [
    ["Tory"], ["Conservative"], ["Labour"], ["Lib", "Dem"], ["Liberal", "Democrat"], ["Republican"],
    ["Democrat"], ["SNP"], ["UKIP"], ["Plaid", "Cymru"], ["Plaid"], ["Sinn", "Fein"], ["DUP"],
    ["Unionist"],
  ]

  /// The number of words of the party name that `forms` starts with, or 0.
  static func partyPrefix(_ forms: ArraySlice<String>) -> Int {
    for party in partyNames where forms.starts(with: party) { return party.count }
    return 0
  }

  static func isHonorific(_ form: String) -> Bool {
    var word = form.lowercased()
    if word.hasSuffix(".") { word.removeLast() }
    return honorifics.contains(word) || ranks.contains(word)
  }

  /// Whether a word before a title or rank can qualify it: capitalized, no honorific, and no day
  /// or month ("Tuesday Captain Nambiar" is Captain Nambiar on Tuesday).
  static func qualifiesATitle(_ form: String) -> Bool {
    form.unicodeScalars.first?.properties.isUppercase == true && !calendarWords.contains(form.lowercased())
      && !isHonorific(form)
  }

  static func isRank(_ form: String) -> Bool {
    var word = form.lowercased()
    if word.hasSuffix(".") { word.removeLast() }
    return ranks.contains(word)
  }

  static func isFunctionWord(_ form: String) -> Bool { functionWords.contains(form.lowercased()) }

  static func isPossessive(_ form: String) -> Bool {
    form == "'s" || form == "\u{2019}s" || form == "'" || form == "\u{2019}" || form == "'S"
  }

  static func isPunctuation(_ form: String) -> Bool {
    !form.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
  }

  /// Lowercase particles inside personal names ("Osama bin Laden", "Ursula von der Leyen").
  static let nameParticles: Set<String> = [
    "al", "bin", "ibn", "de", "del", "della", "der", "den", "van", "von", "da", "dos", "du", "la", "le", "el",
    "y",
  ]

  /// Capitalized words, name particles and hyphen tokens, at most six words, none a weekday, a
  /// month or an abstract noun ("Election", "Government").
  static func looksLikeName(_ forms: ArraySlice<String>) -> Bool {
    var words = 0
    for form in forms {
      if isPunctuation(form) { continue }
      words += 1
      guard let first = form.unicodeScalars.first else { return false }
      let lower = form.lowercased()
      if !first.properties.isUppercase && !nameParticles.contains(lower) { return false }
      if calendarWords.contains(lower) { return false }
      if lower.count > 5, abstractSuffixes.contains(where: { lower.hasSuffix($0) }) { return false }
    }
    return words >= 1 && words <= 6
  }

  static let calendarWords: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december",
  ]

  static let abstractSuffixes = ["tion", "sion", "ment", "ness", "ism", "ity", "ship"]

  /// The type a final head word gives a name ("Foundation" → organization, "Peninsula" → place).
  static func headType(_ form: String) -> EntityType? {
    let word = form.lowercased()
    if organizationHeads.contains(word) { return .organization }
    if placeHeads.contains(word) { return .place }
    return nil
  }

  static let organizationHeads: Set<String> = [
    "department", "ministry", "foundation", "institute", "institution", "university", "college", "council",
    "committee", "commission", "agency", "bank", "fund", "party", "army", "navy", "corps", "company",
    "corporation", "corp", "inc", "ltd", "llc", "group", "association", "organization", "organisation",
    "union",
    "federation", "league", "court", "parliament", "congress", "senate", "assembly", "office", "bureau",
    "service", "services", "board", "authority", "administration", "center", "centre", "school", "academy",
    "church", "club", "network", "times", "post", "press", "command", "guard", "police", "coalition",
    "alliance",
    "movement", "front", "brigade", "brigades", "society", "trust", "forces", "force", "agency", "cabinet",
    "secretariat", "directorate", "observatory", "watch", "tribunal", "airlines", "airways",
  ]

  static let placeHeads: Set<String> = [
    "peninsula", "sea", "ocean", "river", "gulf", "strait", "straits", "bay", "island", "islands",
    "mountains",
    "mountain", "valley", "desert", "region", "province", "county", "district", "lake", "coast", "basin",
    "plateau", "canal", "channel", "oblast", "square", "street", "airport", "port",
  ]
}

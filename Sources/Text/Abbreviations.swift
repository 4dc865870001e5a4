/// Words that keep their final period (`Mr.`, `Gen.`, `Jan.`, `Inc.`), and the sentence starters
/// that tell the sentence splitter an abbreviation also ended a sentence.
///
/// Lookups pack a short ASCII word into an integer so that the tokenizer's hot loop never builds
/// a `String`. Matching is case-sensitive: `Ill.` (Illinois) is an abbreviation, `ill.` is not.
enum Abbreviations {
  // MARK: - Lists

  /// Always abbreviations when followed by a period. Titles, months, days, company suffixes,
  /// US states (AP style), Latin and other common short forms.
  static let always: [String] = [
    // titles and ranks
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs", "Gen", "Lt", "Col", "Maj",
    "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Rep", "Reps", "Sen", "Sens",
    "Gov", "Govs", "Pres", "Rev", "Hon", "Supt", "Insp", "Det", "Amb", "Fr", "Sr", "Jr", "Esq", "St",
    "Ste", "Mt", "Ft", "Pt", "Lieut", "Cmdr", "Atty", "Gens", "Mme", "Mlle", "Msgr", "Sec", "Secy",
    // months and days
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue",
    "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
    // organisations and addresses
    "Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Assn", "Assoc", "Dept", "Univ", "Inst", "Ave", "Blvd",
    "Rd", "Hwy", "Pl", "Sq", "Ct", "Pkwy", "Cie", "Mfg", "Intl",
    // US states, AP style
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans",
    "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nebr", "Nev", "Okla",
    "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wisc", "Wyo",
    // short forms
    "etc", "vs", "v", "viz", "al", "approx", "ca", "cf", "ed", "eds", "est", "Est", "fig", "Fig",
    "figs", "incl", "Jr", "min", "max", "mins", "hrs", "yrs", "mos", "oz", "lb", "lbs", "ft", "sq",
    "Ph", "Ave", "Attn", "attn", "Dist", "dist", "Gov", "govt", "Govt",
    "Vol", "vol", "Vols", "Ch", "ch", "Sec", "sec", "Ref", "ref", "Tel", "tel", "Ext", "ext", "Eq",
    "eq", "e.g", "i.e", "E.g", "I.e", "a.m", "p.m", "A.M", "P.M", "a.k.a", "Ph.D", "Jan", "Op",
    "Cit", "cit", "ibid", "Ibid", "resp", "misc", "Misc", "Nat", "Natl", "Fed", "Gov", "Dem", "Dems",
    "Repub", "Rs", "Mssrs", "Adj", "Aux", "Bldg", "Capt", "Cmdt", "esp", "Esp", "Conf", "P.S",
    "P.P.S",
  ]

  /// Abbreviations only when a number follows (`No. 5`, `pp. 12`, `Art. 5`).
  static let beforeNumber: [String] = [
    "No", "no", "Nos", "nos", "Art", "art", "p", "pp", "Para", "para", "Nr", "nr", "Vol", "vol",
    "Ch", "ch", "Sec", "sec", "Fig", "fig", "Rs", "Tel", "tel", "Ph", "Apt", "apt", "Rm", "rm",
  ]

  /// Capitalised words that very often start a sentence and rarely follow `U.S.` or `Inc.` inside
  /// one; after an abbreviation they signal that it also ended the sentence.
  static let sentenceStarters: [String] = [
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
    "There", "But", "And", "Or", "So", "Yet", "If", "When", "While", "After", "Before", "As", "In",
    "On", "At", "For", "Its", "His", "Her", "Their", "Our", "My", "Your", "What", "Why", "How",
    "Who", "Where", "Which", "Some", "Many", "Most", "All", "No", "Not", "However", "Meanwhile",
    "Still", "Also", "Then", "Now", "Today", "Yesterday", "Last", "Next", "One", "Two", "Both",
    "Each", "Such", "Since", "Although", "Though", "Because", "According", "Officials", "Mr", "Mrs",
    "Ms", "Dr", "Is", "Are", "Was", "Were", "Do", "Does", "Did", "Can", "Could", "Will", "Would",
    "Should", "Please", "Thanks", "Thank", "Let", "Here", "Just", "Even", "Only", "Other", "More",
    "Any", "Every", "To", "From", "By", "With", "Without", "Under", "Over", "Despite", "Instead",
  ]

  // MARK: - Packed lookup

  static let alwaysKeys: Set<UInt64> = Set(always.compactMap { key($0) })
  static let beforeNumberKeys: Set<UInt64> = Set(beforeNumber.compactMap { key($0) })
  static let sentenceStarterKeys: Set<UInt64> = Set(sentenceStarters.compactMap { key($0) })

  /// Packs up to 8 ASCII scalars (7 bits each) and the length into one integer; nil when the word
  /// is longer or not ASCII, which no list entry is.
  @inline(__always)
  static func key(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> UInt64? {
    let count = range.count
    guard count > 0, count <= 8 else { return nil }
    var k: UInt64 = UInt64(count)
    for i in range {
      let v = scalars[i].value
      guard v < 128 else { return nil }
      k = (k << 7) | UInt64(v)
    }
    return k
  }

  static func key(_ word: String) -> UInt64? {
    let scalars = Array(word.unicodeScalars)
    return scalars.withUnsafeBufferPointer { key($0, 0..<scalars.count) }
  }
}

/// Splits text into tokens the way Universal Dependencies English EWT does, so that a tagger and
/// parser trained on EWT see the words they were trained on.
///
/// Conventions (see https://universaldependencies.org/en/tokenization.html):
/// - clitics split off: `don't` → `do` `n't`, `can't` → `ca` `n't`, `Russia's` → `Russia` `'s`,
///   `they're` → `they` `'re`; also EWT's apostrophe-less forms (`cannot` → `can` `not`,
///   `gonna` → `gon` `na`, `dont` → `do` `nt`);
/// - punctuation is separate; runs of `.`/`!`/`?` (`...`, `?!`) and of one repeated symbol (`--`)
///   are one token; straight and curly quotes are separate tokens;
/// - abbreviations keep their period (`U.S.`, `Mr.`, `Gen.`, `Jan.`, `Inc.`, initials `J.`);
/// - numbers keep their separators (`1,000.50`, `3.5`, `10:30`, `11/20/2000`, `713-853-3989`);
///   `%` and `$` are separate; ranges, fractions and units split (`3-4` → `3` `-` `4`, `1/2`,
///   `10pm` → `10` `pm`, `$3M`), ordinals and decades do not (`2nd`, `1990s`, `80's`);
/// - URLs, e-mail addresses, `#hashtags`, `@mentions` and file names (`REPORT.DOC`) are one token;
/// - hyphens split compounds (`15-year` → `15` `-` `year`) except after common prefixes
///   (`e-mail`, `co-workers`, `non-human`), as EWT does; unlike EWT, Korean-style given names stay
///   whole after a capitalised name (`Kim Jong-un` → `Kim` `Jong-un`), because extraction needs them.
///
/// Every token is a range of Unicode scalar offsets; the tokenizer never copies text. Forms are
/// the text as written: curly quotes and apostrophes are not normalised (EWT keeps them too).
public struct Tokenizer: Sendable {
  /// Behaviour switches; ``Options/default`` follows EWT.
  public struct Options: Sendable, Hashable {
    /// Split `n't`, `'s`, `'re`, ... from their host word.
    public var splitsClitics: Bool = true
    /// Keep `Jong-un` whole after a capitalised word (EWT would split it).
    public var keepsNameHyphens: Bool = true

    public init(splitsClitics: Bool = true, keepsNameHyphens: Bool = true) {
      self.splitsClitics = splitsClitics
      self.keepsNameHyphens = keepsNameHyphens
    }

    public static let `default` = Options()
  }

  public var options: Options

  public init(options: Options = .default) {
    self.options = options
  }

  // MARK: - API

  /// Appends the tokens of `scalars[range]` to `starts` and `ends` (scalar offsets into `scalars`).
  public func tokenize(
    _ scalars: [Unicode.Scalar], in range: Range<Int>, starts: inout [Int32], ends: inout [Int32]
  ) {
    precondition(range.lowerBound >= 0 && range.upperBound <= scalars.count, "range out of bounds")
    scalars.withUnsafeBufferPointer { buffer in
      var scanner = TokenScanner(x: buffer, limit: range.upperBound, options: options)
      swap(&scanner.starts, &starts)
      swap(&scanner.ends, &ends)
      scanner.run(range)
      swap(&scanner.starts, &starts)
      swap(&scanner.ends, &ends)
    }
  }

  /// Token ranges, in Unicode scalar offsets, of a whole string.
  public func spans(_ text: String) -> [Range<Int>] {
    let scalars = Array(text.unicodeScalars)
    var starts: [Int32] = []
    var ends: [Int32] = []
    tokenize(scalars, in: 0..<scalars.count, starts: &starts, ends: &ends)
    return zip(starts, ends).map { Int($0)..<Int($1) }
  }

  /// The tokens of a string as strings (convenient for tests and small inputs).
  public func tokenize(_ text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return spans(text).map { range in
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[range])
      return String(view)
    }
  }
}

// MARK: - Scanner

/// The tokenizer's state over one buffer. Works on whitespace-separated chunks; inside a chunk,
/// words (letters, digits and the connectors allowed between them) alternate with punctuation.
struct TokenScanner {
  let x: UnsafeBufferPointer<Unicode.Scalar>
  /// End of the text being tokenized (look-ahead for `No. 5` stops here).
  let limit: Int
  let options: Tokenizer.Options
  var starts: [Int32] = []
  var ends: [Int32] = []
  /// Position of the next `@` in the current chunk at or after the scan position, or the chunk end.
  private var nextAt = 0
  /// An `@` already found not to belong to an e-mail address (keeps the scan linear).
  private var failedAt = -1

  init(x: UnsafeBufferPointer<Unicode.Scalar>, limit: Int, options: Tokenizer.Options) {
    self.x = x
    self.limit = limit
    self.options = options
  }

  @inline(__always) mutating func emit(_ a: Int, _ b: Int) {
    starts.append(Int32(a))
    ends.append(Int32(b))
  }

  mutating func run(_ range: Range<Int>) {
    var i = range.lowerBound
    let hi = range.upperBound
    while i < hi {
      if ScalarClass.isWhitespace(x[i]) {
        i += 1
        continue
      }
      var j = i + 1
      while j < hi && !ScalarClass.isWhitespace(x[j]) { j += 1 }
      chunk(i, j)
      i = j
    }
  }

  // MARK: Chunks

  private mutating func chunk(_ s: Int, _ e: Int) {
    nextAt = s - 1
    failedAt = -1
    var p = s
    while p < e {
      let c = x[p]
      if ScalarClass.isWord(c) {
        if let u = urlEnd(p, e) ?? emailEnd(p, e) {
          emit(p, u)
          p = u
        } else {
          p = word(p, s, e)
        }
      } else if startsWord(p, s, e) {
        p = word(p, s, e)
      } else if let u = emoticonEnd(p, s, e) {
        emit(p, u)
        p = u
      } else if let u = urlEnd(p, e) {
        emit(p, u)
        p = u
      } else {
        p = punctuation(p, e)
      }
    }
  }

  /// `.5` and `'90s` start words although their first scalar is punctuation.
  private func startsWord(_ p: Int, _ s: Int, _ e: Int) -> Bool {
    let c = x[p]
    let afterBoundary = p == s || !ScalarClass.isWord(x[p - 1])
    guard afterBoundary, p + 1 < e else { return false }
    if c == "." { return ScalarClass.isDigit(x[p + 1]) }
    if c == "#" || c == "@" { return ScalarClass.isLetter(x[p + 1]) }  // #hashtag, @mention
    if c == "+" { return p == s && ScalarClass.isDigit(x[p + 1]) }  // +44 (phone prefix)
    if ScalarClass.isApostrophe(c) {
      if p == s && isStandaloneClitic(p + 1, e) { return true }
      return p + 2 < e && ScalarClass.isDigit(x[p + 1]) && ScalarClass.isDigit(x[p + 2])
        && (p + 3 == e || !ScalarClass.isDigit(x[p + 3]))
    }
    return false
  }

  /// Clitics that text already split keeps apart: "Childers 's book", "they 're" (treebanks and
  /// Open IE benchmarks are written so). `p` is just after the apostrophe.
  private func isStandaloneClitic(_ p: Int, _ e: Int) -> Bool {
    var q = p
    while q < e && ScalarClass.isLetter(x[q]) { q += 1 }
    // "the 's' key" quotes a letter.
    guard q > p, q - p <= 2, q == e || !(ScalarClass.isWord(x[q]) || ScalarClass.isApostrophe(x[q])) else {
      return false
    }
    let letters = String(String.UnicodeScalarView(x[p..<q])).lowercased()
    return Self.cliticsAfterApostrophe.contains(letters)
  }

  private static let cliticsAfterApostrophe: Set<String> = ["s", "re", "ve", "ll", "d", "m"]

  private mutating func punctuation(_ p: Int, _ e: Int) -> Int {
    let c = x[p]
    var q = p + 1
    if ScalarClass.isTerminal(c) {
      while q < e && ScalarClass.isTerminal(x[q]) { q += 1 }
    } else if Self.isSingleQuote(c) {
      while q < e && Self.isSingleQuote(x[q]) { q += 1 }  // '' ‘’ used as double quotes
    } else {
      while q < e && x[q] == c { q += 1 }
    }
    emit(p, q)
    return q
  }

  @inline(__always) private static func isSingleQuote(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x27, 0x60, 0x2018, 0x2019: return true
    default: return false
    }
  }

  // MARK: Words

  /// Scans one word starting at `p`, emits it (with clitics split off), and returns its end.
  private mutating func word(_ p: Int, _ s: Int, _ e: Int) -> Int {
    var q = p
    if !ScalarClass.isWord(x[q]) { q += 1 }  // `.5`, `'90s`, `#tag`, `@name`, `+44`
    var pieceStart = p
    var internalPeriods = 0
    var maxPiece = 0
    var allLetters = true
    scan: while true {
      while q < e && ScalarClass.isWord(x[q]) { q += 1 }
      guard q + 1 < e, q > pieceStart else { break }
      let c = x[q]
      let n = x[q + 1]
      guard ScalarClass.isWord(n) || (ScalarClass.isApostrophe(c) && ScalarClass.isApostrophe(n))
      else { break }
      var joins = false
      switch c.value {
      case 0x2E:  // .
        joins = keepsPeriod(pieceStart, q, e)
        if joins {
          internalPeriods += 1
          maxPiece = max(maxPiece, q - pieceStart)
          if !lettersOnly(pieceStart, q) { allLetters = false }
        }
      case 0x2C:  // , thousands separator: 1,000 but not 1,2
        joins = ScalarClass.isDigit(x[q - 1]) && digitGroup(q + 1, e)
      case 0x3A:  // : in times
        joins = ScalarClass.isDigit(x[q - 1]) && ScalarClass.isDigit(n)
      case 0x2F:  // / in dates and in l/c, c/o
        joins =
          (ScalarClass.isDigit(x[q - 1]) && ScalarClass.isDigit(n) && !isFraction(pieceStart, q, e))
          || (q - pieceStart == 1 && ScalarClass.isLetter(x[q - 1]) && ScalarClass.isLetter(n)
            && (q + 2 >= e || !ScalarClass.isWord(x[q + 2])))
      case 0x26:  // & in AT&T, R&D
        joins = ScalarClass.isUpper(x[q - 1]) && ScalarClass.isUpper(n)
      case 0x5F:  // _ in identifiers
        joins = true
      default:
        if ScalarClass.isHyphen(c) {
          joins = keepsHyphen(pieceStart, q, wordStart: p, e)
        } else if ScalarClass.isApostrophe(c) {
          // Apostrophes join letters (O'Brien, don't); clitics are split off afterwards.
          joins = ScalarClass.isWord(n) && ScalarClass.isWord(x[q - 1])
        }
      }
      guard joins else { break }
      q += 1
      if c == "." || ScalarClass.isHyphen(c) || c == "/" { pieceStart = q }
    }
    if internalPeriods > 0 {
      maxPiece = max(maxPiece, q - pieceStart)
      if !lettersOnly(pieceStart, q) { allLetters = false }
    }
    if q == p {  // defensive: never loop without progress
      emit(p, p + 1)
      return p + 1
    }
    // A number glued to a unit splits (10pm → 10 pm, 5kg, $2.8b), ordinals and decades do not.
    var p = p
    if let unit = unitStart(p, q) {
      emit(p, unit)
      p = unit
      if q < e && x[q] == "." && q - p == 1 {  // 66k. is not an initial
        emitSplittingClitics(p, q)
        return q
      }
    }
    // A final period belongs to an abbreviation (`U.S.`, `Mr.`, `J.`) but not to `...`; at the
    // end of a sentence EWT gives it to the sentence instead (`etc` `.`).
    if q < e && x[q] == "." && !(q + 1 < e && x[q + 1] == ".") {
      if isAbbreviation(p, q, internalPeriods: internalPeriods, maxPiece: maxPiece, allLetters)
        && !endsSentence(p, q)
      {
        emit(p, q + 1)
        return q + 1
      }
    }
    emitSplittingClitics(p, q)
    return q
  }

  /// Where the letters of `10pm`, `5kg`, `2.8b` start, or nil (also for `2nd`, `1990s`, `3D`…).
  private func unitStart(_ p: Int, _ q: Int) -> Int? {
    guard ScalarClass.isDigit(x[p]) else { return nil }
    var n = p + 1
    while n < q && (ScalarClass.isDigit(x[n]) || x[n] == "." || x[n] == "," || x[n] == ":") {
      n += 1
    }
    guard n < q, ScalarClass.isDigit(x[n - 1]) else { return nil }
    for i in n..<q where !(ScalarClass.isLetter(x[i]) && x[i].value < 128) { return nil }
    let count = q - n
    let a = ScalarClass.asciiLower(x[n])
    let b = count > 1 ? ScalarClass.asciiLower(x[n + 1]) : 0
    if count == 1 && (a == 0x73 || (ScalarClass.isUpper(x[n]) && a != 0x6D && a != 0x6B && a != 0x62)) {
      return nil  // 1990s, 83N; but $3M, 10K, 2B split
    }
    if count == 2 {
      switch (a, b) {
      case (0x73, 0x74), (0x6E, 0x64), (0x72, 0x64), (0x74, 0x68): return nil  // st nd rd th
      default: break
      }
    }
    return n
  }

  /// Whether the word before the period at `q` is the last of its sentence: the text ends, a blank
  /// line follows, or the next word is a typical sentence starter (`The`, `He`, `Thanks`).
  /// Titles (`Mr.`) and initials never end one here.
  private func endsSentence(_ p: Int, _ q: Int) -> Bool {
    if q - p == 1 { return false }
    if let key = Abbreviations.key(x, p..<q), SentenceSplitter.titleKeys.contains(key) {
      return false
    }
    var i = q + 1
    var newlines = 0
    while i < limit && ScalarClass.isWhitespace(x[i]) {
      if x[i] == "\n" || x[i] == "\u{2029}" { newlines += 1 }
      i += 1
    }
    if i >= limit || newlines >= 2 { return true }
    if i == q + 1 { return false }
    if i < limit && (x[i] == "\"" || x[i] == "\u{201C}" || x[i] == "(") { i += 1 }
    var j = i
    while j < limit && ScalarClass.isLetter(x[j]) { j += 1 }
    guard j > i, j == limit || x[j] != ".", let key = Abbreviations.key(x, i..<j) else { return false }
    return Abbreviations.sentenceStarterKeys.contains(key)
  }

  /// `1/2`, `2/3`: a one-digit denominator after a number with no other slash; EWT splits these
  /// but keeps dates (`9/11`, `11/20/2000`).
  private func isFraction(_ pieceStart: Int, _ q: Int, _ e: Int) -> Bool {
    if pieceStart > 0 && x[pieceStart - 1] == "/" { return false }
    guard q + 2 >= e || !ScalarClass.isWord(x[q + 2]) else { return false }
    return q + 2 >= e || x[q + 2] != "/"
  }

  private func lettersOnly(_ a: Int, _ b: Int) -> Bool {
    var i = a
    while i < b {
      if !ScalarClass.isLetter(x[i]) { return false }
      i += 1
    }
    return true
  }

  /// Three digits and then no further digit: `1,000` but not `1,0001` or `1,2`.
  private func digitGroup(_ a: Int, _ e: Int) -> Bool {
    guard a + 3 <= e else { return false }
    for i in a..<(a + 3) where !ScalarClass.isDigit(x[i]) { return false }
    return a + 3 == e || !ScalarClass.isDigit(x[a + 3])
  }

  /// Whether the `.` at `q` (between word scalars) stays inside the word.
  private func keepsPeriod(_ pieceStart: Int, _ q: Int, _ e: Int) -> Bool {
    let n = x[q + 1]
    if ScalarClass.isDigit(x[q - 1]) && ScalarClass.isDigit(n) { return true }  // 3.5, 1.2.3
    if q - pieceStart == 1 && ScalarClass.isLetter(x[q - 1]) { return true }  // U.S, e.g
    if ScalarClass.isLower(n) || ScalarClass.isDigit(n) { return true }  // example.com, v2.0
    // File extensions in capitals: ENRON.XLS, ld2d-1.DOC.
    if ScalarClass.isUpper(n) && !ScalarClass.isLower(x[q - 1]) {
      var j = q + 1
      while j < e && ScalarClass.isUpper(x[j]) && x[j].value < 128 { j += 1 }
      if (2...4).contains(j - q - 1) && (j == e || !ScalarClass.isWord(x[j])) {
        var lower = false
        for i in pieceStart..<q where ScalarClass.isLower(x[i]) { lower = true }
        if !lower && (j == e || x[j] != ".") { return true }
      }
    }
    // Ph.D: a single capital letter and a period after it.
    if q + 2 < e && x[q + 2] == "." { return true }
    if q + 2 == e { return true }
    return false
  }

  /// Whether the hyphen at `q` joins `x[pieceStart..<q]` with the letters after it.
  private func keepsHyphen(_ pieceStart: Int, _ q: Int, wordStart: Int, _ e: Int) -> Bool {
    var rightEnd = q + 1
    while rightEnd < e && ScalarClass.isWord(x[rightEnd]) { rightEnd += 1 }
    let left = pieceStart..<q
    let right = (q + 1)..<rightEnd
    if allDigits(left) && allDigits(right) {
      // Phone numbers and dates stay whole (713-853-3989, 646-8420, 11-20-2000); ranges split
      // (3-4, 1971-1972), as in EWT.
      if pieceStart > wordStart && ScalarClass.isHyphen(x[pieceStart - 1]) { return true }
      if rightEnd + 1 < e && ScalarClass.isHyphen(x[rightEnd]) && ScalarClass.isDigit(x[rightEnd + 1]) {
        return true
      }
      return left.count == 3 && right.count == 4
    }
    if let key = lowerKey(left), Self.hyphenPrefixKeys.contains(key) { return true }
    if options.keepsNameHyphens && pieceStart == wordStart {
      return isGivenNameCompound(left, right, wordStart: wordStart)
    }
    return false
  }

  /// `Jong-un`, `Jae-in`, `Teng-hui` after a capitalised word (`Kim`, `Moon`, `Lee`).
  private func isGivenNameCompound(_ left: Range<Int>, _ right: Range<Int>, wordStart: Int)
    -> Bool
  {
    guard (2...6).contains(left.count), (1...4).contains(right.count) else { return false }
    guard ScalarClass.isUpper(x[left.lowerBound]) else { return false }
    for i in left.dropFirst() where !ScalarClass.isLower(x[i]) { return false }
    for i in right where !ScalarClass.isLower(x[i]) { return false }
    if let key = lowerKey(right), Self.compoundSuffixKeys.contains(key) { return false }
    // The word before must be a capitalised name, separated by one space.
    var i = wordStart - 1
    guard i > 0, x[i] == " " else { return false }
    i -= 1
    var letters = 0
    while i >= 0 && ScalarClass.isLetter(x[i]) {
      letters += 1
      i -= 1
    }
    guard letters >= 2, i < 0 || ScalarClass.isWhitespace(x[i]) else { return false }
    return ScalarClass.isUpper(x[i + 1]) && ScalarClass.isLower(x[wordStart - 2])
  }

  /// English words that end compounds after a name (`Lanka-born`, `Soviet-era`), never given names.
  static let compoundSuffixKeys: Set<UInt64> = Set(
    [
      "born", "led", "run", "made", "held", "era", "like", "free", "wide", "long", "old", "new",
      "year", "day", "time", "type", "size", "only", "ish", "war", "rich", "hit", "near", "area",
      "fed", "side", "bred", "wise", "ward", "less", "held", "used", "fold", "high", "low", "set",
    ].compactMap { Abbreviations.key($0) })

  private func allDigits(_ r: Range<Int>) -> Bool {
    guard !r.isEmpty else { return false }
    for i in r where !ScalarClass.isDigit(x[i]) { return false }
    return true
  }

  private func lowerKey(_ r: Range<Int>) -> UInt64? {
    let count = r.count
    guard count > 0, count <= 8 else { return nil }
    var k = UInt64(count)
    for i in r {
      let v = ScalarClass.asciiLower(x[i])
      guard v < 128 else { return nil }
      k = (k << 7) | UInt64(v)
    }
    return k
  }

  /// Prefixes after which EWT keeps the hyphenated word whole (counted on EWT train).
  static let hyphenPrefixKeys: Set<UInt64> = Set(
    [
      "e", "non", "pre", "anti", "mid", "re", "post", "co", "over", "pro", "multi", "ex", "sub",
      "semi", "cross", "neo", "psycho", "socio", "counter", "intra", "inter", "un", "micro", "macro",
      "mini", "bi", "tri", "extra", "ultra", "infra", "quasi", "pseudo", "trans", "cyber", "hyper",
    ].compactMap { Abbreviations.key($0) })

  /// Whether `x[p..<q]` followed by the `.` at `q` is an abbreviation that keeps its period.
  private func isAbbreviation(
    _ p: Int, _ q: Int, internalPeriods: Int, maxPiece: Int, _ allLetters: Bool
  ) -> Bool {
    if internalPeriods > 0 {
      if allLetters && maxPiece <= 2 { return true }  // U.S., e.g., a.k.a., Ph.D.
      if let key = Abbreviations.key(x, p..<q) { return Abbreviations.alwaysKeys.contains(key) }
      return false
    }
    if q - p == 1 { return ScalarClass.isUpper(x[p]) && x[p] != "I" }  // initials: J. R. R. Tolkien
    guard let key = Abbreviations.key(x, p..<q) else { return false }
    if Abbreviations.alwaysKeys.contains(key) { return true }
    if Abbreviations.beforeNumberKeys.contains(key) {
      var i = q + 1
      while i < limit && x[i] == " " { i += 1 }
      return i < limit && ScalarClass.isDigit(x[i])
    }
    return false
  }

  // MARK: Clitics

  private mutating func emitSplittingClitics(_ p: Int, _ q: Int) {
    let count = q - p
    if options.splitsClitics && count >= 3 {
      // n't: don't → do n't, can't → ca n't
      if count >= 4 && ScalarClass.isApostrophe(x[q - 2]) && ScalarClass.asciiLower(x[q - 1]) == 0x74
        && ScalarClass.asciiLower(x[q - 3]) == 0x6E
      {
        emit(p, q - 3)
        emit(q - 3, q)
        return
      }
      // 's 'm 'd, but decades keep theirs (80's, 1990's), as in EWT
      if ScalarClass.isApostrophe(x[q - 2]) && !ScalarClass.isDigit(x[q - 3]) {
        switch ScalarClass.asciiLower(x[q - 1]) {
        case 0x73, 0x6D, 0x64:
          emit(p, q - 2)
          emit(q - 2, q)
          return
        default: break
        }
      }
      // 're 've 'll
      if count >= 4 && ScalarClass.isApostrophe(x[q - 3]) {
        let a = ScalarClass.asciiLower(x[q - 2])
        let b = ScalarClass.asciiLower(x[q - 1])
        if (a == 0x72 && b == 0x65) || (a == 0x76 && b == 0x65) || (a == 0x6C && b == 0x6C) {
          emit(p, q - 3)
          emit(q - 3, q)
          return
        }
      }
      if count == 3 && isItsMeaningItIs(p, q) {
        emit(p, p + 2)
        emit(p + 2, q)
        return
      }
      if let key = lowerKey(p..<q), let split = Self.contractions[key] {
        emit(p, p + split)
        emit(p + split, q)
        return
      }
    }
    emit(p, q)
  }

  /// `its` misspelt for `it's`: EWT splits it (`it` `s`) when a word follows that cannot follow the
  /// possessive (`its a`, `its not`, `its been`).
  private func isItsMeaningItIs(_ p: Int, _ q: Int) -> Bool {
    guard ScalarClass.asciiLower(x[p]) == 0x69, x[p + 1] == "t", x[p + 2] == "s" else { return false }
    var i = q
    guard i < limit, x[i] == " " else { return false }
    i += 1
    var j = i
    while j < limit && ScalarClass.isLetter(x[j]) { j += 1 }
    guard j > i, j == limit || !(ScalarClass.isHyphen(x[j]) || ScalarClass.isApostrophe(x[j])),
      let key = lowerKey(i..<j)
    else { return false }
    return Self.afterItIs.contains(key)
  }

  static let afterItIs: Set<UInt64> = Set(
    [
      "a", "an", "the", "not", "been", "like", "your", "my", "our", "their", "his", "gonna", "going",
      "getting", "ok", "okay", "too", "really", "actually", "definitely", "pretty", "always", "never",
      "also", "that", "this", "so", "what", "how", "worth", "true", "easy", "hard",
    ].compactMap { Abbreviations.key($0) })

  /// Contractions written without an apostrophe, split where EWT splits them.
  static let contractions: [UInt64: Int] = {
    var table: [UInt64: Int] = [:]
    let words: [(String, Int)] = [
      ("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3), ("dont", 2), ("didnt", 3),
      ("doesnt", 4), ("isnt", 2), ("wasnt", 3), ("werent", 4), ("arent", 3), ("couldnt", 5),
      ("wouldnt", 5), ("shouldnt", 6), ("hasnt", 3), ("havent", 4), ("hadnt", 3), ("wont", 2),
      ("cant", 2), ("aint", 2), ("im", 1), ("ive", 1), ("thats", 4), ("whats", 4), ("theres", 5),
      ("youre", 3), ("theyre", 4), ("alot", 1), ("awhile", 1), ("outta", 3), ("kinda", 4),
      ("sorta", 4),
    ]
    for (word, split) in words {
      if let key = Abbreviations.key(word) { table[key] = split }
    }
    return table
  }()

  // MARK: URLs, e-mail, emoticons

  private func hasPrefix(_ p: Int, _ e: Int, _ prefix: StaticString) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard p + count <= e else { return false }
    return prefix.withUTF8Buffer { bytes in
      for k in 0..<count where ScalarClass.asciiLower(x[p + k]) != UInt32(bytes[k]) { return false }
      return true
    }
  }

  /// End of a URL starting at `p`, without trailing punctuation, or nil.
  private func urlEnd(_ p: Int, _ e: Int) -> Int? {
    let c = ScalarClass.asciiLower(x[p])
    guard c == 0x68 || c == 0x77 || c == 0x66 || c == 0x6D else { return nil }  // h w f m
    guard
      hasPrefix(p, e, "http://") || hasPrefix(p, e, "https://") || hasPrefix(p, e, "www.")
        || hasPrefix(p, e, "ftp://") || hasPrefix(p, e, "mailto:")
    else { return nil }
    var u = e
    var hasOpenParen = false
    for i in p..<e where x[i] == "(" {
      hasOpenParen = true
      break
    }
    while u > p + 4 {
      switch x[u - 1] {
      case ".", ",", ";", ":", "!", "?", "'", "\"", "\u{201D}", "\u{2019}", "\u{BB}", ">", "]":
        u -= 1
        continue
      case ")" where !hasOpenParen:
        u -= 1
        continue
      default: break
      }
      break
    }
    return u
  }

  /// End of an e-mail address starting at `p`, or nil.
  private mutating func emailEnd(_ p: Int, _ e: Int) -> Int? {
    if nextAt < p {
      nextAt = p
      while nextAt < e && x[nextAt] != "@" { nextAt += 1 }
    }
    guard nextAt < e, nextAt != failedAt else { return nil }
    var i = p
    while i < nextAt {
      let c = x[i]
      guard ScalarClass.isWord(c) || c == "." || c == "_" || c == "%" || c == "+" || c == "-"
      else { return nil }
      i += 1
    }
    guard ScalarClass.isWord(x[nextAt - 1]) else {
      failedAt = nextAt
      return nil
    }
    var u = nextAt + 1
    var dots = 0
    while u < e && (ScalarClass.isWord(x[u]) || x[u] == "." || x[u] == "-") {
      if x[u] == "." { dots += 1 }
      u += 1
    }
    while u > nextAt + 1 && (x[u - 1] == "." || x[u - 1] == "-") {
      if x[u - 1] == "." { dots -= 1 }
      u -= 1
    }
    guard dots > 0, u > nextAt + 1 else {
      failedAt = nextAt
      return nil
    }
    return u
  }

  private static let emoticons: Set<String> = [
    ":)", ":(", ":-)", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":p", ":-P", ":-p", "=)", "(:", "^_^",
    ":/", ":'(", "<3", ":o", ":O", "=(", ";(", ":]", ":[",
  ]

  /// An emoticon filling the rest of the chunk.
  private func emoticonEnd(_ p: Int, _ s: Int, _ e: Int) -> Int? {
    guard e - p >= 2, e - p <= 4 else { return nil }
    switch x[p] {
    case ":", ";", "=", "(", "^", "<": break
    default: return nil
    }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: x[p..<e])
    return Self.emoticons.contains(String(view)) ? e : nil
  }
}

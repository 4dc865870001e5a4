import Testing

@testable import Text

/// Tokenization follows UD English EWT (https://universaldependencies.org/en/tokenization.html).
struct TokenizerTests {
  let tokenizer = Tokenizer()

  @Test(
    "clitics split off their host word",
    arguments: [
      ("don't", ["do", "n't"]),
      ("Don't go", ["Do", "n't", "go"]),
      ("can't", ["ca", "n't"]),
      ("won't", ["wo", "n't"]),
      ("Russia's army", ["Russia", "'s", "army"]),
      ("Russia’s army", ["Russia", "’s", "army"]),
      ("they're here", ["they", "'re", "here"]),
      ("I'm", ["I", "'m"]),
      ("we've", ["we", "'ve"]),
      ("she'll", ["she", "'ll"]),
      ("he'd", ["he", "'d"]),
      ("cannot", ["can", "not"]),
      ("gonna", ["gon", "na"]),
      ("dont", ["do", "nt"]),
      ("the parents' car", ["the", "parents", "'", "car"]),
      ("O'Brien said", ["O'Brien", "said"]),
      ("its own army", ["its", "own", "army"]),
      ("its a trap", ["it", "s", "a", "trap"]),
    ])
  func splitsClitics(_ text: String, _ expected: [String]) {
    #expect(tokenizer.tokenize(text) == expected)
  }

  @Test(
    "clitics already split by the text stay whole",
    arguments: [
      ("Childers 's book", ["Childers", "'s", "book"]),
      ("Russia ’s army", ["Russia", "’s", "army"]),
      ("they 're here", ["they", "'re", "here"]),
      ("I 'm sure", ["I", "'m", "sure"]),
      ("do n't go", ["do", "n't", "go"]),
      ("the 's' key", ["the", "'", "s", "'", "key"]),
      ("'sup ?", ["'", "sup", "?"]),
      ("' s", ["'", "s"]),
    ])
  func keepsStandaloneClitics(_ text: String, _ expected: [String]) {
    #expect(tokenizer.tokenize(text) == expected)
  }

  @Test(
    "punctuation is separate, runs of terminators and repeated symbols are one token",
    arguments: [
      ("Hello, world!", ["Hello", ",", "world", "!"]),
      ("Wait...", ["Wait", "..."]),
      ("Really?!", ["Really", "?!"]),
      ("Wait…", ["Wait", "…"]),
      ("war--again", ["war", "--", "again"]),
      ("(see above)", ["(", "see", "above", ")"]),
      ("and/or", ["and", "/", "or"]),
      ("costs $5", ["costs", "$", "5"]),
      ("rose 3.5%", ["rose", "3.5", "%"]),
      ("yes; no: maybe", ["yes", ";", "no", ":", "maybe"]),
    ])
  func separatesPunctuation(_ text: String, _ expected: [String]) {
    #expect(tokenizer.tokenize(text) == expected)
  }

  @Test(
    "quotes are tokens of their own",
    arguments: [
      ("\"Yes,\" he said.", ["\"", "Yes", ",", "\"", "he", "said", "."]),
      ("“Yes,” he said.", ["“", "Yes", ",", "”", "he", "said", "."]),
      ("'No' she said", ["'", "No", "'", "she", "said"]),
      ("‘No’ she said", ["‘", "No", "’", "she", "said"]),
      (
        "called the reports “deeply troubling,” while",
        ["called", "the", "reports", "“", "deeply", "troubling", ",", "”", "while"]
      ),
    ])
  func separatesQuotes(_ text: String, _ expected: [String]) {
    #expect(tokenizer.tokenize(text) == expected)
  }

  @Test(
    "abbreviations and initials keep their period",
    arguments: [
      ("the U.S. military", ["the", "U.S.", "military"]),
      ("the U.N. said", ["the", "U.N.", "said"]),
      ("Mr. Smith", ["Mr.", "Smith"]),
      ("Gen. Austin", ["Gen.", "Austin"]),
      ("on Jan. 5", ["on", "Jan.", "5"]),
      ("Apple Inc. said", ["Apple", "Inc.", "said"]),
      ("J. R. R. Tolkien", ["J.", "R.", "R.", "Tolkien"]),
      ("e.g. this", ["e.g.", "this"]),
      ("at 5 p.m. today", ["at", "5", "p.m.", "today"]),
      ("No. 5", ["No.", "5"]),
      ("said no.", ["said", "no", "."]),
      ("Dr. Jekyll", ["Dr.", "Jekyll"]),
    ])
  func keepsAbbreviationPeriods(_ text: String, _ expected: [String]) {
    #expect(tokenizer.tokenize(text) == expected)
  }

  @Test(
    "an abbreviation that ends a sentence gives its period to the sentence, as EWT does",
    arguments: [
      ("They live in the U.S.", ["They", "live", "in", "the", "U.S", "."]),
      ("books, pens, etc. The rest", ["books", ",", "pens", ",", "etc", ".", "The", "rest"]),
      ("Apple Inc.\n\nNext", ["Apple", "Inc", ".", "Next"]),
      ("Mr. Smith", ["Mr.", "Smith"]),
      ("a Ph.D. A.I. expert", ["a", "Ph.D.", "A.I.", "expert"]),
    ])
  func abbreviationAtSentenceEnd(_ text: String, _ expected: [String]) {
    #expect(tokenizer.tokenize(text) == expected)
  }

  @Test(
    "numbers keep their separators",
    arguments: [
      ("1,000.50 dollars", ["1,000.50", "dollars"]),
      ("1,000,000", ["1,000,000"]),
      ("3.5", ["3.5"]),
      ("at 10:30", ["at", "10:30"]),
      ("on 11/20/2000", ["on", "11/20/2000"]),
      ("call 713-853-3989", ["call", "713-853-3989"]),
      ("in 1971-1972", ["in", "1971", "-", "1972"]),
      ("a 15-year term", ["a", "15", "-", "year", "term"]),
      ("at 10pm", ["at", "10", "pm"]),
      ("the 2nd time", ["the", "2nd", "time"]),
      ("the 1990s", ["the", "1990s"]),
      ("the '90s", ["the", "'90s"]),
      ("1,2,3", ["1", ",", "2", ",", "3"]),
      ("-5 degrees", ["-", "5", "degrees"]),
      (".5 percent", [".5", "percent"]),
      ("about 1/2 of it", ["about", "1", "/", "2", "of", "it"]),
      ("since 9/11", ["since", "9/11"]),
      ("the 80's", ["the", "80's"]),
      ("$3M deal", ["$", "3", "M", "deal"]),
      ("costs 66k. It", ["costs", "66", "k", ".", "It"]),
      ("call +44 20", ["call", "+44", "20"]),
    ])
  func keepsNumbersWhole(_ text: String, _ expected: [String]) {
    #expect(tokenizer.tokenize(text) == expected)
  }

  @Test(
    "URLs and e-mail addresses are one token",
    arguments: [
      ("see https://example.com/a/b?x=1&y=2.", ["see", "https://example.com/a/b?x=1&y=2", "."]),
      ("(www.bbc.co.uk/news)", ["(", "www.bbc.co.uk/news", ")"]),
      ("mail jane.doe@example.org, please", ["mail", "jane.doe@example.org", ",", "please"]),
      ("visit google.com today", ["visit", "google.com", "today"]),
      ("http://en.wikipedia.org/wiki/Foo_(bar)", ["http://en.wikipedia.org/wiki/Foo_(bar)"]),
      ("open ENRON.XLS now", ["open", "ENRON.XLS", "now"]),
      ("join #news, @Ryan", ["join", "#news", ",", "@Ryan"]),
    ])
  func keepsURLsAndEmailWhole(_ text: String, _ expected: [String]) {
    #expect(tokenizer.tokenize(text) == expected)
  }

  @Test(
    "hyphens split compounds as in EWT, except after prefixes and in given names",
    arguments: [
      ("Kim Jong-un met Putin", ["Kim", "Jong-un", "met", "Putin"]),
      ("Moon Jae-in", ["Moon", "Jae-in"]),
      ("Russian-backed forces", ["Russian", "-", "backed", "forces"]),
      ("an e-mail", ["an", "e-mail"]),
      ("co-workers", ["co-workers"]),
      ("non-human", ["non-human"]),
      ("Asia-Pacific region", ["Asia", "-", "Pacific", "region"]),
      ("know-how", ["know", "-", "how"]),
      ("the Soviet-era", ["the", "Soviet", "-", "era"]),
      ("a Sri Lanka-born poet", ["a", "Sri", "Lanka", "-", "born", "poet"]),
    ])
  func splitsHyphensLikeEWT(_ text: String, _ expected: [String]) {
    #expect(tokenizer.tokenize(text) == expected)
  }

  @Test("clitic splitting can be turned off")
  func clitisCanStayWhole() {
    let plain = Tokenizer(options: .init(splitsClitics: false))
    #expect(plain.tokenize("don't stop") == ["don't", "stop"])
  }

  @Test("token spans are Unicode scalar offsets and never include whitespace")
  func spansAreScalarOffsets() {
    let text = "Café 😀 “ok”"
    let spans = tokenizer.spans(text)
    let scalars = Array(text.unicodeScalars)
    #expect(spans.count == 5)
    #expect(spans[0] == 0..<4)
    for span in spans {
      #expect(!span.isEmpty)
      #expect(!scalars[span].contains { $0.properties.isWhitespace })
    }
  }

  @Test(
    "pathological input is tokenized without hanging",
    // A unit, a repeat count and a tail, so the test log names the case instead of printing it.
    arguments: [("a+", 20000, "@"), ("-", 50000, ""), ("1,", 20000, ""), ("x.", 20000, "")])
  func pathologicalInputStaysLinear(_ unit: String, _ count: Int, _ tail: String) {
    let text = String(repeating: unit, count: count) + tail
    let tokens = tokenizer.spans(text)
    #expect(!tokens.isEmpty)
    #expect(tokens.last!.upperBound == text.unicodeScalars.count)
  }
}

// MARK: - Hand-written tables for the gazetteer builder

/// Facts the sources do not carry, written by hand and listed in NOTICE.gazetteer.
enum GazetteerTables {
  /// A major international organisation.
  struct Organization {
    var key: String
    var label: String
    /// Wikidata QID, only where checked; nil where it was not.
    var wikidata: String?
    var names: [String]
    var abbreviations: [String]
  }

  /// Major international organisations. PETRARCH2's international actors dictionary adds the
  /// other spellings of its record that holds one of these names (see ``GazetteerBuilder``).
  static let organizations: [Organization] = [
    .init(
      key: "united-nations", label: "United Nations", wikidata: "Q1065",
      names: ["United Nations", "United Nations Organization"], abbreviations: ["UN", "U.N.", "UNO"]),
    .init(
      key: "un-security-council", label: "UN Security Council", wikidata: "Q37470",
      names: [
        "United Nations Security Council", "UN Security Council", "U.N. Security Council", "Security Council",
      ],
      abbreviations: ["UNSC"]),
    .init(
      key: "un-general-assembly", label: "UN General Assembly", wikidata: "Q47423",
      names: [
        "United Nations General Assembly", "UN General Assembly", "U.N. General Assembly", "General Assembly",
      ],
      abbreviations: ["UNGA"]),
    .init(
      key: "nato", label: "NATO", wikidata: "Q7184",
      names: [
        "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "North Atlantic Alliance",
      ],
      abbreviations: ["NATO", "OTAN"]),
    .init(
      key: "european-union", label: "European Union", wikidata: "Q458", names: ["European Union"],
      abbreviations: ["EU", "E.U."]),
    .init(
      key: "european-commission", label: "European Commission", wikidata: "Q8880",
      names: ["European Commission"],
      abbreviations: []),
    .init(
      key: "council-of-europe", label: "Council of Europe", wikidata: "Q8908", names: ["Council of Europe"],
      abbreviations: []),
    .init(
      key: "iaea", label: "International Atomic Energy Agency", wikidata: nil,
      names: ["International Atomic Energy Agency"], abbreviations: ["IAEA"]),
    .init(
      key: "world-health-organization", label: "World Health Organization", wikidata: "Q7817",
      names: ["World Health Organization", "World Health Organisation"], abbreviations: ["WHO"]),
    .init(
      key: "imf", label: "International Monetary Fund", wikidata: "Q7804",
      names: ["International Monetary Fund"],
      abbreviations: ["IMF"]),
    .init(
      key: "world-bank", label: "World Bank", wikidata: "Q7164", names: ["World Bank"], abbreviations: []),
    .init(
      key: "opec", label: "OPEC", wikidata: "Q7795",
      names: [
        "Organization of the Petroleum Exporting Countries", "Organization of Petroleum Exporting Countries",
      ],
      abbreviations: ["OPEC"]),
    .init(
      key: "asean", label: "ASEAN", wikidata: "Q7768",
      names: ["Association of Southeast Asian Nations", "Association of South East Asian Nations"],
      abbreviations: ["ASEAN"]),
    .init(
      key: "african-union", label: "African Union", wikidata: "Q7159", names: ["African Union"],
      abbreviations: ["AU"]),
    .init(key: "g7", label: "G7", wikidata: nil, names: ["Group of Seven", "G-7"], abbreviations: ["G7"]),
    .init(
      key: "g20", label: "G20", wikidata: "Q19771", names: ["Group of Twenty", "G-20"], abbreviations: ["G20"]
    ),
    .init(
      key: "world-trade-organization", label: "World Trade Organization", wikidata: "Q7825",
      names: ["World Trade Organization", "World Trade Organisation"], abbreviations: ["WTO"]),
    .init(
      key: "osce", label: "Organization for Security and Co-operation in Europe", wikidata: "Q81299",
      names: [
        "Organization for Security and Co-operation in Europe",
        "Organization for Security and Cooperation in Europe",
      ], abbreviations: ["OSCE"]),
    .init(
      key: "icrc", label: "International Committee of the Red Cross", wikidata: "Q71960",
      names: ["International Committee of the Red Cross", "Red Cross"], abbreviations: ["ICRC"]),
    .init(
      key: "international-criminal-court", label: "International Criminal Court", wikidata: "Q47488",
      names: ["International Criminal Court"], abbreviations: ["ICC"]),
    .init(
      key: "international-court-of-justice", label: "International Court of Justice", wikidata: nil,
      names: ["International Court of Justice", "World Court"], abbreviations: ["ICJ"]),
    .init(
      key: "arab-league", label: "Arab League", wikidata: "Q7172",
      names: ["Arab League", "League of Arab States"],
      abbreviations: []),
    .init(
      key: "commonwealth-of-nations", label: "Commonwealth of Nations", wikidata: "Q7785",
      names: ["Commonwealth of Nations"], abbreviations: []),
    .init(
      key: "unicef", label: "UNICEF", wikidata: "Q740308", names: ["United Nations Children's Fund"],
      abbreviations: ["UNICEF"]),
    .init(
      key: "organization-of-american-states", label: "Organization of American States", wikidata: nil,
      names: ["Organization of American States"], abbreviations: ["OAS"]),
    .init(
      key: "european-parliament", label: "European Parliament", wikidata: nil, names: ["European Parliament"],
      abbreviations: []),
    .init(
      key: "unhcr", label: "UNHCR", wikidata: nil, names: ["UN Refugee Agency", "UN refugee agency"],
      abbreviations: ["UNHCR"]),
    .init(key: "unesco", label: "UNESCO", wikidata: nil, names: [], abbreviations: ["UNESCO"]),
    .init(
      key: "interpol", label: "Interpol", wikidata: nil, names: ["Interpol"], abbreviations: ["INTERPOL"]),
    .init(
      key: "amnesty-international", label: "Amnesty International", wikidata: "Q42970",
      names: ["Amnesty International"], abbreviations: []),
    .init(key: "brics", label: "BRICS", wikidata: nil, names: [], abbreviations: ["BRICS"]),
    .init(
      key: "shanghai-cooperation-organisation", label: "Shanghai Cooperation Organisation", wikidata: nil,
      names: ["Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"],
      abbreviations: ["SCO"]),
  ]

  /// Armed non-state groups with checked QIDs, by the key the builder gives them.
  static let armedGroupWikidata: [String: String] = [
    "organization:hamas": "Q38799",
    "organization:hezbollah": "Q41053",
    "organization:taliban": "Q42418",
  ]

  /// Names the country sources lack, by ISO alpha-2 code.
  static let extraCountryNames: [String: [(String, Gazetteer.NameKind)]] = [
    "US": [
      ("America", .name), ("United States", .name), ("U.S.", .abbreviation), ("U.S.A.", .abbreviation),
      ("Washington", .capital), ("Washington, D.C.", .capital), ("White House", .seat), ("Pentagon", .seat),
      ("Americans", .demonymPlural),
    ],
    "GB": [
      ("Britain", .name), ("Great Britain", .name), ("U.K.", .abbreviation), ("UK", .abbreviation),
      ("Downing Street", .seat), ("Whitehall", .seat), ("Briton", .demonym), ("Britons", .demonymPlural),
    ],
    "RU": [("Kremlin", .seat)],
    "UA": [("Kiev", .capital)],
    "TR": [("Turkey", .name)],
    "MM": [("Burma", .name)],
    "CZ": [("Czech Republic", .name)],
    "KR": [("ROK", .abbreviation), ("Blue House", .seat)],
    "CN": [("PRC", .abbreviation), ("Zhongnanhai", .seat)],
    "FR": [("Elysee", .seat), ("Élysée", .seat)],
    "NL": [("Holland", .name)],
    "AE": [("UAE", .abbreviation)],
    "SZ": [("Swaziland", .name)],
    "CV": [("Cape Verde", .name)],
    "TL": [("East Timor", .name)],
    "PH": [("Filipinos", .demonymPlural)],
  ]

  /// Role heads that the agents dictionary lacks, yet titles in news end with.
  static let roleHeads: [String] = [
    "leader", "leaders", "minister", "ministers", "secretary", "secretary-general", "spokesman",
    "spokeswoman",
    "spokesperson", "fellow", "chief", "ambassador", "envoy", "general", "commander", "official", "officials",
    "adviser", "advisor", "director", "director-general", "chairman", "chairwoman", "chair", "head",
    "governor",
    "senator", "president", "premier", "chancellor", "king", "queen", "emperor", "analyst", "professor",
    "researcher", "expert", "officer", "diplomat", "mayor", "lawmaker", "representative", "correspondent",
    "reporter", "editor", "spokespeople", "aide", "deputy", "mp", "mep", "msp",
  ]

  /// Words that may stand before a role head inside a title ("Defense Secretary").
  static let titleModifiers: [String] = [
    "defense", "defence", "foreign", "interior", "finance", "prime", "deputy", "vice", "chief", "senior",
    "state",
    "supreme", "acting", "former", "first", "executive", "general", "home", "economy", "trade", "justice",
    "education", "health", "energy", "environment", "culture", "transport", "agriculture", "labor", "labour",
    "treasury", "security", "national", "research", "press", "white", "house", "assistant", "under", "top",
  ]

  /// Words that mark a phrase of the armed-groups dictionary as a group's name, not a member's.
  static let groupWords: Set<String> = [
    "army", "front", "movement", "brigade", "brigades", "organization", "organisation", "party", "group",
    "force", "forces", "council", "committee", "liberation", "resistance", "jihad", "league", "union",
    "alliance", "militia", "militias", "commando", "commandos", "cells", "cell", "faction", "battalion",
    "battalions", "legion", "guard", "guards", "mujahideen", "mujahidin", "mujahedin", "fighters", "network",
    "federation", "command", "unit", "units", "squad", "squads", "youth", "tigers", "revolutionary",
    "revolutionaries", "rebels", "insurgents", "jamaat", "jemaah", "jamiat", "lashkar", "harakat", "hizb",
    "jaish", "ansar", "ansaru", "tehrik", "qaeda", "qaida", "shabaab", "shabab", "haram", "taliban",
    "hezbollah",
    "hizballah", "hamas", "state", "foundation", "society", "association", "coalition", "assembly",
  ]

  /// Single-word group names kept even where their record has no group word.
  static let knownGroups: Set<String> = [
    "hamas", "hezbollah", "taliban", "interahamwe", "alshabaab", "ansaru", "alfatah", "fatah", "janjaweed",
  ]

  /// Single armed-group names too close to common words to scan for.
  static let armedGroupStopNames: Set<String> = [
    "tigers", "contras", "amal", "hisba", "clandestini", "unita", "zero", "car", "let", "ana", "war", "jem",
  ]
}

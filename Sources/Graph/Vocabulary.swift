import RDF

/// The NewsGraph ontology, `ng:` (schemas/newsgraph.ttl). Names mirror the IRIs' local names:
/// capitalized for classes and individuals, lower camel case for properties.
public enum NG {
  public static let ns = "https://w3id.org/newsgraph/ns#"
  static func term(_ local: String) -> IRI { IRI(unchecked: ns + local) }

  // MARK: - Classes
  public static let Entity = term("Entity")
  public static let Group = term("Group")
  public static let Concept = term("Concept")
  public static let Statement = term("Statement")
  public static let Relation = term("Relation")
  public static let Evidence = term("Evidence")
  public static let Modality = term("Modality")
  public static let Polarity = term("Polarity")

  // MARK: - Properties
  public static let key = term("key")
  public static let alias = term("alias")
  public static let mentionCount = term("mentionCount")
  public static let mentionedIn = term("mentionedIn")
  public static let sourceFile = term("sourceFile")
  public static let relationClass = term("relationClass")
  public static let modality = term("modality")
  public static let polarity = term("polarity")
  public static let confidence = term("confidence")
  public static let evidence = term("evidence")
  public static let article = term("article")
  public static let sentenceIndex = term("sentenceIndex")
  public static let charStart = term("charStart")
  public static let charEnd = term("charEnd")
  public static let text = term("text")
  public static let statement = term("statement")
  public static let support = term("support")
  public static let firstDate = term("firstDate")
  public static let lastDate = term("lastDate")
  public static let contested = term("contested")

  // MARK: - Individuals
  public static let Asserted = term("Asserted")
  public static let Reported = term("Reported")
  public static let Possible = term("Possible")
  public static let Hypothetical = term("Hypothetical")
  public static let Speculated = term("Speculated")
  public static let Positive = term("Positive")
  public static let Negative = term("Negative")
}

/// One predicate per normalized verb predicate: `ngr:condemn`, `ngr:impose_on`.
public enum NGR {
  public static let ns = "https://w3id.org/newsgraph/relation/"
}

/// The schema.org terms NewsGraph uses. https://schema.org/
public enum Schema {
  public static let ns = "https://schema.org/"
  static func term(_ local: String) -> IRI { IRI(unchecked: ns + local) }

  public static let NewsArticle = term("NewsArticle")
  public static let Person = term("Person")
  public static let Organization = term("Organization")
  public static let Country = term("Country")
  public static let City = term("City")
  public static let Place = term("Place")
  public static let identifier = term("identifier")
  public static let headline = term("headline")
  public static let url = term("url")
  public static let datePublished = term("datePublished")
  public static let jobTitle = term("jobTitle")
  public static let affiliation = term("affiliation")
}

/// The PROV-O terms NewsGraph uses. https://www.w3.org/TR/prov-o/
public enum PROV {
  public static let ns = "http://www.w3.org/ns/prov#"
  public static let wasAttributedTo = IRI(unchecked: ns + "wasAttributedTo")
  public static let wasDerivedFrom = IRI(unchecked: ns + "wasDerivedFrom")
}

/// Wikidata items. https://www.wikidata.org/
public enum WD {
  public static let ns = "http://www.wikidata.org/entity/"
}

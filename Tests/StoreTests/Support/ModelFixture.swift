import Foundation

/// A small dataset shaped like NewsGraph's RDF model (Sources/Graph/RDFMapping.swift), written as
/// N-Quads: entities and articles in the default graph; each article's relations, statement nodes and
/// evidence in the named graph of the article.
struct ModelFixture {
  static let base = "https://example.org/newsgraph/"
  static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
  static let xsd = "http://www.w3.org/2001/XMLSchema#"
  static let schema = "https://schema.org/"
  static let ng = "https://w3id.org/newsgraph/ns#"
  static let ngr = "https://w3id.org/newsgraph/relation/"
  static let prov = "http://www.w3.org/ns/prov#"

  struct Entity {
    let type: String
    let slug: String
    let schemaClass: String
    let name: String
    var iri: String { "\(ModelFixture.base)entity/\(type)/\(slug)" }
  }

  struct Claim {
    let subject: Entity
    let relation: String
    let object: Entity
    let modality: String
    let confidence: String
    let span: (Int, Int)
    let quote: String
  }

  struct Article {
    let slug: String
    let headline: String
    let claims: [Claim]
    var iri: String { "\(ModelFixture.base)article/\(slug)" }
  }

  static let austin = Entity(
    type: "person", slug: "lloyd-austin", schemaClass: "Person", name: "Lloyd Austin")
  static let northKorea = Entity(
    type: "country", slug: "north-korea", schemaClass: "Country", name: "North Korea")
  static let russia = Entity(type: "country", slug: "russia", schemaClass: "Country", name: "Russia")
  static let nato = Entity(type: "organization", slug: "nato", schemaClass: "Organization", name: "NATO")

  let entities = [austin, northKorea, russia, nato]
  let articles = [
    Article(
      slug: "troops-1", headline: "North Korean troops in Russia, \"Pentagon\" says",
      claims: [
        Claim(
          subject: northKorea, relation: "supply", object: russia, modality: "Asserted", confidence: "0.91",
          span: (0, 48), quote: "North Korea is supplying Russia with troops"),
        Claim(
          subject: austin, relation: "condemn", object: northKorea, modality: "Reported", confidence: "0.84",
          span: (49, 120), quote: "Austin condemned North Korea, officials said"),
      ]),
    Article(
      slug: "troops-2", headline: "NATO weighs response",
      claims: [
        Claim(
          subject: austin, relation: "condemn", object: northKorea, modality: "Asserted", confidence: "0.77",
          span: (10, 70), quote: "Lloyd Austin condemned North Korea"),
        Claim(
          subject: nato, relation: "warn", object: russia, modality: "Hypothetical", confidence: "0.55",
          span: (71, 140), quote: "NATO would warn Russia if it escalated"),
      ]),
  ]

  /// The statement node of the `index`-th claim of `article`.
  func statementIRI(_ article: Article, _ index: Int) -> String {
    "\(ModelFixture.base)statement/\(article.slug)-\(index + 1)"
  }

  /// Default-graph quads (entities, articles) and named-graph quads (relations, statements),
  /// interleaved article by article as a streaming writer would produce them.
  var nQuads: String {
    var lines: [String] = []
    func quad(_ s: String, _ p: String, _ o: String, _ g: String? = nil) {
      lines.append("<\(s)> <\(p)> \(o)" + (g.map { " <\($0)>" } ?? "") + " .")
    }
    for entity in entities {
      quad(entity.iri, ModelFixture.rdf + "type", "<\(ModelFixture.ng)Entity>")
      quad(entity.iri, ModelFixture.rdf + "type", "<\(ModelFixture.schema)\(entity.schemaClass)>")
      quad(entity.iri, ModelFixture.rdfs + "label", "\"\(entity.name)\"")
      quad(entity.iri, ModelFixture.ng + "key", "\"\(entity.type):\(entity.slug)\"")
    }
    for article in articles {
      quad(article.iri, ModelFixture.rdf + "type", "<\(ModelFixture.schema)NewsArticle>")
      let headline = article.headline.replacingOccurrences(of: "\"", with: "\\\"")
      quad(article.iri, ModelFixture.schema + "headline", "\"\(headline)\"")
      for (index, claim) in article.claims.enumerated() {
        let g = article.iri
        let node = statementIRI(article, index)
        let predicate = ModelFixture.ngr + claim.relation
        quad(claim.subject.iri, predicate, "<\(claim.object.iri)>", g)
        quad(node, ModelFixture.rdf + "type", "<\(ModelFixture.ng)Statement>", g)
        quad(node, ModelFixture.rdf + "subject", "<\(claim.subject.iri)>", g)
        quad(node, ModelFixture.rdf + "predicate", "<\(predicate)>", g)
        quad(node, ModelFixture.rdf + "object", "<\(claim.object.iri)>", g)
        quad(node, ModelFixture.ng + "modality", "<\(ModelFixture.ng)\(claim.modality)>", g)
        quad(node, ModelFixture.ng + "polarity", "<\(ModelFixture.ng)Positive>", g)
        quad(node, ModelFixture.ng + "confidence", "\"\(claim.confidence)\"^^<\(ModelFixture.xsd)decimal>", g)
        quad(node, ModelFixture.prov + "wasDerivedFrom", "<\(article.iri)>", g)
        let evidence = "\(article.iri)#char=\(claim.span.0),\(claim.span.1)"
        quad(node, ModelFixture.ng + "evidence", "<\(evidence)>", g)
        quad(evidence, ModelFixture.rdf + "type", "<\(ModelFixture.ng)Evidence>", g)
        quad(evidence, ModelFixture.ng + "article", "<\(article.iri)>", g)
        quad(evidence, ModelFixture.ng + "charStart", "\"\(claim.span.0)\"^^<\(ModelFixture.xsd)integer>", g)
        quad(evidence, ModelFixture.ng + "charEnd", "\"\(claim.span.1)\"^^<\(ModelFixture.xsd)integer>", g)
        quad(evidence, ModelFixture.ng + "text", "\"\(claim.quote)\"", g)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Quads per graph name (`nil` for the default graph), counted from the text itself.
  var countsByGraph: [String?: Int] {
    var counts: [String?: Int] = [:]
    for line in nQuads.split(separator: "\n") {
      // Every line ends in ` .`; a quad's last term before it is a graph IRI when there are four terms.
      let graph = articles.first { line.hasSuffix(" <\($0.iri)> .") }?.iri
      counts[graph, default: 0] += 1
    }
    return counts
  }

  /// Distinct triples once graph names are dropped: the same claim from two articles is one triple.
  var distinctTriples: Int {
    Set(
      nQuads.split(separator: "\n").map { line in
        var text = String(line.dropLast(2))
        if let article = articles.first(where: { text.hasSuffix(" <\($0.iri)>") }) {
          text.removeLast(article.iri.count + 3)
        }
        return text
      }
    ).count
  }

  /// Writes the dataset to a fresh temporary file with extension `ext`.
  func write(_ text: String? = nil, ext: String = "nq") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "newsgraph-\(UUID().uuidString).\(ext)")
    try (text ?? nQuads).write(to: url, atomically: true, encoding: .utf8)
    return url
  }
}

import Extraction
import RDF

/// Reads a graph that ``RDFMapping`` wrote back into a ``KnowledgeGraph``: the exact inverse of
/// the mapping for our own output, so that incremental builds, diffs, rendering and loading can
/// start from a graph file.
///
/// The base IRI is found in the data (from a statement, entity or article IRI), so files written
/// with `--base-iri` read back without being told it. Graph names are ignored: every statement
/// carries its article in `prov:wasDerivedFrom`. Two limits follow from the mapping itself:
/// confidences come back rounded to 3 decimals, and statements that mint the same statement IRI
/// (same subject, predicate, object, article, sentence and span) come back as one.
public enum GraphReader {
  /// Streams an N-Quads (or N-Triples) file and rebuilds the graph.
  /// Throws ``RDFError`` for unreadable or malformed files, ``RDFMappingError`` for RDF that is not
  /// a NewsGraph graph.
  public static func read(nquadsFile path: String) throws -> KnowledgeGraph {
    let reader = try NQuadsReader(path: path)
    var collector = Collector()
    while let quad = try reader.next() { collector.add(quad) }
    return try collector.graph(source: path)
  }

  /// Rebuilds the graph from quads in any order; `source` names the input in errors.
  public static func graph(from quads: some Sequence<Quad>, source: String = "-") throws(RDFMappingError)
    -> KnowledgeGraph
  {
    var collector = Collector()
    for quad in quads { collector.add(quad) }
    return try collector.graph(source: source)
  }
}

extension KnowledgeGraph {
  /// The graph that ``RDFMapping/quads(for:)`` mapped to `quads`. See ``GraphReader``.
  public init(quads: some Sequence<Quad>, source: String = "-") throws(RDFMappingError) {
    self = try GraphReader.graph(from: quads, source: source)
  }
}

// MARK: - Collector

/// The properties of every IRI subject, gathered over all graphs.
struct Collector {
  typealias Properties = [(predicate: IRI, object: Term)]
  var properties: [IRI: Properties] = [:]
  var statements: [IRI] = []
  var entities: [IRI] = []
  var articles: [IRI] = []

  mutating func add(_ quad: Quad) {
    guard case .iri(let subject) = quad.subject else { return }
    if quad.predicate == RDFVocabulary.type, let type = quad.object.iri {
      switch type {
      case NG.Statement: statements.append(subject)
      case NG.Entity: entities.append(subject)
      case Schema.NewsArticle: articles.append(subject)
      default: break
      }
    }
    properties[subject, default: []].append((quad.predicate, quad.object))
  }

  func graph(source: String) throws(RDFMappingError) -> KnowledgeGraph {
    let mapping = try inferMapping(source: source)
    var reading = Reading(collector: self, mapping: mapping, source: source)
    return try reading.graph()
  }

  // MARK: - Base IRI

  /// The mapping whose base IRI minted these IRIs, found from the first statement, entity or
  /// article; the default base when the data has none of them.
  func inferMapping(source: String) throws(RDFMappingError) -> RDFMapping {
    func mapping(base: Substring) throws(RDFMappingError) -> RDFMapping {
      do { return try RDFMapping(baseIRI: String(base)) } catch {
        throw .unreadableGraph(source: source, reason: "cannot find the base IRI: \(error)")
      }
    }
    // `{base}statement/` and 16 hex digits.
    if let statement = statements.min(), statement.value.dropLast(16).hasSuffix("statement/") {
      return try mapping(base: statement.value.dropLast(16 + "statement/".count))
    }
    if let entity = entities.min(), let key = literal(entity, NG.key) {
      let suffix = RDFMapping.entityPath(key)
      if entity.value.hasSuffix(suffix) { return try mapping(base: entity.value.dropLast(suffix.count)) }
    }
    if let article = articles.min(), let id = literal(article, Schema.identifier) {
      let suffix = RDFMapping.articlePath(id)
      if article.value.hasSuffix(suffix) { return try mapping(base: article.value.dropLast(suffix.count)) }
    }
    return try mapping(base: RDFMapping.defaultBaseIRI[...])
  }

  // MARK: - Lookup

  func values(_ subject: IRI, _ predicate: IRI) -> [Term] {
    (properties[subject] ?? []).filter { $0.predicate == predicate }.map(\.object)
  }

  func literal(_ subject: IRI, _ predicate: IRI) -> String? {
    properties[subject]?.first { $0.predicate == predicate && $0.object.literal != nil }?.object.literal?
      .lexicalForm
  }

  func iri(_ subject: IRI, _ predicate: IRI) -> IRI? {
    properties[subject]?.first { $0.predicate == predicate && $0.object.iri != nil }?.object.iri
  }
}

// MARK: - Reading

/// Turns the collected properties into graph values, with errors that name the node at fault.
struct Reading {
  let collector: Collector
  let mapping: RDFMapping
  let source: String

  mutating func graph() throws(RDFMappingError) -> KnowledgeGraph {
    var articles: [ArticleInfo] = []
    for node in Set(collector.articles) { articles.append(try article(node)) }
    var entities: [GraphEntity] = []
    for node in Set(collector.entities) { entities.append(try entity(node)) }

    var relations: [RelationKey: GraphRelation] = [:]
    for node in Set(collector.statements) {
      let (key, relationClass, statement) = try statement(node)
      relations[
        key,
        default: GraphRelation(
          subject: key.subject, predicate: key.predicate, relationClass: nil, object: key.object,
          statements: [])
      ]
      .statements.append(statement)
      if let relationClass { relations[key]!.relationClass = relationClass }
    }
    var sortedRelations = Array(relations.values)
    for index in sortedRelations.indices {
      sortedRelations[index].statements.sort {
        ($0.article, $0.sentence, $0.span.lowerBound, $0.span.upperBound)
          < ($1.article, $1.sentence, $1.span.lowerBound, $1.span.upperBound)
      }
    }
    sortedRelations.sort { ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object) }
    return KnowledgeGraph(
      articles: articles.sorted { $0.id < $1.id }, entities: entities.sorted { $0.key < $1.key },
      relations: sortedRelations)
  }

  struct RelationKey: Hashable {
    var subject: String
    var predicate: String
    var object: String
  }

  func fail(_ node: IRI, _ reason: String) -> RDFMappingError {
    .unreadableGraph(source: source, reason: "<\(node.value)> \(reason)")
  }

  func entityKey(_ node: IRI, _ predicate: IRI, of subject: IRI) throws(RDFMappingError) -> String {
    guard let iri = collector.iri(subject, predicate) else {
      throw fail(subject, "has no <\(predicate.value)>")
    }
    guard let key = mapping.entityKey(from: iri) else {
      throw fail(subject, "points to <\(iri.value)>, which is not an entity IRI under \(mapping.baseIRI)")
    }
    return key
  }

  func articleID(_ iri: IRI, of subject: IRI) throws(RDFMappingError) -> String {
    guard let id = mapping.articleID(from: iri) else {
      throw fail(subject, "points to <\(iri.value)>, which is not an article IRI under \(mapping.baseIRI)")
    }
    return id
  }

  func integer(_ subject: IRI, _ predicate: IRI) throws(RDFMappingError) -> Int {
    guard let lexical = collector.literal(subject, predicate), let value = Int(lexical) else {
      throw fail(subject, "has no integer <\(predicate.value)>")
    }
    return value
  }

  // MARK: - Nodes

  func article(_ node: IRI) throws(RDFMappingError) -> ArticleInfo {
    guard let id = collector.literal(node, Schema.identifier) ?? mapping.articleID(from: node) else {
      throw fail(node, "is a schema:NewsArticle without schema:identifier")
    }
    return ArticleInfo(
      id: id, source: collector.literal(node, NG.sourceFile) ?? "",
      title: collector.literal(node, Schema.headline),
      url: collector.literal(node, Schema.url), date: collector.literal(node, Schema.datePublished))
  }

  func entity(_ node: IRI) throws(RDFMappingError) -> GraphEntity {
    guard let key = collector.literal(node, NG.key) ?? mapping.entityKey(from: node) else {
      throw fail(node, "is an ng:Entity without ng:key")
    }
    let classes = Set(collector.values(node, RDFVocabulary.type).compactMap(\.iri))
    let type =
      EntityType.allCases.first { RDFMapping.entityClass($0).map(classes.contains) ?? false } ?? .unknown
    let aliases = Set(collector.values(node, NG.alias).compactMap { $0.literal?.lexicalForm }).sorted()
    let wikidata = collector.values(node, OWL.sameAs).compactMap { term -> String? in
      guard let iri = term.iri, iri.value.hasPrefix(WD.ns) else { return nil }
      return RDFMapping.percentDecode(iri.value.dropFirst(WD.ns.count))
    }.min()
    var affiliation: String?
    if collector.iri(node, Schema.affiliation) != nil {
      affiliation = try entityKey(node, Schema.affiliation, of: node)
    }
    var articles: [String] = []
    for term in collector.values(node, NG.mentionedIn) {
      guard let iri = term.iri else { throw fail(node, "has a literal ng:mentionedIn") }
      articles.append(try articleID(iri, of: node))
    }
    return GraphEntity(
      key: key, label: collector.literal(node, RDFS.label) ?? "", type: type, aliases: aliases,
      wikidata: wikidata,
      jobTitle: collector.literal(node, Schema.jobTitle), affiliation: affiliation,
      articles: Set(articles).sorted(),
      mentionCount: collector.literal(node, NG.mentionCount).flatMap { Int($0) } ?? 0)
  }

  func statement(_ node: IRI) throws(RDFMappingError) -> (RelationKey, String?, GraphStatement) {
    let subject = try entityKey(node, RDFVocabulary.subject, of: node)
    let object = try entityKey(node, RDFVocabulary.object, of: node)
    guard let predicateIRI = collector.iri(node, RDFVocabulary.predicate),
      let predicate = RDFMapping.predicate(from: predicateIRI)
    else { throw fail(node, "has no rdf:predicate in the ngr: namespace") }
    guard let articleIRI = collector.iri(node, PROV.wasDerivedFrom) else {
      throw fail(node, "has no prov:wasDerivedFrom")
    }
    let article = try articleID(articleIRI, of: node)
    guard let evidence = collector.iri(node, NG.evidence) else { throw fail(node, "has no ng:evidence") }
    let start = try integer(evidence, NG.charStart)
    let end = try integer(evidence, NG.charEnd)
    guard start <= end else { throw fail(evidence, "has ng:charStart after ng:charEnd") }
    guard let modalityIRI = collector.iri(node, NG.modality),
      let modality = Modality.allCases.first(where: { RDFMapping.modalityIRI($0) == modalityIRI })
    else { throw fail(node, "has no known ng:modality") }
    guard let polarityIRI = collector.iri(node, NG.polarity),
      let polarity = [Polarity.positive, .negative].first(where: { RDFMapping.polarityIRI($0) == polarityIRI }
      )
    else { throw fail(node, "has no known ng:polarity") }
    guard let confidence = collector.literal(node, NG.confidence).flatMap(Double.init) else {
      throw fail(node, "has no decimal ng:confidence")
    }
    var attribution: String?
    if collector.iri(node, PROV.wasAttributedTo) != nil {
      attribution = try entityKey(node, PROV.wasAttributedTo, of: node)
    }
    let statement = GraphStatement(
      article: article, sentence: try integer(evidence, NG.sentenceIndex), span: start..<end,
      evidence: collector.literal(evidence, NG.text) ?? "", confidence: confidence, modality: modality,
      polarity: polarity, attribution: attribution)
    return (
      RelationKey(subject: subject, predicate: predicate, object: object),
      collector.literal(node, NG.relationClass), statement
    )
  }
}

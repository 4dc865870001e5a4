// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "NewsGraph",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "RDF", targets: ["RDF"]),
    .library(name: "Text", targets: ["Text"]),
    .library(name: "NLP", targets: ["NLP"]),
    .library(name: "Extraction", targets: ["Extraction"]),
    .library(name: "Graph", targets: ["Graph"]),
    .library(name: "Pipeline", targets: ["Pipeline"]),
    .library(name: "Diagram", targets: ["Diagram"]),
    .library(name: "Store", targets: ["Store"]),
    .executable(name: "newsgraph", targets: ["newsgraph"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // RDF terms, writers and the N-Triples/N-Quads reader. Knows no NewsGraph concept.
    .target(name: "RDF"),
    // Articles, decoding, HTML to text, boilerplate, sentences, tokens, the Document.
    .target(name: "Text"),
    // Statistical models in pure Swift: tagger, lemmatizer, parser, entity recognizer.
    .target(
      name: "NLP", dependencies: ["Text", "CPrefetch"], resources: [.copy("Models")],
      // The models' inner loops work on buffers of reused workspace objects, where the run-time
      // exclusivity checks cost a few percent of a build; debug builds (and so the tests) keep them.
      swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
    // One inline C function: a cache prefetch hint for the models' table lookups.
    .target(name: "CPrefetch"),
    // The command's allocator setting: freed memory is kept for reuse (fewer fresh pages).
    .target(name: "CAllocator"),
    // Entities and claims from annotated documents.
    .target(name: "Extraction", dependencies: ["NLP", "Text"], resources: [.copy("Resources")]),
    // The merged knowledge graph, its resolution and its mapping to RDF.
    .target(name: "Graph", dependencies: ["Extraction", "RDF"]),
    // The whole flow from inputs to a merged graph, for the CLI and other programs.
    .target(name: "Pipeline", dependencies: ["Text", "NLP", "Extraction", "Graph"]),
    .systemLibrary(
      name: "CGraphviz",
      pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
    ),
    // DOT from a graph, rendered in-process by libgvc behind one lock.
    .target(name: "Diagram", dependencies: ["Graph", "CGraphviz"]),
    // Upload to a SPARQL 1.1 Graph Store Protocol endpoint.
    .target(name: "Store", dependencies: ["RDF"]),
    .executableTarget(
      name: "newsgraph",
      dependencies: [
        "RDF", "Text", "NLP", "Extraction", "Graph", "Pipeline", "Diagram", "Store", "CAllocator",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "RDFTests", dependencies: ["RDF"], exclude: ["Golden", "Interop"]),
    .testTarget(name: "TextTests", dependencies: ["Text"]),
    .testTarget(name: "NLPTests", dependencies: ["NLP", "Text"]),
    .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "NLP", "Text"]),
    .testTarget(name: "GraphTests", dependencies: ["Graph", "Extraction", "RDF", "Text"]),
    .testTarget(name: "DiagramTests", dependencies: ["Diagram", "Graph"]),
    .testTarget(name: "StoreTests", dependencies: ["Store", "RDF"]),
    .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Graph", "Extraction", "Text"]),
    .testTarget(
      name: "FuzzTests", dependencies: ["Pipeline", "Graph", "Extraction", "NLP", "Text", "RDF", "Diagram"],
      resources: [.copy("Seeds")]),
  ],
  swiftLanguageModes: [.v6]
)

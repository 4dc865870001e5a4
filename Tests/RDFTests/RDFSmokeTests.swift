import Testing
@testable import RDF

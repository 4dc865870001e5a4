import Testing
@testable import Graph

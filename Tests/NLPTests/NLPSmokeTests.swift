import Testing
@testable import NLP

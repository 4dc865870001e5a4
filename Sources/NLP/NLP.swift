// The NLP module; see Package.swift.

// The Diagram module; see Package.swift.

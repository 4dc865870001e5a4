// The Store module; see Package.swift.

#!/usr/bin/env bash
# Sets up and runs every test: the Swift unit tests, then the end-to-end checks of our output with
# the tools people use (rdflib, pyld, pyshacl, pyoxigraph, an Oxigraph server).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --python
export OXIGRAPH_BIN="$PWD/.venv/bin/oxigraph"
swift build --build-tests
# The tests against a real Oxigraph server run in a process of their own. In one process with the
# fuzz suites, whose CPU-bound work takes every thread of the test process for a minute or more,
# URLSession's own queue can wait that long mid-request; Oxigraph then times the connection out
# (60 s) and answers 500 "Resource temporarily unavailable".
swift test --skip-build --skip GraphLoaderOxigraphTests
swift test --skip-build --filter GraphLoaderOxigraphTests
export NEWSGRAPH_BIN="$PWD/.build/debug/newsgraph"
.venv/bin/python -m pytest -q Tests/python

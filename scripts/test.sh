#!/usr/bin/env bash
# Sets up and runs every test: the Swift unit tests, then the end-to-end checks of our output with
# the tools people use (rdflib, pyld, pyshacl, pyoxigraph, an Oxigraph server).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --python
export OXIGRAPH_BIN="$PWD/.venv/bin/oxigraph"
swift build --build-tests
swift test --skip-build
export NEWSGRAPH_BIN="$PWD/.build/debug/newsgraph"
.venv/bin/python -m pytest -q Tests/python

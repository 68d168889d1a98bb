#!/usr/bin/env python3
"""Writes fuzz/triggers.dict (libFuzzer dictionary) from data/lexicon/triggers.txt plus fixed words.

Usage: python3 fuzz/make_dict.py            (from the repository root)
"""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_TRIGGERS = 600

EXTRA = """january february march april may june july august september october november december jan feb mar apr jun
jul aug sep sept oct nov dec sunday monday tuesday wednesday thursday friday saturday today yesterday tonight last
night week month year ago since earlier this previous days weeks months after before one two three four five six
seven eight nine ten eleven twelve twenty thirty hundred thousand million billion dozen dozens scores hundreds
thousands at least more than some about nearly between and to or killed wounded injured dead captured displaced
arrested said according claimed denied will did not the group it they militants fighters forces army police
civilians troops government rebels Islamic State U.S. U.N. Lt. Col. Dec. Reuters AFP By VOA News""".split()
SYNTAX = [" | ", "|", ";", "+", "#", "=", '{"text": "', '", "published": "', '"}', "\\u0000", "\\ud800",
          "BEIRUT, ", " (Reuters) - ", "2016-12-11", ", 2016", "\n\n",
          "\xe2\x80\x8b", "\xe2\x80\xae", "\xc0\xaf", "\xef\xbb\xbf"]  # ZWSP, RLO, overlong '/', BOM (as bytes)


def quote(s):
    out = []
    for c in s:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif ord(c) < 32 or ord(c) > 126:
            out.append("\\x%02X" % ord(c))
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def main():
    seen, triggers = set(), []
    with open(os.path.join(ROOT, "data/lexicon/triggers.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if not line:
                continue
            for p in line.split(" | ")[0].split(";"):
                p = p.strip().replace("+", "").replace("=", "").strip()
                if p and p not in seen and p.count(" ") <= 1 and len(p) <= 40:
                    seen.add(p)
                    triggers.append(p)
    words = triggers[:MAX_TRIGGERS] + [w for w in EXTRA if w not in seen]
    lines = ["# libFuzzer dictionary for sitrep: trigger phrases from data/lexicon/triggers.txt, number, date and source words,",
             "# and bits of the JSONL and lexicon syntax. Regenerate: python3 fuzz/make_dict.py"]
    lines += [quote(w) for w in dict.fromkeys(words)] + [quote(s) for s in SYNTAX]
    with open(os.path.join(ROOT, "fuzz/triggers.dict"), "w", encoding="ascii") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Prints `sitrep extract` JSON Lines as a compact, readable list (one line per event). For reviewing output."""
import json
import sys

for line in sys.stdin:
    art = json.loads(line)
    print(f"== {art['doc']['id']} ({art['doc'].get('published')})")
    for e in art["events"]:
        t = e["type"]
        a1 = e["actor1"]["name"] if e["actor1"] else "-"
        a2 = e["actor2"]["name"] if e["actor2"] else "-"
        loc = e["location"]["text"] if e["location"] else "-"
        counts = ",".join(f"{c['what']}={c['n']}{'~' if c['approx'] else ''}" for c in e["counts"])
        src = e["source"]["name"] if e["source"] else "-"
        print(f"  s{e['sentence']} [{e['trigger']}] {t['acled_sub'] or '-'} / {t['plover']} | {a1} -> {a2} | "
              f"@{loc} | {e['date']['start']} | {counts} | src={src} | {e['modality']} {e['confidence']}")
    for w in art["warnings"]:
        print("  ! " + w)

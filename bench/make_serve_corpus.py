#!/usr/bin/env python3
"""Synthetic news for the serve benchmark: N articles (JSON Lines) of five event sentences each, at real places,
on random dates of 2015-2024, so that `sitrep ingest` builds a store of about 5*N events.
Usage: python3 bench/make_serve_corpus.py N > corpus.jsonl   (deterministic: the same N gives the same file)"""
import json
import random
import sys
from datetime import date, timedelta

PLACES = ["Douma", "Aleppo", "Homs", "Hama", "Idlib", "Raqqa", "Deir ez-Zor", "Palmyra", "Daraa", "Latakia",
          "Kobani", "Manbij", "Afrin", "Mosul", "Tikrit", "Ramadi", "Fallujah", "Kirkuk", "Baghdad", "Basra",
          "Sanaa", "Aden", "Taiz", "Hodeidah", "Marib", "Kherson", "Bakhmut", "Kharkiv", "Donetsk", "Mariupol",
          "Kabul", "Kandahar", "Herat", "Mogadishu", "Kismayo", "Baidoa", "Gao", "Timbuktu", "Maiduguri", "Juba",
          "Malakal", "Khartoum", "Goma", "Beni", "Bunia", "Gaza", "Rafah", "Tripoli", "Benghazi", "Sirte"]
SOURCES = ["the Syrian Observatory for Human Rights said", "local officials said", "a police spokesman said",
           "the United Nations said", "witnesses said", "the army said"]
TEMPLATES = [
    "Air strikes killed {n} people in {place} on {day}, {source}.",
    "Government forces clashed with rebels in {place} on {day}, leaving {n} fighters dead, {source}.",
    "Gunmen killed {n} civilians in {place} on {day}, {source}.",
    "Hundreds of people protested in {place} on {day} against rising prices, {source}.",
    "A car bomb exploded in {place} on {day}, killing {n} people, {source}.",
    "Artillery shelling killed {n} people in {place} on {day}, {source}.",
]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rng = random.Random(5)
    start = date(2015, 1, 1)
    for i in range(n):
        day = start + timedelta(days=rng.randrange(3650))
        places = rng.sample(PLACES, 5)
        sentences = []
        for place in places:
            t = rng.choice(TEMPLATES)
            sentences.append(t.format(n=rng.randint(2, 60), place=place, source=rng.choice(SOURCES),
                                      day=f"{day.day} {day.strftime('%B')} {day.year}"))
        print(json.dumps({"id": f"bench-{i}", "title": f"Report {i}", "source": "Bench Wire",
                          "published": day.isoformat(), "text": " ".join(sentences)}))


if __name__ == "__main__":
    main()

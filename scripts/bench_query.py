#!/usr/bin/env python3
"""Filtered queries over a synthetic store of 1,000,000 events (issue 4: "answers in under 50 ms").

Usage: python3 scripts/bench_query.py [SITREP_BINARY] [DB] [EVENTS]
Creates DB (default /tmp/sitrep-1m.db) with sitrep's own schema (an ingest of one article), fills it with
synthetic places (20,000), actors (500), documents (100,000), events and one claim per event (default
1,000,000), then times whole `sitrep query` processes (best of 5, ms, including process start-up) for typical
filters. Deterministic (fixed seed). Re-uses DB when it already holds the events.
"""
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build/tools/sitrep")
db = sys.argv[2] if len(sys.argv) > 2 else "/tmp/sitrep-1m.db"
n_events = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000

SUBS = [("Battles", "Armed clash", "ASSAULT", "violence"),
        ("Explosions/Remote violence", "Air/drone strike", "ASSAULT", "violence"),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT", "violence"),
        ("Violence against civilians", "Attack", "ASSAULT", "violence"),
        ("Protests", "Peaceful protest", "PROTEST", "protest"),
        ("Battles", "Government regains territory", "ASSAULT", "territory"),
        ("Strategic developments", "Arrests", "COERCE", "strategic")]
COUNTRIES = ["SY", "IQ", "YE", "AF", "UA", "SO", "NG", "ML", "LY", "SD"] + [f"C{i}" for i in range(40)]
SOURCES = ["Syrian Observatory for Human Rights", "SANA", "Reuters", "AFP", "Local Coordination Committees"] + \
          [f"Source {i}" for i in range(195)]


def build():
    if os.path.exists(db):
        con = sqlite3.connect(db)
        n = con.execute("SELECT count(*) FROM events").fetchone()[0]
        con.close()
        if n >= n_events:
            return
        os.remove(db)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("Air strikes killed 5 civilians in Douma on Monday.\n")
    subprocess.run([binary, "ingest", f.name, "--db", db, "--date", "2016-12-05"], check=True,
                   stderr=subprocess.DEVNULL)
    os.remove(f.name)
    rnd = random.Random(7)
    con = sqlite3.connect(db)
    con.execute("PRAGMA synchronous=OFF")
    base_place = con.execute("SELECT coalesce(max(id), 0) FROM places").fetchone()[0]
    places = []
    for i in range(20000):
        country = COUNTRIES[i % len(COUNTRIES)]
        lat, lon = rnd.uniform(-40, 60), rnd.uniform(-20, 80)
        places.append((base_place + i + 1, f"syn:{i}", f"Place {i}", f"Place {i}", f"Region {i % 300}", country,
                       lat, lon, "city"))
    con.executemany("INSERT INTO places(id, key, text, name, admin1, country, lat, lon, precision)"
                    " VALUES(?,?,?,?,?,?,?,?,?)", places)
    base_actor = con.execute("SELECT coalesce(max(id), 0) FROM actors").fetchone()[0]
    con.executemany("INSERT INTO actors(id, name, kind) VALUES(?,?,?)",
                    [(base_actor + i + 1, f"Actor {i}", "rebel_group") for i in range(500)])
    base_doc = con.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0]
    n_docs = max(1, n_events // 10)
    con.executemany("INSERT INTO documents(id, hash, doc_id, source, published) VALUES(?,?,?,?,?)",
                    [(base_doc + i + 1, f"synhash{i}", f"syn{i}", SOURCES[i % 50], "2016-01-01")
                     for i in range(n_docs)])
    base_event = con.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
    base_claim = con.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]
    day0 = 730120  # 2000-01-01 as a proleptic ordinal
    import datetime
    chunk_e, chunk_c = [], []
    for i in range(n_events):
        p = places[rnd.randrange(len(places))]
        acled, sub, plover, family = SUBS[rnd.randrange(len(SUBS))]
        d = day0 + rnd.randrange(25 * 365)
        span = 0 if rnd.random() < 0.9 else rnd.randrange(1, 8)
        ds = datetime.date.fromordinal(d).isoformat()
        de = datetime.date.fromordinal(d + span).isoformat()
        a1 = base_actor + 1 + rnd.randrange(500)
        a2 = base_actor + 1 + rnd.randrange(500) if rnd.random() < 0.5 else None
        k = rnd.randrange(0, 40) if rnd.random() < 0.4 else None
        conf = round(rnd.uniform(0.3, 0.95), 2)
        eid = base_event + i + 1
        chunk_e.append((eid, family, acled, sub, plover, "19", p[0], p[5], p[4], p[6], p[7], ds, de, a1, a2, k, k,
                        conf))
        chunk_c.append((base_claim + i + 1, eid, base_doc + 1 + rnd.randrange(n_docs), f"syn#{i}", acled, sub,
                        plover, a1, a2, p[0], ds, de, SOURCES[rnd.randrange(len(SOURCES))], "asserted", 0, conf, k))
        if len(chunk_e) == 50000 or i == n_events - 1:
            con.executemany("INSERT INTO events(id, family, acled, acled_sub, plover, cameo, place_id, country,"
                            " admin1, lat, lon, date_start, date_end, actor1_id, actor2_id, killed_min, killed_max,"
                            " claim_count, source_count, confidence) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,1,?)",
                            chunk_e)
            con.executemany("INSERT INTO claims(id, event_id, document_id, ext_id, acled, acled_sub, plover,"
                            " actor1_id, actor2_id, place_id, date_start, date_end, source_name, modality, negated,"
                            " confidence, killed) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", chunk_c)
            chunk_e, chunk_c = [], []
    con.commit()
    con.execute("ANALYZE")
    con.close()


QUERIES = [
    ("place", ["--place", "Place 123"]),
    ("place + 300 km + 3 years", ["--place", "Place 123", "--radius", "300km", "--from", "2010-01-01",
                                 "--to", "2012-12-31"]),
    ("actor + date", ["--actor", "Actor 42", "--from", "2016-01-01", "--to", "2016-12-31"]),
    ("sub-type + date", ["--type", "Air/drone strike", "--from", "2016-12-01", "--to", "2016-12-31"]),
    ("source + date", ["--source", "SANA", "--from", "2016-12-01", "--to", "2016-12-07"]),
    ("country + confidence + date", ["--country", "SY", "--min-confidence", "0.8", "--from", "2016-06-01",
                                     "--to", "2016-06-30"]),
    ("date only (one day)", ["--from", "2016-12-05", "--to", "2016-12-05"]),
    ("date only (one week)", ["--from", "2016-12-01", "--to", "2016-12-07"]),
]


def main():
    t0 = time.time()
    build()
    print(f"store: {db} ({n_events} events; built or reused in {time.time() - t0:.0f} s)")
    for label, args in QUERIES:
        best, rows = None, 0
        for _ in range(5):
            t = time.perf_counter()
            out = subprocess.run([binary, "query", "--db", db, "--format", "csv", "--limit", "0"] + args,
                                 check=True, capture_output=True)
            dt = (time.perf_counter() - t) * 1000
            best = dt if best is None else min(best, dt)
            rows = out.stdout.count(b"\n") - 1
        print(f"  {label:32s} {best:6.1f} ms  ({rows} events)")


main()

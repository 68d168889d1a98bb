// JSON of stored records: places, fused events, their claims, and a place's control timeline. One writer for
// the HTTP API (src/serve/api.cc) and the CLI (`sitrep query|event|control --format json`, src/cli/
// store_commands.cc). The two outputs have different, established shapes (the page reads the API's; the CLI's
// `control` is the contract's, /work/shared/spec/README.md), so each function takes the JsonStyle to write;
// the fields the two share are written by the same lines. Thread-safe (no state).
//
//   io::JsonWriter w(&out);
//   serve::WriteEvent(w, event, serve::JsonStyle::kApi, /*with_claims=*/true);
#pragma once

#include <string>
#include <vector>

#include "fuse/fuse.h"
#include "io/json_writer.h"
#include "store/store.h"

namespace sitrep::serve {

enum class JsonStyle {
  // GET /api/…: a place's "name" falls back to its text and its coordinates have 5 decimals; an event names its
  // display type and has country/lat/lon; a claim has "killed" and each count its "text"; an event with claims
  // lists where its sources disagree.
  kApi,
  // sitrep query/event/control: a place's "name" is null when the gazetteer gave none; a claim has
  // "extract_id"; an event's "killed" lists each claim's figure (when claims are loaded).
  kCli,
};

// A place object; `with_count`: its number of fused events ("events", API only).
void WritePlace(io::JsonWriter& w, const store::PlaceInfo& p, JsonStyle style, bool with_count = false);
// One claim object.
void WriteClaim(io::JsonWriter& w, const store::ClaimInfo& c, JsonStyle style);
// One event object; `with_claims`: its "claims" (e.claims, loaded by Store::GetEvent or LoadClaims), and in the
// API style its "disagreements".
void WriteEvent(io::JsonWriter& w, const store::EventInfo& e, JsonStyle style, bool with_claims);
// Who held `place` (`now`: the change in force `on`, or the latest; null when none) and every change:
// {"place", "on", "holder", "since", "changes": [{"date", "date_end", "holder", "contested", "event_ids",
// "claims"}]}. The place is written with its event count in the API style.
void WriteControl(io::JsonWriter& w, const store::PlaceInfo& place, const std::string& on,
                  const std::vector<fuse::Change>& changes, const fuse::Change* now, JsonStyle style);

}  // namespace sitrep::serve

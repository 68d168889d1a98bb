#include "serve/event_json.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace sitrep::serve {
namespace {

void WriteOptDouble(io::JsonWriter& w, const char* key, const std::optional<double>& v, int decimals) {
  w.Key(key);
  v ? w.Double(*v, decimals) : w.Null();
}

void WriteActor(io::JsonWriter& w, const char* key, const std::string& name, const std::string& kind) {
  w.Key(key);
  if (name.empty()) w.Null();
  else w.BeginObject().Key("name").String(name).Key("kind").StringOrNull(kind).EndObject();
}

void WriteHolder(io::JsonWriter& w, const std::optional<fuse::Party>& h) {
  if (!h) w.Null();
  else w.BeginObject().Key("name").String(h->name).Key("kind").StringOrNull(h->kind).EndObject();
}

// The type shown for an event: ACLED type, else PLOVER type, else the family.
const std::string& DisplayType(const store::EventInfo& e) {
  return !e.acled.empty() ? e.acled : !e.plover.empty() ? e.plover : e.family;
}

// Where the sources of one event disagree: for each field, its values and who says each. A field appears only
// when at least two claims give different non-empty values.
void WriteDisagreements(io::JsonWriter& w, const store::EventInfo& e) {
  struct Field {
    const char* name;
    std::string (*get)(const store::ClaimInfo&);
  };
  static const Field kFields[] = {
      {"killed", [](const store::ClaimInfo& c) { return c.killed ? std::to_string(*c.killed) : std::string(); }},
      {"type", [](const store::ClaimInfo& c) { return c.acled_sub.empty() ? c.plover : c.acled_sub; }},
      {"actor1", [](const store::ClaimInfo& c) { return c.actor1; }},
      {"actor2", [](const store::ClaimInfo& c) { return c.actor2; }},
      {"date", [](const store::ClaimInfo& c) { return c.date_start; }},
      {"modality",
       [](const store::ClaimInfo& c) { return c.negated ? std::string("negated") : c.modality; }},
  };
  w.Key("disagreements").BeginArray();
  for (const auto& f : kFields) {
    std::vector<std::pair<std::string, std::vector<std::string>>> values;  // value -> who says it
    for (const auto& c : e.claims) {
      std::string v = f.get(c);
      if (v.empty()) continue;
      auto it = std::find_if(values.begin(), values.end(), [&](const auto& p) { return p.first == v; });
      if (it == values.end()) it = values.insert(values.end(), {v, {}});
      std::string who = c.Says();
      if (std::find(it->second.begin(), it->second.end(), who) == it->second.end()) it->second.push_back(who);
    }
    if (values.size() < 2) continue;
    w.BeginObject().Key("field").String(f.name).Key("values").BeginArray();
    for (const auto& [v, who] : values) {
      w.BeginObject().Key("value").String(v).Key("says").BeginArray();
      for (const auto& s : who) w.String(s);
      w.EndArray().EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
}

}  // namespace

void WritePlace(io::JsonWriter& w, const store::PlaceInfo& p, JsonStyle style, bool with_count) {
  const bool api = style == JsonStyle::kApi;
  w.BeginObject();
  w.Key("id").Int(p.id);
  if (api) w.Key("name").String(p.name.empty() ? p.text : p.name);
  w.Key("text").String(p.text);
  if (!api) w.Key("name").StringOrNull(p.name);
  w.Key("admin1").StringOrNull(p.admin1);
  w.Key("country").StringOrNull(p.country);
  WriteOptDouble(w, "lat", p.lat, api ? 5 : 4);
  WriteOptDouble(w, "lon", p.lon, api ? 5 : 4);
  if (api) w.Key("precision").StringOrNull(p.precision);
  w.Key("gazetteer_id").StringOrNull(p.gazetteer_id);
  if (!api) w.Key("precision").StringOrNull(p.precision);
  if (with_count) w.Key("events").Int(p.events);
  w.EndObject();
}

void WriteClaim(io::JsonWriter& w, const store::ClaimInfo& c, JsonStyle style) {
  const bool api = style == JsonStyle::kApi;
  w.BeginObject();
  w.Key("id").Int(c.id);
  if (api) w.Key("says").String(c.Says());
  else w.Key("extract_id").String(c.ext_id);
  w.Key("doc").BeginObject();
  w.Key("id").String(c.document).Key("title").StringOrNull(c.doc_title).Key("source").StringOrNull(c.outlet);
  w.Key("published").StringOrNull(c.published).Key("url").StringOrNull(c.url);
  w.EndObject();
  if (!api) w.Key("says").String(c.Says());
  w.Key("source").BeginObject().Key("name").StringOrNull(c.source_name).Key("text").StringOrNull(c.source_text);
  w.EndObject();
  w.Key("trigger").StringOrNull(c.trigger);
  w.Key("type").BeginObject();
  w.Key("acled").StringOrNull(c.acled).Key("acled_sub").StringOrNull(c.acled_sub);
  w.Key("plover").StringOrNull(c.plover).Key("cameo").StringOrNull(c.cameo).Key("mode").StringOrNull(c.mode);
  w.EndObject();
  WriteActor(w, "actor1", c.actor1, c.actor1_kind);
  WriteActor(w, "actor2", c.actor2, c.actor2_kind);
  w.Key("place").StringOrNull(c.place_text);
  w.Key("date").BeginObject();
  w.Key("text").StringOrNull(c.date_text).Key("start").StringOrNull(c.date_start).Key("end").StringOrNull(c.date_end);
  w.Key("precision").StringOrNull(c.date_precision);
  w.EndObject();
  if (api) {
    w.Key("killed");
    c.killed ? w.Int(*c.killed) : w.Null();
  }
  w.Key("counts").BeginArray();
  for (const auto& n : c.counts) {
    w.BeginObject().Key("what").String(n.what).Key("n").Int(n.n).Key("of").StringOrNull(n.of);
    w.Key("approx").Bool(n.approx);
    if (api) w.Key("text").StringOrNull(n.text);
    w.EndObject();
  }
  w.EndArray();
  w.Key("modality").String(c.modality);
  w.Key("negated").Bool(c.negated);
  w.Key("confidence").Double(c.confidence, 2);
  w.Key("sentence").Int(c.sentence);
  w.Key("evidence").String(c.evidence);
  w.Key("link").BeginObject();
  w.Key("rule").String(c.link_rule);
  w.Key("linked_claim");
  c.linked_claim ? w.Int(c.linked_claim) : w.Null();
  w.Key("detail").StringOrNull(c.link_detail);
  w.EndObject();
  w.EndObject();
}

void WriteEvent(io::JsonWriter& w, const store::EventInfo& e, JsonStyle style, bool with_claims) {
  const bool api = style == JsonStyle::kApi;
  w.BeginObject();
  w.Key("id").Int(e.id);
  w.Key("type").BeginObject();
  if (api) w.Key("display").String(DisplayType(e));
  w.Key("family").String(e.family).Key("acled").StringOrNull(e.acled).Key("acled_sub").StringOrNull(e.acled_sub);
  w.Key("plover").StringOrNull(e.plover).Key("cameo").StringOrNull(e.cameo);
  w.EndObject();
  w.Key("date").BeginObject().Key("start").StringOrNull(e.date_start).Key("end").StringOrNull(e.date_end).EndObject();
  w.Key("place");
  if (e.place) WritePlace(w, *e.place, style);
  else w.Null();
  if (api) {
    w.Key("country").StringOrNull(e.country);
    WriteOptDouble(w, "lat", e.lat, 5);
    WriteOptDouble(w, "lon", e.lon, 5);
  }
  WriteActor(w, "actor1", e.actor1, e.actor1_kind);
  WriteActor(w, "actor2", e.actor2, e.actor2_kind);
  w.Key("killed");
  if (e.killed_min) {
    w.BeginObject().Key("min").Int(*e.killed_min).Key("max").Int(*e.killed_max);
    if (!api && !e.claims.empty()) {
      // Every claim's figure, never averaged.
      w.Key("claims").BeginArray();
      for (const auto& c : e.claims)
        if (c.killed)
          w.BeginObject().Key("n").Int(*c.killed).Key("says").String(c.Says()).Key("claim").Int(c.id).EndObject();
      w.EndArray();
    }
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("claim_count").Int(e.claim_count);
  w.Key("source_count").Int(e.source_count);
  w.Key("confidence").Double(e.confidence, 2);
  if (with_claims) {
    w.Key("claims").BeginArray();
    for (const auto& c : e.claims) WriteClaim(w, c, style);
    w.EndArray();
    if (api) WriteDisagreements(w, e);
  }
  w.EndObject();
}

void WriteControl(io::JsonWriter& w, const store::PlaceInfo& place, const std::string& on,
                  const std::vector<fuse::Change>& changes, const fuse::Change* now, JsonStyle style) {
  w.BeginObject();
  w.Key("place");
  WritePlace(w, place, style, /*with_count=*/style == JsonStyle::kApi);
  w.Key("on").StringOrNull(on);
  w.Key("holder");
  if (now) WriteHolder(w, now->holder);
  else w.Null();
  w.Key("since");
  now ? w.String(now->date) : w.Null();
  w.Key("changes").BeginArray();
  for (const auto& c : changes) {
    w.BeginObject();
    w.Key("date").String(c.date).Key("date_end").String(c.date_end);
    w.Key("holder");
    WriteHolder(w, c.holder);
    w.Key("contested").Bool(c.contested);
    w.Key("event_ids").BeginArray();
    for (auto id : c.event_ids) w.Int(id);
    w.EndArray();
    w.Key("claims").BeginArray();
    for (const auto& r : c.claims) {
      w.BeginObject();
      w.Key("claim_id").Int(r.claim->claim_id).Key("event_id").Int(r.claim->event_id);
      w.Key("date").String(r.claim->date_start).Key("type").String(r.claim->acled_sub);
      w.Key("trigger").StringOrNull(r.claim->trigger).Key("reading").String(r.reading);
      w.Key("holder");
      if (r.informative) WriteHolder(w, r.holder);
      else w.Null();
      w.Key("says").String(r.claim->source).Key("modality").String(r.claim->modality);
      w.Key("weight").Double(r.weight, 2).Key("document").String(r.claim->document);
      w.Key("evidence").String(r.claim->evidence);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray().EndObject();
}

}  // namespace sitrep::serve

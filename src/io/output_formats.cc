#include "io/output_formats.h"

#include <cstdio>

#include "geo/gazetteer.h"
#include "io/json_writer.h"

namespace sitrep::io {

bool ParseOutputFormat(const std::string& name, OutputFormat* out) {
  if (name == "jsonl" || name == "json") *out = OutputFormat::kJsonl;
  else if (name == "csv") *out = OutputFormat::kCsv;
  else if (name == "acled") *out = OutputFormat::kAcled;
  else return false;
  return true;
}

namespace {

void WriteActor(JsonWriter& w, const std::optional<ActorRef>& a) {
  if (!a) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Key("text").StringOrNull(a->text);
  w.Key("name").StringOrNull(a->name);
  w.Key("kind").StringOrNull(a->kind);
  w.Key("country").StringOrNull(a->country);
  if (a->inferred) {
    w.Key("span").Null();
    w.Key("inferred").Bool(true);
  } else {
    w.Key("span").BeginArray().Int(a->begin).Int(a->end).EndArray();
  }
  if (a->coreferent) w.Key("coreferent").Bool(true);
  w.EndObject();
}

void WriteEvent(JsonWriter& w, const Event& e) {
  w.BeginObject();
  w.Key("id").String(e.id);
  w.Key("sentence").Int(e.sentence);
  w.Key("span").BeginArray().Int(e.span_begin).Int(e.span_end).EndArray();
  w.Key("trigger").String(e.trigger);
  w.Key("trigger_span").BeginArray().Int(e.trigger_begin).Int(e.trigger_end).EndArray();
  w.Key("type").BeginObject();
  w.Key("acled").StringOrNull(e.acled);
  w.Key("acled_sub").StringOrNull(e.acled_sub);
  w.Key("plover").StringOrNull(e.plover);
  w.Key("cameo").StringOrNull(e.cameo);
  w.Key("mode").StringOrNull(e.mode);
  w.EndObject();
  w.Key("actor1");
  WriteActor(w, e.actor1);
  w.Key("actor2");
  WriteActor(w, e.actor2);
  w.Key("location");
  if (e.location) {
    const PlaceRef& p = *e.location;
    w.BeginObject();
    w.Key("text").String(p.text);
    w.Key("context").StringOrNull(p.context);
    w.Key("name").StringOrNull(p.name);
    w.Key("admin1").StringOrNull(p.admin1);
    w.Key("country").StringOrNull(p.country);
    w.Key("lat");
    if (p.lat) w.Double(*p.lat); else w.Null();
    w.Key("lon");
    if (p.lon) w.Double(*p.lon); else w.Null();
    w.Key("gazetteer_id").StringOrNull(p.gazetteer_id);
    w.Key("precision").StringOrNull(p.precision);
    w.Key("basis").StringOrNull(p.basis);
    w.Key("span").BeginArray().Int(p.begin).Int(p.end).EndArray();
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("date").BeginObject();
  w.Key("text").StringOrNull(e.date.text);
  w.Key("start").StringOrNull(e.date.start);
  w.Key("end").StringOrNull(e.date.end);
  w.Key("precision").StringOrNull(e.date.precision);
  w.Key("basis").StringOrNull(e.date.basis);
  w.EndObject();
  w.Key("counts").BeginArray();
  for (const auto& c : e.counts) {
    w.BeginObject();
    w.Key("what").String(c.what);
    w.Key("n").Int(c.n);
    w.Key("of").StringOrNull(c.of);
    w.Key("approx").Bool(c.approx);
    if (c.vague) w.Key("vague").Bool(true);
    w.Key("text").String(c.text);
    w.EndObject();
  }
  w.EndArray();
  w.Key("source");
  if (e.source) {
    w.BeginObject();
    w.Key("text").String(e.source->text);
    w.Key("name").StringOrNull(e.source->name);
    w.Key("kind").StringOrNull(e.source->kind);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("modality").String(e.modality);
  if (e.negated) w.Key("negated").Bool(true);
  w.Key("confidence").Double(e.confidence, 2);
  w.EndObject();
}

int64_t CountOf(const Event& e, std::string_view what) {
  int64_t total = -1;
  for (const auto& c : e.counts) {
    if (c.what == what) total = (total < 0 ? 0 : total) + c.n;
  }
  return total;
}

std::string Int64OrEmpty(int64_t v) { return v < 0 ? std::string() : std::to_string(v); }

std::string LatLon(const std::optional<double>& v) {
  if (!v) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", *v);
  return buf;
}

// ACLED's "inter" codes: 1 state forces, 2 rebels, 3 political militias, 4 identity militias, 5 rioters,
// 6 protesters, 7 civilians, 8 external/other forces.
std::string InterCode(const std::optional<ActorRef>& a) {
  if (!a) return "0";
  const std::string& k = a->kind;
  if (k == "state_forces" || k == "government") return "1";
  if (k == "rebel_group") return "2";
  if (k == "militia") return "3";
  if (k == "protesters") return a->name == "Rioters" ? "5" : "6";
  if (k == "civilians") return "7";
  return "8";
}

}  // namespace

void AppendArticleJson(const ArticleResult& r, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("doc").BeginObject();
  w.Key("id").String(r.doc.id);
  w.Key("title").StringOrNull(r.doc.title);
  w.Key("source").StringOrNull(r.doc.source);
  w.Key("published").StringOrNull(r.doc.published);
  w.Key("published_basis").StringOrNull(r.doc.published_basis);
  w.Key("url").StringOrNull(r.doc.url);
  w.Key("sentences").Int(static_cast<int64_t>(r.sentence_count));
  w.EndObject();
  w.Key("events").BeginArray();
  for (const auto& e : r.events) WriteEvent(w, e);
  w.EndArray();
  w.Key("warnings").BeginArray();
  for (const auto& warn : r.warnings) w.String(warn);
  w.EndArray();
  w.Key("lexicon").String(r.lexicon_version);
  w.EndObject();
  out->push_back('\n');
}

void AppendCsvField(std::string_view v, std::string* out) {
  bool quote = v.find_first_of(",\"\n\r") != std::string_view::npos;
  if (!quote) {
    out->append(v);
    return;
  }
  out->push_back('"');
  for (char ch : v) {
    if (ch == '"') out->push_back('"');
    out->push_back(ch);
  }
  out->push_back('"');
}

void AppendCsvHeader(OutputFormat format, std::string* out) {
  if (format == OutputFormat::kAcled) {
    out->append(
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
        "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
        "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
        "tags,timestamp\n");
  } else {
    out->append(
        "doc_id,event_id,sentence,date_start,date_end,date_precision,acled,acled_sub,plover,cameo,mode,"
        "actor1,actor1_kind,actor1_country,actor2,actor2_kind,actor2_country,location,location_country,"
        "latitude,longitude,killed,wounded,source,modality,confidence,trigger,evidence\n");
  }
}

void AppendCsvRows(OutputFormat format, const ArticleResult& r, std::string* out) {
  for (const auto& e : r.events) {
    std::string_view evidence = std::string_view(r.text).substr(e.span_begin, e.span_end - e.span_begin);
    auto field = [&](std::string_view v, bool last = false) {
      AppendCsvField(v, out);
      out->push_back(last ? '\n' : ',');
    };
    const std::string loc = e.location ? e.location->text : "";
    const std::string loc_country = e.location ? e.location->country : "";
    if (format == OutputFormat::kAcled) {
      std::string disorder = e.acled == "Protests" || e.acled == "Riots" ? "Demonstrations"
                             : e.acled == "Strategic developments"    ? "Strategic developments"
                             : e.acled.empty()                        ? ""
                                                                      : "Political violence";
      std::string inter1 = InterCode(e.actor1), inter2 = InterCode(e.actor2);
      std::string interaction = inter1 < inter2 || inter2 == "0" ? inter1 + inter2 : inter2 + inter1;
      int64_t killed = CountOf(e, "killed");
      std::string precision = e.date.precision == "day" ? "1" : e.date.precision == "week" ? "2" : "3";
      std::string geo_precision = !e.location ? "" : e.location->precision == "city" ? "1"
                                                 : e.location->precision == "admin1" ? "2" : "3";
      field(e.id);
      field(e.date.start);
      field(e.date.start.size() >= 4 ? e.date.start.substr(0, 4) : "");
      field(precision);
      field(disorder);
      field(e.acled);
      field(e.acled_sub);
      field(e.actor1 ? e.actor1->name : "");
      field("");
      field(inter1);
      field(e.actor2 ? e.actor2->name : "");
      field("");
      field(inter2);
      field(interaction);
      field(e.actor2 && e.actor2->kind == "civilians" ? "Civilian targeting" : "");
      field("");
      field("");
      field(loc_country.empty() ? std::string() : geo::CountryNameOrCode(loc_country));  // ACLED: the name
      field(e.location ? e.location->admin1 : "");
      field("");
      field("");
      field(e.location ? (e.location->name.empty() ? e.location->text : e.location->name) : "");
      field(e.location ? LatLon(e.location->lat) : "");
      field(e.location ? LatLon(e.location->lon) : "");
      field(geo_precision);
      field(e.source ? e.source->name : r.doc.source);
      field("");
      field(evidence);
      field(killed < 0 ? "0" : std::to_string(killed));
      field(e.modality == "asserted" ? "" : e.modality);
      field("", true);
    } else {
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.2f", e.confidence);
      field(r.doc.id);
      field(e.id);
      field(std::to_string(e.sentence));
      field(e.date.start);
      field(e.date.end);
      field(e.date.precision);
      field(e.acled);
      field(e.acled_sub);
      field(e.plover);
      field(e.cameo);
      field(e.mode);
      field(e.actor1 ? e.actor1->name : "");
      field(e.actor1 ? e.actor1->kind : "");
      field(e.actor1 ? e.actor1->country : "");
      field(e.actor2 ? e.actor2->name : "");
      field(e.actor2 ? e.actor2->kind : "");
      field(e.actor2 ? e.actor2->country : "");
      field(loc);
      field(loc_country);
      field(e.location ? LatLon(e.location->lat) : "");
      field(e.location ? LatLon(e.location->lon) : "");
      field(Int64OrEmpty(CountOf(e, "killed")));
      field(Int64OrEmpty(CountOf(e, "wounded")));
      field(e.source ? e.source->name : "");
      field(e.modality);
      field(conf);
      field(e.trigger);
      field(evidence, true);
    }
  }
}

}  // namespace sitrep::io

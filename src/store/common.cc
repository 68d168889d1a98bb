#include "store/common.h"

#include <algorithm>
#include <cmath>

namespace sitrep::store {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

std::string PlaceKey(const PlaceRef& p) {
  if (!p.gazetteer_id.empty()) return p.gazetteer_id;
  return "text:" + Lower(p.text);
}

ByteSpan EvidenceSpan(const Event& e, const std::string& text) {
  const uint32_t size = static_cast<uint32_t>(text.size());
  const uint32_t begin = std::min<uint32_t>(e.span_begin, size);
  return {begin, std::min<uint32_t>(std::max(e.span_end, begin), size)};
}

fuse::Match NewEventLink(const fuse::FuseKey& claim, bool fusable) {
  fuse::Match m;
  m.rule = fusable ? "new_event" : "new_event_unfusable";
  m.detail = fusable ? "no compatible event"
             : claim.family.empty() ? "no type family"
             : claim.place_id == 0  ? "no place"
             : (claim.place_precision == "country" || claim.place_precision == "region")
                 ? "place too coarse (" + claim.place_precision + ")"
                 : "date unresolved or vaguer than a week";
  return m;
}

EventAggregates Joined(const EventAggregates& event, const fuse::FuseKey& claim, std::optional<int64_t> killed,
                       double confidence) {
  EventAggregates out;
  out.date_start = std::min(event.date_start, claim.date_start);
  out.date_end = std::max(event.date_end, claim.date_end);
  out.killed_min = event.killed_min;
  out.killed_max = event.killed_max;
  if (killed) {
    out.killed_min = out.killed_min ? std::min(*out.killed_min, *killed) : *killed;
    out.killed_max = out.killed_max ? std::max(*out.killed_max, *killed) : *killed;
  }
  out.confidence = std::max(event.confidence, confidence);
  return out;
}

const char* TypeColumn(std::string_view type) {
  static const char* kAcled[] = {"Battles", "Explosions/Remote violence", "Violence against civilians",
                                 "Protests", "Riots", "Strategic developments"};
  const std::string lower = Lower(type);
  for (const char* t : kAcled)
    if (Lower(t) == lower) return "acled";
  if (type.find(' ') == std::string_view::npos && type.find('/') == std::string_view::npos) return "plover";
  return "acled_sub";
}

std::string EscapeLike(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

LatLonBox BoxAround(double lat, double lon, double km) {
  const double dlat = km / 111.0;
  const double dlon = dlat / std::max(0.05, std::cos(lat * M_PI / 180.0));
  return {lat - dlat, lat + dlat, lon - dlon, lon + dlon};
}

PlaceMatch MatchPlaces(const std::vector<PlaceInfo>& places) {
  PlaceMatch m;
  for (const auto& p : places) {
    m.ids += (m.ids.empty() ? "" : ",") + std::to_string(p.id);
    if (!m.lat && p.lat && p.lon) {
      m.lat = p.lat;
      m.lon = p.lon;
    }
  }
  return m;
}

}  // namespace sitrep::store

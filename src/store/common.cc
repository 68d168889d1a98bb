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

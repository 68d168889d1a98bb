#include "io/output_formats.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "geo/gazetteer.h"
#include "test_util.h"

namespace sitrep::io {
namespace {

using ::sitrep::testing::SplitLines;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// The contract's example event, built by hand.
ArticleResult Example() {
  ArticleResult r;
  r.doc.id = "palmyra";
  r.doc.title = "IS retakes \"Palmyra\"";
  r.doc.source = "VOA News";
  r.doc.published = "2016-12-11";
  r.doc.published_basis = "byline";
  r.text = "By VOA News December 11, 2016\n\n\"IS retook all of Palmyra,\" said Rami Abdel Rahman.";
  r.sentence_count = 2;
  r.lexicon_version = "lex-0";
  Event e;
  e.id = "palmyra#0";
  e.sentence = 1;
  e.span_begin = 31;
  e.span_end = static_cast<uint32_t>(r.text.size());
  e.trigger = "retook";
  e.trigger_begin = 35;
  e.trigger_end = 41;
  e.acled = "Battles";
  e.acled_sub = "Non-state actor overtakes territory";
  e.plover = "ASSAULT";
  e.cameo = "19";
  e.actor1.emplace();
  e.actor1->text = "IS";
  e.actor1->name = "Islamic State";
  e.actor1->kind = "rebel_group";
  e.actor1->begin = 32;
  e.actor1->end = 34;
  e.location = PlaceRef{};
  e.location->text = "Palmyra";
  e.location->name = "Tadmur";
  e.location->country = "SY";
  e.location->lat = 34.56;
  e.location->lon = 38.28;
  e.location->precision = "city";
  e.date = DateRef{.text = "Sunday", .start = "2016-12-11", .end = "2016-12-11", .precision = "day", .basis = "text"};
  e.counts.push_back(Count{.what = "killed", .n = 300, .of = "militants", .approx = false, .vague = false,
                           .text = "300"});
  e.source = SourceRef{.text = "Rami Abdel Rahman", .name = "Syrian Observatory for Human Rights", .kind = "other"};
  e.modality = "claimed";
  e.confidence = 0.82;
  r.events.push_back(e);
  Event bare;
  bare.id = "palmyra#1";
  bare.trigger = "clashes";
  r.events.push_back(bare);
  r.warnings.push_back("a warning");
  return r;
}

TEST(OutputFormats, ParseOutputFormat) {
  OutputFormat f;
  EXPECT_TRUE(ParseOutputFormat("jsonl", &f));
  EXPECT_EQ(f, OutputFormat::kJsonl);
  EXPECT_TRUE(ParseOutputFormat("csv", &f));
  EXPECT_EQ(f, OutputFormat::kCsv);
  EXPECT_TRUE(ParseOutputFormat("acled", &f));
  EXPECT_EQ(f, OutputFormat::kAcled);
  EXPECT_FALSE(ParseOutputFormat("xml", &f));
  EXPECT_FALSE(ParseOutputFormat("", &f));
  EXPECT_FALSE(ParseOutputFormat("CSV", &f));
}

TEST(OutputFormats, ArticleJsonIsOneLineWithTheContractFields) {
  std::string out;
  AppendArticleJson(Example(), &out);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  EXPECT_EQ(out.find('\n'), out.size() - 1);  // exactly one line
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["doc"]["id"], "palmyra");
  EXPECT_EQ(j["doc"]["title"], "IS retakes \"Palmyra\"");
  EXPECT_EQ(j["doc"]["source"], "VOA News");
  EXPECT_EQ(j["doc"]["published"], "2016-12-11");
  EXPECT_TRUE(j["doc"]["url"].is_null());
  ASSERT_EQ(j["events"].size(), 2u);
  const auto& e = j["events"][0];
  EXPECT_EQ(e["id"], "palmyra#0");
  EXPECT_EQ(e["sentence"], 1);
  EXPECT_EQ(e["span"], nlohmann::json::array({31, Example().text.size()}));
  EXPECT_EQ(e["trigger"], "retook");
  EXPECT_EQ(e["type"]["acled"], "Battles");
  EXPECT_EQ(e["type"]["acled_sub"], "Non-state actor overtakes territory");
  EXPECT_EQ(e["type"]["plover"], "ASSAULT");
  EXPECT_EQ(e["type"]["cameo"], "19");
  EXPECT_EQ(e["actor1"]["text"], "IS");
  EXPECT_EQ(e["actor1"]["name"], "Islamic State");
  EXPECT_EQ(e["actor1"]["kind"], "rebel_group");
  EXPECT_TRUE(e["actor1"]["country"].is_null());
  EXPECT_TRUE(e["actor2"].is_null());
  EXPECT_EQ(e["location"]["text"], "Palmyra");
  EXPECT_EQ(e["location"]["name"], "Tadmur");
  EXPECT_EQ(e["location"]["country"], "SY");
  EXPECT_DOUBLE_EQ(e["location"]["lat"].get<double>(), 34.56);
  EXPECT_DOUBLE_EQ(e["location"]["lon"].get<double>(), 38.28);
  EXPECT_TRUE(e["location"]["gazetteer_id"].is_null());
  EXPECT_TRUE(e["location"]["admin1"].is_null());
  EXPECT_EQ(e["location"]["precision"], "city");
  EXPECT_EQ(e["date"]["text"], "Sunday");
  EXPECT_EQ(e["date"]["start"], "2016-12-11");
  EXPECT_EQ(e["date"]["end"], "2016-12-11");
  EXPECT_EQ(e["date"]["precision"], "day");
  ASSERT_EQ(e["counts"].size(), 1u);
  EXPECT_EQ(e["counts"][0]["what"], "killed");
  EXPECT_EQ(e["counts"][0]["n"], 300);
  EXPECT_EQ(e["counts"][0]["of"], "militants");
  EXPECT_EQ(e["counts"][0]["approx"], false);
  EXPECT_EQ(e["source"]["text"], "Rami Abdel Rahman");
  EXPECT_EQ(e["source"]["name"], "Syrian Observatory for Human Rights");
  EXPECT_EQ(e["modality"], "claimed");
  EXPECT_DOUBLE_EQ(e["confidence"].get<double>(), 0.82);
  // An event with nothing known: nulls, not missing keys.
  const auto& b = j["events"][1];
  EXPECT_TRUE(b["type"]["acled"].is_null());
  EXPECT_TRUE(b["type"]["plover"].is_null());
  EXPECT_TRUE(b["actor1"].is_null());
  EXPECT_TRUE(b["location"].is_null());
  EXPECT_TRUE(b["source"].is_null());
  EXPECT_TRUE(b["date"]["start"].is_null());
  EXPECT_TRUE(b["date"]["end"].is_null());
  EXPECT_TRUE(b["counts"].is_array());
  EXPECT_EQ(b["modality"], "asserted");
  EXPECT_EQ(j["warnings"], nlohmann::json::array({"a warning"}));
}

TEST(OutputFormats, CsvFieldQuoting) {
  auto q = [](std::string_view v) {
    std::string out;
    AppendCsvField(v, &out);
    return out;
  };
  EXPECT_EQ(q("plain"), "plain");
  EXPECT_EQ(q(""), "");
  EXPECT_EQ(q("a,b"), "\"a,b\"");
  EXPECT_EQ(q("he said \"no\""), "\"he said \"\"no\"\"\"");
  EXPECT_EQ(q("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(q("cr\r"), "\"cr\r\"");
}

TEST(OutputFormats, CsvHeaderAndRows) {
  std::string out;
  AppendCsvHeader(OutputFormat::kCsv, &out);
  AppendCsvRows(OutputFormat::kCsv, Example(), &out);
  auto lines = SplitLines(out);
  ASSERT_EQ(lines.size(), 3u);  // header + 2 events (the evidence has no newline)
  EXPECT_THAT(lines[0], StartsWith("doc_id,event_id,sentence,date_start,date_end,date_precision,acled,acled_sub,"));
  EXPECT_THAT(lines[1], StartsWith("palmyra,palmyra#0,1,2016-12-11,2016-12-11,day,Battles,"
                                   "Non-state actor overtakes territory,ASSAULT,19,"));
  EXPECT_THAT(lines[1], HasSubstr(",Islamic State,rebel_group,,"));
  EXPECT_THAT(lines[1], HasSubstr(",Palmyra,SY,34.5600,38.2800,300,,Syrian Observatory for Human Rights,claimed,0.82,"
                                  "retook,"));
  // The evidence sentence has quotes and a comma: quoted and doubled.
  EXPECT_THAT(lines[1], HasSubstr("\"\"\"IS retook all of Palmyra,\"\" said Rami Abdel Rahman.\""));
}

TEST(OutputFormats, AcledHeaderAndRow) {
  std::string out;
  AppendCsvHeader(OutputFormat::kAcled, &out);
  AppendCsvRows(OutputFormat::kAcled, Example(), &out);
  auto lines = SplitLines(out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0],
            "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
            "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
            "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
            "tags,timestamp");
  EXPECT_THAT(lines[1], StartsWith("palmyra#0,2016-12-11,2016,1,Political violence,Battles,"
                                   "Non-state actor overtakes territory,Islamic State,,2,,,0,"));
  EXPECT_THAT(lines[1], HasSubstr(",Tadmur,34.5600,38.2800,1,Syrian Observatory for Human Rights,,"));
  EXPECT_THAT(lines[1], HasSubstr(",300,claimed,"));
  // ACLED's country column holds the country's name, not its ISO code (the name comes from the gazetteer; the
  // code stands in only when no gazetteer index was built).
  EXPECT_THAT(lines[1], ::testing::AnyOf(HasSubstr(",Syria,"), HasSubstr(",SY,")));
  if (geo::Gazetteer::Open(geo::Gazetteer::DefaultPath("")).ok()) {
    EXPECT_THAT(lines[1], HasSubstr(",,Syria,"));
  }
  // Same number of columns in every row as in the header (fields without quotes here except notes).
  auto columns = [](const std::string& line) {
    size_t n = 1;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      else if (c == ',' && !quoted) ++n;
    }
    return n;
  };
  EXPECT_EQ(columns(lines[1]), columns(lines[0]));
  EXPECT_EQ(columns(lines[2]), columns(lines[0]));
}

}  // namespace
}  // namespace sitrep::io

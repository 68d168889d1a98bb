// The input reader on arbitrary bytes written to a file: as JSON Lines (simdjson) and as a .txt article with the
// corpus header. Checks: every article has an origin naming the file and line; a .txt yields at most one article.
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <string>

#include "fuzz_util.h"
#include "io/input_reader.h"

namespace {

std::string TempPath(const char* ext) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir && *dir ? dir : "/tmp") + "/sitrep_fuzz_" + std::to_string(::getpid()) + ext;
}

void Write(const std::string& path, const uint8_t* data, size_t size) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  static const std::string jsonl = TempPath(".jsonl");
  static const std::string txt = TempPath(".txt");
  Write(jsonl, data, size);
  {
    io::InputReader reader({jsonl});
    io::InputArticle a;
    std::vector<io::InputError> errors;
    size_t n = 0;
    while (reader.Next(&a, &errors)) {
      FUZZ_CHECK(a.origin.rfind(jsonl + ":", 0) == 0);
      FUZZ_CHECK(++n <= size);
    }
    for (const auto& e : errors) FUZZ_CHECK(e.origin.rfind(jsonl, 0) == 0 && !e.message.empty());
  }
  Write(txt, data, size);
  {
    io::InputReader reader({txt});
    io::InputArticle a;
    std::vector<io::InputError> errors;
    size_t n = 0;
    while (reader.Next(&a, &errors)) FUZZ_CHECK(++n == 1);
  }
  // The corpus header split on its own.
  io::InputArticle art;
  art.text.assign(reinterpret_cast<const char*>(data), size);
  io::TakeCorpusHeader(&art);
  FUZZ_CHECK(art.text.size() <= size);
  return 0;
}

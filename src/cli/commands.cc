#include "cli/commands.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

#include "cli/batch_extract.h"
#include "cli/registry.h"
#include "eval/eval.h"
#include "io/input_reader.h"
#include "io/output_formats.h"
#include "io/progress.h"
#include "lexicon/compiled_lexicon.h"
#include "sitrep/extract.h"
#include "time/civil_date.h"

namespace sitrep::cli {
namespace {

namespace fs = std::filesystem;

}  // namespace

bool WriteStdout(const std::string& s) {
  size_t off = 0;
  while (off < s.size()) {
    ssize_t n = ::write(STDOUT_FILENO, s.data() + off, s.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    off += static_cast<size_t>(n);
  }
  return true;
}

namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  std::string date;
  std::string data;
  int jobs = 0;
};

int RunExtract(const ExtractArgs& args) {
  io::OutputFormat format;
  if (!io::ParseOutputFormat(args.format, &format)) {
    fmt::print(stderr, "sitrep extract: unknown --format '{}' (jsonl, csv, acled)\n", args.format);
    return 2;
  }
  if (!args.date.empty() && (args.date.size() != 10 || timeutil::ParseIsoDate(args.date) == timeutil::kUnknownDay)) {
    fmt::print(stderr, "sitrep extract: --date must be YYYY-MM-DD, got '{}'\n", args.date);
    return 2;
  }
  std::unique_ptr<Extractor> extractor = CreateExtractorOrReport(args.data, args.date);
  if (!extractor) return 2;
  std::vector<std::string> inputs = args.inputs.empty() ? std::vector<std::string>{"-"} : args.inputs;
  io::InputReader reader(inputs);

  io::Progress progress("extract", reader.TotalBytes());
  std::string out;
  if (format != io::OutputFormat::kJsonl) io::AppendCsvHeader(format, &out);
  bool failed = false;
  uint64_t articles = 0, bytes = 0, events = 0;
  // Formatting runs on the extracting threads; the sink, called in input order, only prints the chunk's messages
  // and copies its bytes, so the output is the same for any thread count and the ordered part stays small.
  auto format_chunk = [format](ExtractChunk* c) {
    for (size_t i = 0; i < c->size; ++i) {
      if (format == io::OutputFormat::kJsonl) io::AppendArticleJson(c->results[i], &c->out);
      else io::AppendCsvRows(format, c->results[i], &c->out);
    }
  };
  auto write_out = [&]() {
    if (WriteStdout(out)) {
      out.clear();
      return true;
    }
    fmt::print(stderr, "sitrep: cannot write to stdout: {}\n", std::strerror(errno));
    return false;
  };
  auto sink = [&](ExtractChunk& c) {
    for (const auto& e : c.errors) {
      fmt::print(stderr, "sitrep: {}: {}\n", e.origin, e.message);
      if (e.failed) failed = true;
    }
    for (size_t i = 0; i < c.size; ++i) {
      for (const auto& w : c.results[i].warnings) fmt::print(stderr, "sitrep: {}: {}\n", c.articles[i].origin, w);
    }
    out += c.out;
    articles += c.size;
    bytes += c.bytes;
    events += c.events;
    progress.Update(articles, bytes);
    return out.size() < (1 << 20) || write_out();
  };
  StreamExtractOptions options;
  options.jobs = args.jobs;
  if (!StreamExtract(*extractor, &reader, options, format_chunk, sink)) return 1;
  if (!write_out()) return 1;
  progress.Finish();
  if (progress.enabled()) fmt::print(stderr, "sitrep: {} articles, {} events\n", articles, events);
  return failed ? 1 : 0;
}

}  // namespace

std::string FindDataDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("SITREP_DATA"); env && *env) return env;
  std::error_code ec;
  if (fs::exists("data/lexicon/triggers.txt", ec)) return "data";
  return SITREP_DATA_DIR;
}

std::string FindShared() {
  if (const char* env = std::getenv("SITREP_SHARED"); env && *env) return env;
  std::error_code ec;
  if (fs::exists("../shared/eval", ec)) return "../shared";
  return (fs::path(SITREP_DATA_DIR).parent_path().parent_path() / "shared").string();
}

int Main(int argc, char** argv) {
  CLI::App app{"sitrep: sourced, structured event data from conflict news"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("sitrep ") + "0.1.0");

  ExtractArgs ex;
  auto* extract = app.add_subcommand("extract", "Extract coded, sourced events from articles (JSON Lines to stdout)");
  extract->add_option("inputs", ex.inputs, "Files (.txt, .jsonl), folders, or - for stdin");
  extract->add_option("--format", ex.format, "jsonl | csv | acled")->capture_default_str();
  extract->add_option("--date", ex.date, "Publication date YYYY-MM-DD (overrides the article's own)");
  extract->add_option("--data", ex.data, "Data folder holding lexicon/ (default: $SITREP_DATA or ./data)");
  extract->add_option("-j,--jobs", ex.jobs, "Worker threads (default: all cores)");

  std::string eval_set, eval_gold, eval_data, eval_json;
  bool eval_quiet = false;
  auto* eval_cmd = app.add_subcommand("eval", "Score the extractor on a gold set");
  std::vector<std::string> eval_geo_sets;
  eval_cmd->add_option("set", eval_set, "wcep-dev | plover-gsr | geo")->required();
  eval_cmd->add_option("geo_sets", eval_geo_sets, "for geo: lgl gwn geovirus (default: all)");
  eval_cmd->add_option("--gold", eval_gold, "Gold file (default: $SITREP_SHARED/eval/... or ../shared/eval/...)");
  eval_cmd->add_option("--data", eval_data, "Data folder holding lexicon/");
  eval_cmd->add_option("--json", eval_json, "Also write the metrics as JSON to this file");
  eval_cmd->add_flag("--no-errors", eval_quiet, "Print only the metrics table");
  int eval_examples = 3;
  eval_cmd->add_option("--examples", eval_examples, "Examples shown per error kind")->capture_default_str();

  auto* lex_cmd = app.add_subcommand("lexicon", "Check the lexicon files and print their size and version");
  std::string lex_data;
  lex_cmd->add_option("--data", lex_data, "Data folder holding lexicon/");

  CommandList modules;
  AddGeoCommands(app, &modules);
  AddStoreCommands(app, &modules);
  AddServeCommands(app, &modules);
  AddQueueCommands(app, &modules);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (extract->parsed()) return RunExtract(ex);
  for (const auto& m : modules) {
    if (m.sub && m.sub->parsed()) return m.run();
  }
  if (lex_cmd->parsed()) {
    auto lex = lexicon::CompiledLexicon::Load(FindDataDir(lex_data) + "/lexicon");
    if (!lex.ok()) {
      fmt::print(stderr, "sitrep lexicon: {}\n", lex.status().message());
      return 1;
    }
    const auto& l = *lex.value();
    fmt::print("lexicon {}: {} phrases; {} actors, {} people, {} countries, {} agents, {} triggers, {} instruments, "
               "{} cues, {} refiners\n",
               l.version(), l.phrase_count(), l.actors().size(), l.people().size(), l.countries().size(),
               l.agents().size(), l.triggers().size(), l.instruments().size(), l.cues().size(), l.refiners().size());
    return 0;
  }
  if (eval_cmd->parsed()) {
    ExtractOptions opts;
    opts.data_dir = FindDataDir(eval_data);
    auto created = Extractor::Create(opts);
    if (!created.ok()) {
      fmt::print(stderr, "sitrep: cannot load lexicons: {}\n", created.status().message());
      return 2;
    }
    eval::EvalOptions eo;
    eo.show_errors = !eval_quiet;
    eo.json_out = eval_json;
    eo.examples = eval_examples;
    const std::string shared = FindShared();
    if (eval_set == "wcep-dev") {
      eo.gold_path = eval_gold.empty() ? shared + "/eval/wcep-dev/wcep_dev.jsonl" : eval_gold;
      return eval::RunWcepEval(*created.value(), eo);
    }
    if (eval_set == "plover-gsr") {
      eo.gold_path = eval_gold.empty() ? shared + "/eval/plover-gsr/PLOVER_GSR_CAMEO.json" : eval_gold;
      return eval::RunPloverEval(*created.value(), eo);
    }
    if (eval_set == "geo") {
      return RunGeoEvalSets(eval_geo_sets, eval_gold.empty() ? shared + "/eval/geo" : eval_gold, eval_json,
                            eval_quiet ? 0 : eval_examples);
    }
    fmt::print(stderr, "sitrep eval: unknown set '{}' (wcep-dev, plover-gsr, geo)\n", eval_set);
    return 2;
  }
  return 2;
}

}  // namespace sitrep::cli

// Subcommands contributed by pipeline stages beyond extraction (geo, store, serve…). Each module adds its
// subcommands to the CLI11 app and a runner that is called when that subcommand was given.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace sitrep::cli {

struct Command {
  CLI::App* sub = nullptr;
  std::function<int()> run;
};
using CommandList = std::vector<Command>;

// The data folder: the flag when given, then $SITREP_DATA, then ./data, then the source tree's data/.
std::string FindDataDir(const std::string& flag);
// The shared folder with eval/ and corpus/: $SITREP_SHARED, then ../shared, then beside the source tree.
std::string FindShared();

// Writes all of s to stdout, retrying short writes; false on a write error (a full disk, a closed pipe).
bool WriteStdout(const std::string& s);

void AddGeoCommands(CLI::App& app, CommandList* out);    // src/cli/geo_commands.cc
// `sitrep eval geo [lgl gwn geovirus]`: geoparsing scores on the gold sets under gold_dir (geo_commands.cc).
int RunGeoEvalSets(const std::vector<std::string>& sets, const std::string& gold_dir, const std::string& json,
                   int examples);
void AddStoreCommands(CLI::App& app, CommandList* out);  // src/cli/store_commands.cc
void AddServeCommands(CLI::App& app, CommandList* out);  // src/cli/serve_command.cc
void AddQueueCommands(CLI::App& app, CommandList* out);  // src/cli/queue_commands.cc (enqueue, worker, queue)

}  // namespace sitrep::cli

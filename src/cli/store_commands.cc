// `sitrep ingest`, `query`, `event`, `control` (issue 4): not built yet.
#include <CLI/CLI.hpp>

#include "cli/registry.h"

namespace sitrep::cli {

void AddStoreCommands(CLI::App& app, CommandList* out) {
  (void)app;
  (void)out;
}

}  // namespace sitrep::cli

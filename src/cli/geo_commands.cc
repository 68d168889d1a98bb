// `sitrep geoparse` and `sitrep eval geo` (issue 3): not built yet.
#include <CLI/CLI.hpp>

#include "cli/registry.h"

namespace sitrep::cli {

void AddGeoCommands(CLI::App& app, CommandList* out) {
  (void)app;
  (void)out;
}

}  // namespace sitrep::cli

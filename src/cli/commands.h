// The `sitrep` command line: parses arguments (CLI11) and runs the library. Exit status follows the contract:
// 0 success; 1 some inputs failed (each named on stderr, the rest processed); 2 bad usage.
#pragma once

namespace sitrep::cli {

int Main(int argc, char** argv);

}  // namespace sitrep::cli

// The sitrep command-line tool. All logic lives in the library (src/cli/commands.cc) so that
// tests and the server run exactly what the CLI runs.
#include "cli/commands.h"

int main(int argc, char** argv) { return sitrep::cli::Main(argc, argv); }

// SPDX-License-Identifier: MIT
// Runs the built `linkequity` command from a test: its path (LINKEQUITY_CLI_PATH, else
// ../../src/cli/linkequity beside the test executable), run(ARGS, DIR) capturing stdout, stderr
// and the exit code, and cli_available() for skipping with a warning when it is not built.
#pragma once

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace linkequity::testing {

inline std::string cli_path() {
#ifdef LINKEQUITY_CLI_PATH
    return LINKEQUITY_CLI_PATH;
#else
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : (self.parent_path() / "../../src/cli/linkequity").string();
#endif
}

struct run_result {
    int code;
    std::string out, err;
};

/// The whole file as bytes ("" when it cannot be read).
inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

/// Runs `linkequity ARGS` in `dir` through the shell, capturing stdout, stderr and the exit code
/// (-1 when the command did not exit normally).
inline run_result run(const std::string& args, const std::filesystem::path& dir) {
    const std::filesystem::path o = dir / "stdout.txt", e = dir / "stderr.txt";
    const std::string cmd = "cd '" + dir.string() + "' && '" + cli_path() + "' " + args + " >'" +
                            o.string() + "' 2>'" + e.string() + "'";
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(o), slurp(e)};
}

/// Whether the binary exists; warns (the test then returns early) when it does not.
inline bool cli_available() {
    if (std::filesystem::exists(cli_path())) return true;
    WARN("linkequity binary not found at '" << cli_path() << "': build target linkequity_cli");
    return false;
}

}  // namespace linkequity::testing

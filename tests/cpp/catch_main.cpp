// SPDX-License-Identifier: MIT
// The one Catch2 main for every tests/cpp/test_*.cpp.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

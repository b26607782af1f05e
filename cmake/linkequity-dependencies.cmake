# SPDX-License-Identifier: MIT
# Finds linkequity's dependencies. Used by the build and, through linkequity-config.cmake, by
# consumers of the installed package (the static library needs them at link time).
include(CMakeFindDependencyMacro)
if(NOT DEFINED LINKEQUITY_USE_OPENMP)
  set(LINKEQUITY_USE_OPENMP ON)
endif()
find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS url)
find_package(fmt CONFIG REQUIRED)
find_package(Eigen3 3.3 CONFIG REQUIRED)
find_package(ZLIB REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(PSL REQUIRED IMPORTED_TARGET GLOBAL libpsl)
if(LINKEQUITY_USE_OPENMP)
  find_package(OpenMP REQUIRED COMPONENTS CXX)
endif()

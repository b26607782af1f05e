# SPDX-License-Identifier: MIT
# Finds linkequity's dependencies. Used by the build and, through linkequity-config.cmake, by
# consumers of the installed package. The library is static, so its PRIVATE dependencies appear
# in the export as $<LINK_ONLY:...> and a consumer's link needs them: fmt (libfmt.so: the library
# calls its compiled formatting functions), Boost.URL, libpsl and zlib; Boost's headers and
# OpenMP are PUBLIC. Header-only dependencies that only the library's .cpp files or the tests use
# (Eigen) are not listed here, so consumers need not have them installed.
include(CMakeFindDependencyMacro)
if(NOT DEFINED LINKEQUITY_USE_OPENMP)
  set(LINKEQUITY_USE_OPENMP ON)
endif()
find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS url)
find_package(fmt CONFIG REQUIRED)
find_package(ZLIB REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(PSL REQUIRED IMPORTED_TARGET GLOBAL libpsl)
if(LINKEQUITY_USE_OPENMP)
  find_package(OpenMP REQUIRED COMPONENTS CXX)
endif()

# SPDX-License-Identifier: MIT
# linkequity_target_warnings(<target>...): the project's warning set (and -Werror when
# LINKEQUITY_WERROR is ON) for targets built in this tree. The options are PRIVATE compile options
# of each target: never global flags, never part of the installed export, so consumers of the
# package compile with their own flags. Included by the top-level project and by the sub-projects
# that can also be configured on their own (examples, benchmarks, fuzz, tests/package).
include_guard(GLOBAL)
option(LINKEQUITY_WERROR "Treat compiler warnings as errors in linkequity's own targets" OFF)

function(linkequity_target_warnings)
  foreach(_target IN LISTS ARGN)
    target_compile_options(${_target} PRIVATE
      $<$<CXX_COMPILER_ID:GNU,Clang,AppleClang>:-Wall -Wextra -Wpedantic -Wnon-virtual-dtor
                                                 -Woverloaded-virtual -Wno-unknown-pragmas>
      $<$<CXX_COMPILER_ID:MSVC>:/W4>)
    if(LINKEQUITY_WERROR)
      target_compile_options(${_target} PRIVATE
        $<$<CXX_COMPILER_ID:GNU,Clang,AppleClang>:-Werror> $<$<CXX_COMPILER_ID:MSVC>:/WX>)
    endif()
  endforeach()
endfunction()

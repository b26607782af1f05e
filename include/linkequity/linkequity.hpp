// SPDX-License-Identifier: MIT
// linkequity: page and domain authority over the web's link graph. The umbrella header: the
// graph, its builder and generators, and the algorithms. Boost.Graph interop is opt-in
// (graph/boost_adapter.hpp); the web model and I/O have their own umbrella sections below.
#pragma once

#include "linkequity/algo/pagerank.hpp"
#include "linkequity/algo/verify.hpp"
#include "linkequity/config.hpp"
#include "linkequity/error.hpp"
#include "linkequity/graph/builder.hpp"
#include "linkequity/graph/csr_graph.hpp"
#include "linkequity/graph/edge_flags.hpp"
#include "linkequity/graph/edge_stream.hpp"
#include "linkequity/graph/generators.hpp"
#include "linkequity/version.hpp"

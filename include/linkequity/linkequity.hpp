// SPDX-License-Identifier: MIT
// linkequity: page and domain authority over the web's link graph. The umbrella header: the
// graph, its builder, edge streams and generators, and the algorithms. Included separately:
// Boost.Graph interop (graph/boost_adapter.hpp, the only header that pulls in the BGL), the web
// model (web/*.hpp: URLs, domains, web graph, authority, disavow) and I/O (io/*.hpp).
#pragma once

#include "linkequity/algo/contributions.hpp"
#include "linkequity/algo/cheirank.hpp"
#include "linkequity/algo/harmonic.hpp"
#include "linkequity/algo/hits.hpp"
#include "linkequity/algo/pagerank.hpp"
#include "linkequity/algo/salsa.hpp"
#include "linkequity/algo/spam_mass.hpp"
#include "linkequity/algo/trustrank.hpp"
#include "linkequity/algo/topic_pagerank.hpp"
#include "linkequity/algo/verify.hpp"
#include "linkequity/config.hpp"
#include "linkequity/error.hpp"
#include "linkequity/graph/builder.hpp"
#include "linkequity/graph/csr_graph.hpp"
#include "linkequity/graph/edge_flags.hpp"
#include "linkequity/graph/edge_stream.hpp"
#include "linkequity/graph/generators.hpp"
#include "linkequity/version.hpp"

// SPDX-License-Identifier: MIT
// Progress of the library's long passes on a progress_bar (output.hpp): authority_options whose
// callbacks draw compute_authority's passes and every PageRank's convergence.
#pragma once

#include "linkequity/web/authority.hpp"
#include "output.hpp"

namespace linkequity::cli {

/// A copy of `o` whose callbacks show the work on `bar` (unchanged when the bar is disabled):
/// on_pass makes each pass of compute_authority a stage ("page graph", "page rank", …; a
/// "… rank" pass as a bar, the others with their elapsed time), and every PageRank run
/// (compute_authority's, TrustRank's, a topic's, …) restarts the bar at its first iteration and
/// advances it by convergence_share, with the iteration and residual as its detail. The bar must
/// outlive the runs that use the returned options. Never cancels.
web::authority_options with_progress(const web::authority_options& o, progress_bar& bar);

}  // namespace linkequity::cli

// docs/errors.md, the page that explains each mistake memviz stops at, baked into the binary at
// build time (cmake/embed_file.cmake) and parsed once. The What happened panel's "Learn more"
// opens one of its sections in the Concept window; the same file, rendered as HTML, is beside
// the page (docs/errors.html), where "Open in the docs" points.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "markdown.h"

namespace memviz::web {

std::span<const MarkdownBlock> errors_doc();

// The title of the section with heading anchor `anchor` ("Use after free"), or "" if none.
const std::string& concept_title(std::string_view anchor);

// "docs/errors.html#use-after-free": the section's address relative to the page.
std::string concept_url(std::string_view anchor);

}  // namespace memviz::web

#include "concept_doc.h"

#include <vector>

extern const unsigned char kErrorsDoc[];
extern const unsigned int kErrorsDoc_size;

namespace memviz::web {

std::span<const MarkdownBlock> errors_doc() {
    static const std::vector<MarkdownBlock> blocks =
        parse_markdown(std::string_view(reinterpret_cast<const char*>(kErrorsDoc), kErrorsDoc_size));
    return blocks;
}

const std::string& concept_title(std::string_view anchor) {
    static const std::string none;
    const auto section = markdown_section(errors_doc(), anchor);
    return section.empty() ? none : section.front().text;
}

std::string concept_url(std::string_view anchor) {
    std::string url("docs/errors.html#");
    url.append(anchor);
    return url;
}

}  // namespace memviz::web

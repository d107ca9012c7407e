#include "examples.h"

#include <string>

namespace memviz::web {

std::string_view example_header(std::string_view source, std::string_view key) {
    const std::string marker = std::string("// ").append(key).append(": ");
    const std::size_t at = source.find(marker);
    if (at == std::string_view::npos) return {};
    const std::size_t first = at + marker.size();
    const std::size_t end = source.find('\n', first);
    return source.substr(first, (end == std::string_view::npos ? source.size() : end) - first);
}

}  // namespace memviz::web

// The Examples menu's programs (web/examples/*.c), baked into the binary at build time by
// cmake/embed_examples.cmake. Each begins with `// title: ...` and `// concept: ...` lines.
#pragma once

#include <cstddef>
#include <string_view>

namespace memviz::web {

struct Example {
    const char* file;    // "04-malloc-an-int.c"
    const char* source;  // the whole program, NUL-terminated
};

extern const Example kExamples[];
extern const std::size_t kExampleCount;

// The text after `// KEY: ` on its first line in `source` ("title", "concept"), or "".
std::string_view example_header(std::string_view source, std::string_view key);

}  // namespace memviz::web

// Generates malloc-lab traces of the classic shapes, deterministically: the same shape, seed and
// operation count give the same trace on every platform (the generator has its own PRNG and
// never uses std::*_distribution, whose results differ between standard libraries).
//
//   compiler    many small objects of skewed sizes, freed phase by phase, a few kept for long
//               (the shape of the amptjp and cccp traces: a compiler's heap)
//   expr        an expression evaluator: trees of small nodes and token strings built and freed
//               in post-order, a few results kept in a symbol table
//   coalescing  allocate a row of blocks, free them all (odd ones last, so each joins both
//               neighbours), then allocate one block nearly as large as the row
//   random      allocations of random sizes up to 8 KiB freed in random order
//   binary      alternate 64- and 448-byte blocks, free the 448s, then allocate 512s: every hole
//               is just too small, which defeats fits that do not coalesce or place well
//   binary2     the same with 16, 112 and 128 bytes
//   realloc     one block grown by 128 bytes at a time, a 128-byte block allocated after it
//               each time so it cannot grow in place
//   realloc2    the same from 4092 bytes growing by 5, with 16-byte blocks in the way
//
// Every trace ends with every block freed (the malloc lab's "-bal" traces) and has at most the
// requested number of operations, usually a few fewer. binary, binary2, realloc and realloc2 are
// fixed patterns: the seed does not change them.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "alloc/trace.h"

namespace memviz::alloc {

enum class TraceShape : std::uint8_t { Compiler, Expr, Coalescing, Random, Binary, Binary2, Realloc, Realloc2 };

// "compiler", "expr", "coalescing", "random", "binary", "binary2", "realloc", "realloc2".
std::string_view name(TraceShape shape);
std::optional<TraceShape> parse_trace_shape(std::string_view text);
std::span<const TraceShape> all_trace_shapes();

struct TraceGenOptions {
    std::uint64_t seed = 0;
    std::uint64_t ops = 0;  // the most operations the trace may have
};

// The shape's fixed seed and an operation count in the low thousands, so tests run fast.
TraceGenOptions default_gen_options(TraceShape shape);

// The trace is named after its shape.
Trace generate_trace(TraceShape shape, TraceGenOptions options);
Trace generate_trace(TraceShape shape);

}  // namespace memviz::alloc

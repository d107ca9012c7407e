// Allocation traces in the format of the CS:APP malloc lab (.rep files, what its mdriver replays):
// a four-line header, then one allocator request per line, each naming its block by an id.
//
//   20000      suggested heap size in bytes (mdriver ignores it; memviz sizes its heap from it)
//   2          number of ids: every id is in [0, 2)
//   5          number of operations that follow
//   1          weight (whether mdriver counts the trace in its score)
//   a 0 512    malloc:  block 0 = malloc(512)
//   a 1 128
//   r 0 640    realloc: block 0 = realloc(block 0, 640)
//   f 1        free(block 1)
//   f 0
//
// Blank lines and spaces around words are ignored. A Trace is valid when every id is below
// id_count and the operations make sense in order: `a` names an id that is not live, `r` and
// `f` one that is. parse_trace and check_trace enforce this; the replayer and the generator
// rely on it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "support/result.h"

namespace memviz::alloc {

enum class TraceOpKind : std::uint8_t { Malloc, Realloc, Free };

struct TraceOp {
    TraceOpKind kind{};
    std::uint64_t id = 0;
    std::uint64_t bytes = 0;  // bytes requested; 0 for a free
    std::uint64_t line = 0;   // 1-based line in the .rep text it came from; 0 when generated
};

struct Trace {
    std::string name;                        // file stem or generator shape, for reports
    std::uint64_t suggested_heap_bytes = 0;
    std::uint64_t id_count = 0;
    std::uint64_t weight = 1;
    std::vector<TraceOp> ops;
};

// Reads .rep text. Errors name the 1-based line: "line 7: expected `a ID BYTES`, got `a 3`".
// Any bytes at all give a Trace or an error, never a crash.
Result<Trace> parse_trace(std::string_view text, std::string name = {});

// The .rep text of a trace; parse_trace(to_rep(t)) gives t back (but for line numbers).
std::string to_rep(const Trace& trace);

// The first way the trace is invalid (see above), or nothing; messages say "line N" for parsed
// operations and "operation N" (1-based) for generated ones.
std::optional<std::string> check_trace(const Trace& trace);

// "a 3 100", "r 3 200", "f 3": the operation as a .rep line.
std::string to_rep(const TraceOp& op);

// Where an operation came from: "line 16" or "operation 12".
std::string where(const TraceOp& op, std::size_t index);

// The ids renumbered 0, 1, 2... in order of first use, one number per operation, so that a
// replayer keeps per-block state in a vector however large the header's id count is.
struct DenseIds {
    std::vector<std::size_t> of_op;
    std::size_t count = 0;
};
DenseIds dense_ids(const Trace& trace);

// The byte a replay writes at `offset` into the payload of block `id`. It depends on the id, so
// a realloc that copied the wrong block shows, and on the offset, so a copy that shifted shows;
// not on the operation, so the bytes realloc keeps still match after it.
inline std::uint8_t pattern_byte(std::uint64_t id, std::uint64_t offset) {
    return static_cast<std::uint8_t>(id * 151 + 17 + offset);
}
void fill_pattern(std::span<std::uint8_t> out, std::uint64_t id, std::uint64_t first_offset = 0);

}  // namespace memviz::alloc

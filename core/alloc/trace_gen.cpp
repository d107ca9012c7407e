// One function per shape, each writing through a TraceBuilder that hands out fresh ids and keeps
// count of the frees still owed, so a shape stops while everything it allocated can still be
// freed within the operation budget:
//   committed = operations so far + live blocks  <=  options.ops   at every step.
#include "alloc/trace_gen.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

namespace memviz::alloc {
namespace {

// splitmix64 (Steele, Lea, Flood 2014): small, fast and the same everywhere.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // In [low, high]. The modulo bias is below 2^-40 for the small ranges used here.
    std::uint64_t between(std::uint64_t low, std::uint64_t high) { return low + next() % (high - low + 1); }
    bool percent(std::uint64_t chance) { return next() % 100 < chance; }

private:
    std::uint64_t m_state;
};

class TraceBuilder {
public:
    std::uint64_t malloc(std::uint64_t bytes) {
        const std::uint64_t id = m_bytes.size();
        m_bytes.push_back(bytes);
        m_trace.ops.push_back({TraceOpKind::Malloc, id, bytes, 0});
        ++m_live;
        set_live_bytes(m_live_bytes + bytes);
        return id;
    }
    void realloc(std::uint64_t id, std::uint64_t bytes) {
        m_trace.ops.push_back({TraceOpKind::Realloc, id, bytes, 0});
        set_live_bytes(m_live_bytes - bytes_of(id) + bytes);
        bytes_of(id) = bytes;
    }
    void free(std::uint64_t id) {
        m_trace.ops.push_back({TraceOpKind::Free, id, 0, 0});
        --m_live;
        set_live_bytes(m_live_bytes - bytes_of(id));
    }

    std::uint64_t ops() const { return m_trace.ops.size(); }
    // The operations the trace will have if nothing more is allocated: the frees still owed count.
    std::uint64_t committed() const { return ops() + m_live; }

    // The suggested heap size is the most the trace ever has live.
    Trace finish(TraceShape shape) {
        m_trace.name = std::string(name(shape));
        m_trace.id_count = m_bytes.size();
        m_trace.suggested_heap_bytes = m_peak_bytes;
        m_trace.weight = 1;
        return std::move(m_trace);
    }

private:
    // Ids are indices into m_bytes: handed out by malloc() in order.
    std::uint64_t& bytes_of(std::uint64_t id) { return m_bytes[static_cast<std::size_t>(id)]; }

    void set_live_bytes(std::uint64_t bytes) {
        m_live_bytes = bytes;
        m_peak_bytes = std::max(m_peak_bytes, bytes);
    }

    Trace m_trace;
    std::vector<std::uint64_t> m_bytes;  // per id: its size now
    std::uint64_t m_live = 0;
    std::uint64_t m_live_bytes = 0;
    std::uint64_t m_peak_bytes = 0;
};

// Frees a random one of `live` and drops it from the list.
void free_random(SplitMix64& rng, TraceBuilder& trace, std::vector<std::uint64_t>& live) {
    const std::size_t index = static_cast<std::size_t>(rng.between(0, live.size() - 1));
    trace.free(live[index]);
    live[index] = live.back();
    live.pop_back();
}

// Mostly small objects: 60% up to 48 bytes, 25% up to 160, 12% up to 1 KiB, 3% up to 6000.
std::uint64_t compiler_object_size(SplitMix64& rng) {
    const std::uint64_t roll = rng.between(0, 99);
    if (roll < 60) return rng.between(4, 48);
    if (roll < 85) return rng.between(49, 160);
    if (roll < 97) return rng.between(161, 1024);
    return rng.between(1025, 6000);
}

Trace compiler(TraceGenOptions options) {
    SplitMix64 rng(options.seed);
    TraceBuilder trace;
    std::vector<std::uint64_t> kept;  // objects that outlive their phase (symbols, types)
    for (;;) {
        // Each object of a phase is allocated once and freed once, now or at the end.
        const std::uint64_t room = (options.ops - trace.committed()) / 2;
        const std::uint64_t objects = std::min(rng.between(10, 60), room);
        if (objects == 0) break;
        std::vector<std::uint64_t> phase;
        for (std::uint64_t i = 0; i < objects; ++i) phase.push_back(trace.malloc(compiler_object_size(rng)));
        for (auto it = phase.rbegin(); it != phase.rend(); ++it) {  // scopes end last-in, first-out
            if (rng.percent(15)) kept.push_back(*it);
            else trace.free(*it);
        }
        if (rng.percent(25)) {  // now and then half of what was kept goes
            std::vector<std::uint64_t> still_kept;
            for (std::uint64_t id : kept) {
                if (rng.percent(50)) trace.free(id);
                else still_kept.push_back(id);
            }
            kept = std::move(still_kept);
        }
    }
    for (std::uint64_t id : kept) trace.free(id);
    return trace.finish(TraceShape::Compiler);
}

Trace expr(TraceGenOptions options) {
    SplitMix64 rng(options.seed);
    TraceBuilder trace;
    std::vector<std::uint64_t> symbols;  // results kept by name
    for (;;) {
        // A node costs at most 4 operations (itself and a token string, each allocated and
        // freed); a result kept costs 2.
        const std::uint64_t room = options.ops - trace.committed();
        const std::uint64_t nodes = room < 2 ? 0 : std::min(rng.between(3, 40), (room - 2) / 4);
        if (nodes == 0) break;
        std::vector<std::uint64_t> tree;
        for (std::uint64_t i = 0; i < nodes; ++i) {
            const std::uint64_t roll = rng.between(0, 99);
            tree.push_back(trace.malloc(roll < 50 ? 24 : roll < 80 ? 32 : 40));
            if (rng.percent(50)) tree.push_back(trace.malloc(rng.between(2, 24)));  // a leaf's token
        }
        for (auto it = tree.rbegin(); it != tree.rend(); ++it) trace.free(*it);  // post-order
        if (rng.percent(30)) symbols.push_back(trace.malloc(16));
        if (symbols.size() > 24) free_random(rng, trace, symbols);
    }
    for (std::uint64_t id : symbols) trace.free(id);
    return trace.finish(TraceShape::Expr);
}

Trace coalescing(TraceGenOptions options) {
    SplitMix64 rng(options.seed);
    TraceBuilder trace;
    for (;;) {
        // A row of n blocks costs 2n operations, the large block after it 2.
        const std::uint64_t room = options.ops - trace.committed();
        if (room < 6) break;
        const std::uint64_t blocks = std::min(rng.between(2, 8), (room - 2) / 2);
        const std::uint64_t size = rng.between(512, 4096);
        std::vector<std::uint64_t> row;
        for (std::uint64_t i = 0; i < blocks; ++i) row.push_back(trace.malloc(size));
        for (std::size_t i = 0; i < row.size(); i += 2) trace.free(row[i]);
        for (std::size_t i = 1; i < row.size(); i += 2) trace.free(row[i]);  // each joins both neighbours
        trace.free(trace.malloc(blocks * size - rng.between(0, size / 2)));
    }
    return trace.finish(TraceShape::Coalescing);
}

Trace random_sizes(TraceGenOptions options) {
    SplitMix64 rng(options.seed);
    TraceBuilder trace;
    std::vector<std::uint64_t> live;
    // A malloc costs 2 operations (with its free); a free is already counted.
    while (trace.committed() + 2 <= options.ops) {
        const std::uint64_t malloc_chance = trace.ops() < options.ops / 2 ? 60 : 40;  // grow, then shrink
        if (live.empty() || rng.percent(malloc_chance)) live.push_back(trace.malloc(rng.between(1, 8192)));
        else free_random(rng, trace, live);
    }
    while (!live.empty()) free_random(rng, trace, live);
    return trace.finish(TraceShape::Random);
}

Trace binary(TraceGenOptions options, TraceShape shape, std::uint64_t small, std::uint64_t large,
             std::uint64_t larger) {
    TraceBuilder trace;
    const std::uint64_t pairs = options.ops / 6;  // 6 operations per pair
    std::vector<std::uint64_t> smalls;
    std::vector<std::uint64_t> larges;
    for (std::uint64_t i = 0; i < pairs; ++i) {
        smalls.push_back(trace.malloc(small));
        larges.push_back(trace.malloc(large));
    }
    for (std::uint64_t id : larges) trace.free(id);
    std::vector<std::uint64_t> largers;
    for (std::uint64_t i = 0; i < pairs; ++i) largers.push_back(trace.malloc(larger));
    for (std::uint64_t id : smalls) trace.free(id);
    for (std::uint64_t id : largers) trace.free(id);
    return trace.finish(shape);
}

Trace growing(TraceGenOptions options, TraceShape shape, std::uint64_t start, std::uint64_t step,
              std::uint64_t blocker_size) {
    TraceBuilder trace;
    if (options.ops < 4) return trace.finish(shape);
    const std::uint64_t rounds = (options.ops - 4) / 3;  // realloc, malloc, free
    const std::uint64_t grown = trace.malloc(start);
    std::uint64_t blocker = trace.malloc(blocker_size);
    std::uint64_t size = start;
    for (std::uint64_t i = 0; i < rounds; ++i) {
        size += step;
        trace.realloc(grown, size);
        const std::uint64_t next = trace.malloc(blocker_size);
        trace.free(blocker);
        blocker = next;
    }
    trace.free(grown);
    trace.free(blocker);
    return trace.finish(shape);
}

struct ShapeInfo {
    TraceShape shape;
    std::string_view name;
    TraceGenOptions defaults;
};

constexpr std::array<ShapeInfo, 8> kShapes = {{
    {TraceShape::Compiler, "compiler", {0xc0de, 3000}},
    {TraceShape::Expr, "expr", {0xe4, 3000}},
    {TraceShape::Coalescing, "coalescing", {0xc0a1, 2400}},
    {TraceShape::Random, "random", {0x5eed, 2400}},
    {TraceShape::Binary, "binary", {0xb1, 2400}},
    {TraceShape::Binary2, "binary2", {0xb2, 2400}},
    {TraceShape::Realloc, "realloc", {0x4e, 2400}},
    {TraceShape::Realloc2, "realloc2", {0x4e2, 2400}},
}};

constexpr std::array<TraceShape, kShapes.size()> kAllShapes = {
    TraceShape::Compiler, TraceShape::Expr,    TraceShape::Coalescing, TraceShape::Random,
    TraceShape::Binary,   TraceShape::Binary2, TraceShape::Realloc,    TraceShape::Realloc2,
};

const ShapeInfo& shape_info(TraceShape shape) { return kShapes[static_cast<std::size_t>(shape)]; }

}  // namespace

std::string_view name(TraceShape shape) { return shape_info(shape).name; }

std::optional<TraceShape> parse_trace_shape(std::string_view text) {
    for (const ShapeInfo& shape : kShapes) {
        if (shape.name == text) return shape.shape;
    }
    return std::nullopt;
}

std::span<const TraceShape> all_trace_shapes() { return kAllShapes; }

TraceGenOptions default_gen_options(TraceShape shape) { return shape_info(shape).defaults; }

Trace generate_trace(TraceShape shape, TraceGenOptions options) {
    switch (shape) {
        case TraceShape::Compiler: return compiler(options);
        case TraceShape::Expr: return expr(options);
        case TraceShape::Coalescing: return coalescing(options);
        case TraceShape::Random: return random_sizes(options);
        case TraceShape::Binary: return binary(options, shape, 64, 448, 512);
        case TraceShape::Binary2: return binary(options, shape, 16, 112, 128);
        case TraceShape::Realloc: return growing(options, shape, 512, 128, 128);
        case TraceShape::Realloc2: return growing(options, shape, 4092, 5, 16);
    }
    return {};
}

Trace generate_trace(TraceShape shape) { return generate_trace(shape, default_gen_options(shape)); }

}  // namespace memviz::alloc

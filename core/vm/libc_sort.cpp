// qsort and bsearch, which call the program's comparison function. They run as state machines
// over a LibraryFrame (library.h): each step either asks the VM to call the comparator and
// returns, or finishes. qsort is a heapsort -- in place, O(n log n) comparisons, and all its
// variables fit the frame -- so equal elements may end up in another order than glibc's (C does
// not promise one). bsearch halves [lo, hi) exactly as glibc's does, so the comparator sees the
// same calls.
//
//   qsort frame:   base count size compare | building start end root child | phase
//   bsearch frame: key base size compare | lo hi mid
#include "support/format.h"
#include "vm/libc_internal.h"

namespace memviz::vm {
namespace {

enum Slot : std::size_t { kBase, kCount, kSize, kCompare, kBuilding, kStart, kEnd, kRoot, kChild, kPhase };
enum SearchSlot : std::size_t { kKey = 0, kSearchBase = 1, kSearchSize = 2, kSearchCompare = 3, kLo = 4, kHi = 5, kMid = 6 };
enum Phase : std::uint64_t { kSift, kPickChild, kCompareRoot };

Addr element(const LibraryFrame& frame, std::uint64_t index) { return frame.state[kBase] + index * frame.state[kSize]; }

Value compare(Call& call, LibraryFrame& frame, Addr first, Addr second) {
    const std::uint64_t args[] = {first, second};
    if (auto problem = call.vm.call_back(frame.state[kCompare], args, frame)) call.error = std::move(problem);
    return std::nullopt;
}

bool swap(Call& call, const LibraryFrame& frame, std::uint64_t i, std::uint64_t j) {
    const std::uint64_t size = frame.state[kSize];
    auto a = call.read_bytes(element(frame, i), size);
    if (!a) return false;
    auto b = call.read_bytes(element(frame, j), size);
    if (!b) return false;
    return call.write_bytes(element(frame, i), *b) && call.write_bytes(element(frame, j), *a);
}

// Runs the heapsort until it needs a comparison (`comparison` answers the last one asked).
Value sort_steps(Call& call, LibraryFrame frame, std::optional<std::int32_t> comparison) {
    auto& s = frame.state;
    for (;;) {
        switch (s[kPhase]) {
            case kPickChild:  // is the left child smaller than the right one?
                if (*comparison < 0) ++s[kChild];
                s[kPhase] = kCompareRoot;
                return compare(call, frame, element(frame, s[kRoot]), element(frame, s[kChild]));
            case kCompareRoot:  // is the root smaller than its larger child? then sink it
                if (*comparison < 0) {
                    if (!swap(call, frame, s[kRoot], s[kChild])) return std::nullopt;
                    s[kRoot] = s[kChild];
                    s[kPhase] = kSift;
                    continue;
                }
                break;  // the sift is done
            default: {     // kSift: one level of sifting s[kRoot] down within [0, end)
                s[kChild] = 2 * s[kRoot] + 1;
                if (s[kChild] >= s[kEnd]) break;
                if (s[kChild] + 1 < s[kEnd]) {
                    s[kPhase] = kPickChild;
                    return compare(call, frame, element(frame, s[kChild]), element(frame, s[kChild] + 1));
                }
                s[kPhase] = kCompareRoot;
                return compare(call, frame, element(frame, s[kRoot]), element(frame, s[kChild]));
            }
        }
        // A sift finished: build the heap from count/2 - 1 down to 0, then move the largest to
        // the end one at a time.
        s[kPhase] = kSift;
        if (s[kBuilding] != 0 && s[kStart] > 0) {
            s[kRoot] = --s[kStart];
            continue;
        }
        s[kBuilding] = 0;
        if (--s[kEnd] == 0) return std::nullopt;
        if (!swap(call, frame, 0, s[kEnd])) return std::nullopt;
        s[kRoot] = 0;
    }
}

Value search_step(Call& call, LibraryFrame frame) {
    auto& s = frame.state;
    if (s[kLo] >= s[kHi]) return 0;  // not found: NULL
    s[kMid] = (s[kLo] + s[kHi]) / 2;
    const std::uint64_t args[] = {s[kKey], s[kSearchBase] + s[kMid] * s[kSearchSize]};
    if (auto problem = call.vm.call_back(s[kSearchCompare], args, frame)) call.error = std::move(problem);
    return std::nullopt;
}

}  // namespace

Value start_sort(Call& call, Fn fn) {
    LibraryFrame frame;
    frame.id = static_cast<std::uint32_t>(fn);
    auto& s = frame.state;
    if (fn == Fn::Bsearch) {
        s = {call.pointer_arg(0), call.pointer_arg(1), call.size_arg(3), call.pointer_arg(4), 0, call.size_arg(2), 0};
        if (!call.check(s[kSearchBase], s[kHi] * s[kSearchSize], Access::Read)) return std::nullopt;
        return search_step(call, frame);
    }
    const std::uint64_t count = call.size_arg(1);
    const std::uint64_t size = call.size_arg(2);
    if (count > 0 && size > 0 && count > ~std::uint64_t{0} / size) {
        return call.fail(RuntimeErrorKind::Library, "qsort: count * size overflows",
                         "qsort's second argument is the number of elements, the third the size of one.");
    }
    // The whole array must be the program's to read and write, as qsort will do both.
    if (!call.check(call.pointer_arg(0), count * size, Access::Read) ||
        !call.check(call.pointer_arg(0), count * size, Access::Write)) {
        return std::nullopt;
    }
    if (count < 2 || size == 0) return std::nullopt;
    s = {call.pointer_arg(0), count, size, call.pointer_arg(3), 1, count / 2 - 1, count, count / 2 - 1, 0, kSift};
    return sort_steps(call, frame, std::nullopt);
}

Value resume_sort(Call& call, const LibraryFrame& frame, std::int32_t comparison) {
    if (static_cast<Fn>(frame.id) == Fn::Qsort) return sort_steps(call, frame, comparison);
    LibraryFrame next = frame;
    auto& s = next.state;
    if (comparison < 0) s[kHi] = s[kMid];
    else if (comparison > 0) s[kLo] = s[kMid] + 1;
    else return s[kSearchBase] + s[kMid] * s[kSearchSize];
    return search_step(call, next);
}

}  // namespace memviz::vm

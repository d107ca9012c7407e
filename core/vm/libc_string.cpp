// string.h. Each function reads its source strings completely before it writes, then checks the
// whole destination range, so an overflow is reported at its first bad byte and nothing is
// half-copied. Comparisons return the difference of the first differing bytes (as unsigned
// chars), as glibc's x86-64 versions do. memcpy, strcpy, strncpy, strcat and strncat refuse
// overlapping source and destination, which C leaves undefined.
#include <algorithm>

#include "support/format.h"
#include "vm/libc_internal.h"

namespace memviz::vm {
namespace {

std::span<const std::uint8_t> bytes_of(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

// [first, first + size) ranges; an error when the destination written and the source read share
// a byte.
bool no_overlap(Call& call, Addr destination, std::uint64_t written, Addr source, std::uint64_t read) {
    if (written == 0 || read == 0) return true;
    const Addr first = std::max(destination, source);
    const Addr end = std::min(destination + written, source + read);
    if (first >= end) return true;
    const std::string text = std::string(call.function) + ": the destination " + hex_address(destination) + " (" +
                             std::to_string(written) + " bytes written) and the source " + hex_address(source) + " (" +
                             std::to_string(read) + " bytes read) overlap by " + std::to_string(end - first) + " bytes";
    call.fail(RuntimeErrorKind::OverlappingCopy, text,
              std::string(call.function) + " may copy the bytes in any order, so when source and destination "
              "overlap, bytes can be overwritten before they are copied and the result is undefined. Use "
              "memmove, which is made for overlapping ranges (or copy through a separate buffer).",
              first);
    return false;
}

int compare_bytes(std::string_view a, std::string_view b, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        const int left = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        const int right = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        if (left != right || left == 0) return left - right;
    }
    return 0;
}

Value copy_string(Call& call, bool append, std::optional<std::uint64_t> limit) {
    const Addr destination = call.pointer_arg(0);
    const Addr source = call.pointer_arg(1);
    std::uint64_t start = 0;
    if (append) {
        auto existing = call.read_string(destination);
        if (!existing) return std::nullopt;
        start = existing->size();
    }
    auto text = call.read_string(source, limit);
    if (!text) return std::nullopt;
    std::string bytes = *text;
    const std::uint64_t source_bytes = limit && text->size() == *limit ? *limit : text->size() + 1;
    if (limit && !append) bytes.resize(static_cast<std::size_t>(*limit), '\0');  // strncpy pads with zeros
    else bytes.push_back('\0');
    // strncpy writes no terminator when the source is at least n long; everything else does.
    if (!call.check(destination + start, bytes.size(), Access::Write)) return std::nullopt;
    if (!no_overlap(call, destination + start, bytes.size(), source, source_bytes)) return std::nullopt;
    if (!call.write_bytes(destination + start, bytes_of(bytes))) return std::nullopt;
    return destination;
}

Value find_char(Call& call, bool last) {
    const Addr s = call.pointer_arg(0);
    auto text = call.read_string(s);
    if (!text) return std::nullopt;
    const char c = static_cast<char>(call.int_arg(1));
    if (c == '\0') return s + text->size();
    const std::size_t at = last ? text->rfind(c) : text->find(c);
    return at == std::string::npos ? 0 : s + at;
}

Value copy_memory(Call& call, bool may_overlap) {
    const Addr destination = call.pointer_arg(0);
    const Addr source = call.pointer_arg(1);
    const std::uint64_t count = call.size_arg(2);
    auto bytes = call.read_bytes(source, count);
    if (!bytes || !call.check(destination, count, Access::Write)) return std::nullopt;
    if (!may_overlap && !no_overlap(call, destination, count, source, count)) return std::nullopt;
    if (!call.write_bytes(destination, *bytes)) return std::nullopt;
    return destination;
}

}  // namespace

Value call_string(Call& call, Fn fn) {
    switch (fn) {
        case Fn::Strlen: return call.string_length(call.pointer_arg(0));
        case Fn::Strcpy: return copy_string(call, false, std::nullopt);
        case Fn::Strncpy: return copy_string(call, false, call.size_arg(2));
        case Fn::Strcat: return copy_string(call, true, std::nullopt);
        case Fn::Strncat: return copy_string(call, true, call.size_arg(2));
        case Fn::Strcmp: case Fn::Strncmp: {
            const std::optional<std::uint64_t> limit =
                fn == Fn::Strncmp ? std::optional<std::uint64_t>(call.size_arg(2)) : std::nullopt;
            auto a = call.read_string(call.pointer_arg(0), limit);
            if (!a) return std::nullopt;
            // b is read no further than where the comparison must stop.
            const std::uint64_t b_limit = limit ? std::min<std::uint64_t>(*limit, a->size() + 1) : a->size() + 1;
            auto b = call.read_string(call.pointer_arg(1), b_limit);
            if (!b) return std::nullopt;
            const auto count = static_cast<std::size_t>(b_limit);
            return Call::int_slot(compare_bytes(*a, *b, count));
        }
        case Fn::Strchr: return find_char(call, false);
        case Fn::Strrchr: return find_char(call, true);
        case Fn::Strstr: {
            auto haystack = call.read_string(call.pointer_arg(0));
            if (!haystack) return std::nullopt;
            auto needle = call.read_string(call.pointer_arg(1));
            if (!needle) return std::nullopt;
            const std::size_t at = haystack->find(*needle);
            return at == std::string::npos ? 0 : call.pointer_arg(0) + at;
        }
        case Fn::Strdup: {
            auto text = call.read_string(call.pointer_arg(0));
            if (!text) return std::nullopt;
            auto copy = call.vm.allocator().malloc(text->size() + 1, call.site());
            if (!copy) {
                call.set_errno(kEnomem);
                return 0;
            }
            if (!call.write_string(*copy, *text)) return std::nullopt;
            return *copy;
        }
        case Fn::Memcpy: return copy_memory(call, false);
        case Fn::Memmove: return copy_memory(call, true);
        case Fn::Memset: {
            const Addr destination = call.pointer_arg(0);
            const std::uint64_t count = call.size_arg(2);
            if (!call.check(destination, count, Access::Write)) return std::nullopt;
            if (count > 0) call.vm.memory().fill(destination, count, static_cast<std::uint8_t>(call.int_arg(1)));
            return destination;
        }
        case Fn::Memcmp: {
            const std::uint64_t count = call.size_arg(2);
            auto a = call.read_bytes(call.pointer_arg(0), count);
            if (!a) return std::nullopt;
            auto b = call.read_bytes(call.pointer_arg(1), count);
            if (!b) return std::nullopt;
            for (std::size_t i = 0; i < a->size(); ++i) {
                if ((*a)[i] != (*b)[i]) return Call::int_slot(int{(*a)[i]} - int{(*b)[i]});
            }
            return 0;
        }
        default: return std::nullopt;
    }
}

}  // namespace memviz::vm

// Call: the library's checked way into simulated memory. Every access is classified by
// Vm::check_access first, so the library's reads and writes fail exactly as the program's own
// would; the error names the library function ("strlen: read of 1 byte at ...").
//
// Strings are read in chunks that end at the segment's end: a chunk that passes the check is
// scanned for the terminator, and only when a chunk fails is the string read byte by byte, so
// the error points at the first byte the program may not read -- unless the terminator comes
// before it.
#include <algorithm>
#include <functional>

#include "support/bit_cast.h"
#include "support/format.h"
#include "vm/libc_internal.h"

namespace memviz::vm {
namespace {

constexpr std::uint64_t kChunk = 256;

}  // namespace

double Call::double_arg(std::size_t index) const { return memviz::bit_cast<double>(slot(index)); }

std::uint64_t Call::double_slot(double value) { return memviz::bit_cast<std::uint64_t>(value); }

bool Call::check(Addr address, std::uint64_t bytes, Access access) {
    if (bytes == 0) return true;
    auto problem = vm.check_access(address, bytes, access);
    // The range starts in the object the pointer argument points into and must end there too.
    if (!problem) problem = vm.check_object_bounds(address, address, bytes);
    return accept(std::move(problem));
}

bool Call::accept(std::optional<RuntimeError> problem) {
    if (!problem) return true;
    if (reported) return true;  // one report per call: the first bad byte says it all
    problem->message = std::string(function) + ": " + problem->message;
    if (vm.continues_past(problem->kind)) {
        reported = true;
        return vm.report(std::move(*problem));
    }
    error = std::move(problem);
    return false;
}

std::optional<std::uint64_t> Call::walk_string(Addr address, std::optional<std::uint64_t> limit,
                                               const std::function<void(std::span<const std::uint8_t>)>& take) {
    std::uint64_t length = 0;
    std::vector<std::uint8_t> bytes;
    Addr at = address;
    while (!limit || length < *limit) {
        // A chunk up to the segment's end (or one byte when no segment holds `at`, which the
        // check then reports), and no longer than the limit left.
        std::uint64_t chunk = kChunk;
        if (const Segment* segment = vm.memory().layout().segment_of(at)) chunk = std::min(chunk, segment->last - at + 1);
        else chunk = 1;
        if (limit) chunk = std::min<std::uint64_t>(chunk, *limit - length);
        if (vm.check_access(at, chunk, Access::Read)) {
            chunk = 1;
            if (!check(at, 1, Access::Read)) return std::nullopt;
        }
        bytes.resize(static_cast<std::size_t>(chunk));
        vm.memory().read(at, bytes);
        const auto end = std::find(bytes.begin(), bytes.end(), std::uint8_t{0});
        take({bytes.data(), static_cast<std::size_t>(end - bytes.begin())});
        length += static_cast<std::uint64_t>(end - bytes.begin());
        if (end != bytes.end()) {
            // A string that runs out of its array (no terminator inside it) reads neighbours.
            if (!accept(vm.check_object_bounds(address, address, length + 1))) return std::nullopt;
            return length;
        }
        at += chunk;
    }
    if (!accept(vm.check_object_bounds(address, address, length))) return std::nullopt;
    return length;
}

std::optional<std::string> Call::read_string(Addr address, std::optional<std::uint64_t> limit) {
    std::string text;
    auto append = [&text](std::span<const std::uint8_t> bytes) { text.append(bytes.begin(), bytes.end()); };
    if (!walk_string(address, limit, append)) return std::nullopt;
    return text;
}

std::optional<std::uint64_t> Call::string_length(Addr address) {
    return walk_string(address, std::nullopt, [](std::span<const std::uint8_t>) {});
}

std::optional<std::vector<std::uint8_t>> Call::read_bytes(Addr address, std::uint64_t bytes) {
    if (!check(address, bytes, Access::Read)) return std::nullopt;
    std::vector<std::uint8_t> out(static_cast<std::size_t>(bytes));
    if (bytes > 0) vm.memory().read(address, out);
    return out;
}

bool Call::write_bytes(Addr address, std::span<const std::uint8_t> bytes) {
    if (!check(address, bytes.size(), Access::Write)) return false;
    if (!bytes.empty()) vm.memory().write(address, bytes);
    return true;
}

bool Call::write_string(Addr address, std::string_view text) {
    std::vector<std::uint8_t> bytes(text.begin(), text.end());
    bytes.push_back(0);
    return write_bytes(address, bytes);
}

bool Call::write_word(Addr address, unsigned bytes, std::uint64_t value) {
    if (!check(address, bytes, Access::Write)) return false;
    vm.memory().write_word(address, bytes, value);
    return true;
}

Value Call::fail(RuntimeErrorKind kind, std::string message, std::string explanation, std::optional<Addr> address) {
    error = RuntimeError{kind, {}, std::move(message), std::move(explanation), address};
    return std::nullopt;
}

void Call::set_errno(int value) {
    const Program& program = vm.program();
    if (program.globals.size() <= kErrnoGlobal || program.globals[kErrnoGlobal].name != "errno") return;
    vm.memory().write_word(vm.image().global_address.at(kErrnoGlobal), 4,
                           static_cast<std::uint32_t>(value));
}

std::optional<int> Call::stream_fd(Addr file) {
    const Program& program = vm.program();
    if (program.globals.size() >= kLibraryGlobalCount && program.globals[kErrnoGlobal].name == "errno") {
        for (std::uint32_t fd = 0; fd < 3; ++fd) {
            if (file == vm.image().global_address.at(kFileGlobals + fd)) return static_cast<int>(fd);
        }
    }
    if (!check(file, 1, Access::Read)) return std::nullopt;  // NULL and wild pointers fault, as in glibc
    fail(RuntimeErrorKind::Library, std::string(function) + ": " + hex_address(file) + " is not an open stream",
         "memviz's programs have three streams: stdin, stdout and stderr. Pass one of them.", file);
    return std::nullopt;
}

}  // namespace memviz::vm

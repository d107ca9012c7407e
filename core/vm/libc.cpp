// The library's table of functions, its globals, the dispatch from a Builtin id to the file that
// implements the function, and the output streams.
#include "vm/libc.h"

#include <algorithm>

#include "support/format.h"
#include "vm/libc_internal.h"

namespace memviz::vm {
namespace {

// In Fn's order: the id of a function is its index here.
constexpr LibraryFunctionInfo kFunctions[] = {
    {"printf", 1, true}, {"fprintf", 2, true}, {"sprintf", 2, true}, {"snprintf", 3, true},
    {"puts", 1, false}, {"putchar", 1, false}, {"fputs", 2, false}, {"getchar", 0, false},
    {"fgets", 3, false}, {"scanf", 1, true},
    {"malloc", 1, false}, {"calloc", 2, false}, {"realloc", 2, false}, {"free", 1, false},
    {"exit", 1, false}, {"abort", 0, false}, {"atoi", 1, false}, {"atol", 1, false},
    {"strtol", 3, false}, {"abs", 1, false}, {"labs", 1, false}, {"rand", 0, false},
    {"srand", 1, false}, {"qsort", 4, false}, {"bsearch", 5, false},
    {"strlen", 1, false}, {"strcpy", 2, false}, {"strncpy", 3, false}, {"strcat", 2, false},
    {"strncat", 3, false}, {"strcmp", 2, false}, {"strncmp", 3, false}, {"strchr", 2, false},
    {"strrchr", 2, false}, {"strstr", 2, false}, {"strdup", 1, false},
    {"memcpy", 3, false}, {"memmove", 3, false}, {"memset", 3, false}, {"memcmp", 3, false},
    {"isalpha", 1, false}, {"isdigit", 1, false}, {"isalnum", 1, false}, {"isspace", 1, false},
    {"isupper", 1, false}, {"islower", 1, false}, {"isxdigit", 1, false}, {"ispunct", 1, false},
    {"isprint", 1, false}, {"toupper", 1, false}, {"tolower", 1, false},
    {"sqrt", 1, false}, {"pow", 2, false}, {"fabs", 1, false}, {"floor", 1, false},
    {"ceil", 1, false}, {"fmod", 2, false},
    {"__memviz_assert_fail", 3, false},
};
static_assert(std::size(kFunctions) == static_cast<std::size_t>(Fn::Count), "the table and Fn must list the same functions");

Call make_call(Vm& vm, CLibrary& library, std::uint32_t id, std::span<const std::uint64_t> args,
               std::optional<RuntimeError>& error) {
    const DataModelInfo model = info(vm.memory().data_model());
    return Call{vm, library, args, error, library_function_name(id), model.pointer_bytes, model.long_bytes};
}

Global library_global(std::string name, std::uint64_t offset, std::uint64_t size) {
    Global global;
    global.name = std::move(name);
    global.offset = offset;
    global.size = size;
    return global;
}

}  // namespace

std::span<const LibraryFunctionInfo> library_functions() { return kFunctions; }

std::optional<std::uint32_t> find_library_function(std::string_view name) {
    for (std::uint32_t id = 0; id < std::size(kFunctions); ++id) {
        if (kFunctions[id].name == name) return id;
    }
    return std::nullopt;
}

std::string_view library_function_name(std::uint32_t id) {
    return id < std::size(kFunctions) ? kFunctions[id].name : std::string_view{};
}

std::vector<Global> library_globals(DataModel model) {
    const unsigned pointer = info(model).pointer_bytes;
    std::vector<Global> globals;
    globals.push_back(library_global("errno", 0, 4));
    const char* streams[] = {"stdin", "stdout", "stderr"};
    for (std::uint32_t fd = 0; fd < 3; ++fd) {
        Global stream = library_global(streams[fd], 8 + 8 * fd, pointer);
        stream.relocations.push_back({0, Global::Relocation::To::Global, kFileGlobals + fd, 0});
        globals.push_back(std::move(stream));
    }
    for (std::uint32_t fd = 0; fd < 3; ++fd) {
        Global file = library_global("__memviz_" + std::string(streams[fd]) + "_file", 32 + 8 * fd, 8);
        file.initial = {static_cast<std::uint8_t>(fd), 0, 0, 0};  // struct _memviz_FILE { int fd; }
        globals.push_back(std::move(file));
    }
    return globals;
}

CLibrary::CLibrary(LibraryConfig config)
    : m_output_limit(config.output_limit), m_stdin(std::move(config.stdin_text)) {}

std::optional<std::uint64_t> CLibrary::call(Vm& vm, std::uint32_t id, std::span<const std::uint64_t> args,
                                            std::optional<RuntimeError>& error) {
    if (id >= std::size(kFunctions)) {
        error = RuntimeError{RuntimeErrorKind::Library, {}, "call of unknown library function #" + std::to_string(id),
                             "The compiler named a library function memviz does not have.", std::nullopt};
        return std::nullopt;
    }
    Call context = make_call(vm, *this, id, args, error);
    if (args.size() < kFunctions[id].params) {
        return context.fail(RuntimeErrorKind::Library,
                            std::string(kFunctions[id].name) + " needs " + std::to_string(kFunctions[id].params) +
                                " arguments, but was given " + std::to_string(args.size()),
                            "Every parameter of a library function must get an argument.");
    }
    const auto fn = static_cast<Fn>(id);
    if (fn == Fn::Scanf) return call_scanf(context);
    if (fn == Fn::Qsort || fn == Fn::Bsearch) return start_sort(context, fn);
    if (fn <= Fn::Scanf) return call_stdio(context, fn);
    if (fn <= Fn::Bsearch || fn == Fn::AssertFail) return call_stdlib(context, fn);
    if (fn <= Fn::Memcmp) return call_string(context, fn);
    return call_ctype_math(context, fn);
}

std::optional<std::uint64_t> CLibrary::resume(Vm& vm, const LibraryFrame& frame, std::uint64_t value,
                                              std::optional<RuntimeError>& error) {
    Call context = make_call(vm, *this, frame.id, {}, error);
    return resume_sort(context, frame, static_cast<std::int32_t>(value));
}

bool CLibrary::write(Stream stream, std::string_view text, std::optional<RuntimeError>& error) {
    std::string& out = stream == Stream::Stdout ? m_stdout : m_stderr;
    if (out.size() + text.size() > m_output_limit) {
        // What fits is shown, so the student sees what the program printed up to the limit.
        out.append(text.substr(0, static_cast<std::size_t>(m_output_limit - std::min<std::uint64_t>(m_output_limit, out.size()))));
        const std::string name = stream == Stream::Stdout ? "stdout" : "stderr";
        error = RuntimeError{RuntimeErrorKind::OutputLimit, {},
                             "the program printed more than " + human_size(m_output_limit) + " to " + name,
                             "memviz keeps everything a program prints, up to a limit. A program that prints "
                             "this much is usually stuck in a loop: check its loop conditions.",
                             std::nullopt};
        return false;
    }
    out.append(text);
    return true;
}

void CLibrary::restore(const State& state, std::string_view later_stdout, std::string_view later_stderr) {
    // Copied out first: the views may be of this library's own output.
    std::string out(later_stdout.substr(0, state.stdout_bytes));
    std::string err(later_stderr.substr(0, state.stderr_bytes));
    m_stdout = std::move(out);
    m_stderr = std::move(err);
    m_stdin_position = std::min(m_stdin.size(), state.stdin_position);
    m_random = state.random;
}

void CLibrary::restore(const State& earlier) {
    m_stdout.resize(std::min(m_stdout.size(), earlier.stdout_bytes));
    m_stderr.resize(std::min(m_stderr.size(), earlier.stderr_bytes));
    m_stdin_position = std::min(m_stdin.size(), earlier.stdin_position);
    m_random = earlier.random;
}

}  // namespace memviz::vm

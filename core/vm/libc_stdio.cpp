// stdio's output functions and the line and character input ones (scanf is libc_scanf.cpp).
// The return values are glibc's: puts returns the bytes written, fputs 1, putchar the
// character as an unsigned char, getchar and a failed input EOF (-1).
#include "vm/libc_internal.h"

namespace memviz::vm {
namespace {

constexpr std::uint64_t kEof = static_cast<std::uint64_t>(-1);
constexpr int kEbadf = 9;

Value print(Call& call, Stream stream, std::size_t format_arg) {
    auto text = format_text(call, call.pointer_arg(format_arg), format_arg + 1);
    if (!text) return std::nullopt;
    if (!call.library.write(stream, *text, call.error)) return std::nullopt;
    return Call::int_slot(static_cast<std::int64_t>(text->size()));
}

// The output stream a FILE * names; nullopt with an error, or with EOF returned for stdin.
std::optional<Stream> output_stream(Call& call, Addr file, Value& result) {
    auto fd = call.stream_fd(file);
    if (!fd) return std::nullopt;
    if (*fd == 0) {  // writing to stdin fails in glibc, with EBADF
        call.set_errno(kEbadf);
        result = kEof;
        return std::nullopt;
    }
    return *fd == 1 ? Stream::Stdout : Stream::Stderr;
}

Value snprintf_into(Call& call, Addr destination, std::optional<std::uint64_t> size, std::size_t format_arg) {
    auto text = format_text(call, call.pointer_arg(format_arg), format_arg + 1);
    if (!text) return std::nullopt;
    std::string_view kept = *text;
    if (size) {
        if (*size == 0) return Call::int_slot(static_cast<std::int64_t>(text->size()));
        kept = kept.substr(0, static_cast<std::size_t>(std::min<std::uint64_t>(kept.size(), *size - 1)));
    }
    if (!call.write_string(destination, kept)) return std::nullopt;
    return Call::int_slot(static_cast<std::int64_t>(text->size()));
}

Value fgets(Call& call) {
    const Addr buffer = call.pointer_arg(0);
    const std::int32_t size = call.int_arg(1);
    auto fd = call.stream_fd(call.pointer_arg(2));
    if (!fd) return std::nullopt;
    if (*fd != 0) {
        call.set_errno(kEbadf);
        return 0;
    }
    if (size <= 0) return 0;
    std::string_view input = call.library.unread_input();
    if (input.empty() && size > 1) return 0;  // end of file before anything was read: NULL
    std::string_view line = input.substr(0, static_cast<std::size_t>(size - 1));
    if (auto newline = line.find('\n'); newline != std::string_view::npos) line = line.substr(0, newline + 1);
    if (!call.write_string(buffer, line)) return std::nullopt;
    call.library.consume_input(line.size());
    return buffer;
}

}  // namespace

Value call_stdio(Call& call, Fn fn) {
    switch (fn) {
        case Fn::Printf: return print(call, Stream::Stdout, 0);
        case Fn::Fprintf: {
            Value result;
            auto stream = output_stream(call, call.pointer_arg(0), result);
            if (!stream) return result;
            return print(call, *stream, 1);
        }
        case Fn::Sprintf: return snprintf_into(call, call.pointer_arg(0), std::nullopt, 1);
        case Fn::Snprintf: return snprintf_into(call, call.pointer_arg(0), call.size_arg(1), 2);
        case Fn::Puts: {
            auto text = call.read_string(call.pointer_arg(0));
            if (!text || !call.library.write(Stream::Stdout, *text + "\n", call.error)) return std::nullopt;
            return Call::int_slot(static_cast<std::int64_t>(std::min<std::size_t>(text->size() + 1, 0x7fffffff)));
        }
        case Fn::Putchar: {
            const char c = static_cast<char>(call.int_arg(0));
            if (!call.library.write(Stream::Stdout, std::string_view(&c, 1), call.error)) return std::nullopt;
            return static_cast<std::uint64_t>(static_cast<unsigned char>(c));
        }
        case Fn::Fputs: {
            auto text = call.read_string(call.pointer_arg(0));
            if (!text) return std::nullopt;
            Value result;
            auto stream = output_stream(call, call.pointer_arg(1), result);
            if (!stream) return result;
            if (!call.library.write(*stream, *text, call.error)) return std::nullopt;
            return 1;
        }
        case Fn::Getchar: {
            std::string_view input = call.library.unread_input();
            if (input.empty()) return kEof;
            call.library.consume_input(1);
            return static_cast<std::uint64_t>(static_cast<unsigned char>(input[0]));
        }
        case Fn::Fgets: return fgets(call);
        default: return std::nullopt;
    }
}

}  // namespace memviz::vm

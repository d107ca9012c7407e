// Diagnostics as a compiler prints them: `file:line:col: error: message`, the source line and a
// caret under the column, then any notes ("`x` was declared here"). Every stage of the front end
// reports through a Diagnostics list and keeps going, so the user sees all the problems at once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace memviz {

// A position in a source file: 1-based line and column (columns count bytes, tabs as one).
struct SourceLoc {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    bool valid() const { return line != 0; }
    auto operator<=>(const SourceLoc&) const = default;
};

enum class Severity : std::uint8_t { Error, Warning, Note };
std::string_view name(Severity severity);

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLoc loc;
    std::string message;
    std::vector<Diagnostic> notes;  // each a Note, attached to this diagnostic
};

class Diagnostics {
public:
    // The list stops growing past this many errors (a hostile input cannot flood memory); one
    // last error says so.
    static constexpr std::size_t kMaxErrors = 200;

    // The returned reference is for attaching notes at once: it is valid until the next add.
    Diagnostic& error(SourceLoc loc, std::string message);
    Diagnostic& warning(SourceLoc loc, std::string message);
    static void note(Diagnostic& to, SourceLoc loc, std::string message);

    const std::vector<Diagnostic>& all() const { return m_list; }
    std::size_t error_count() const { return m_errors; }
    bool has_errors() const { return m_errors > 0; }
    bool full() const { return m_errors >= kMaxErrors; }

    // Every diagnostic in the compiler's text form, with source lines and carets taken from
    // `source`; `file` names it (e.g. "main.c").
    std::string render(std::string_view file, std::string_view source) const;

private:
    Diagnostic& add(Severity severity, SourceLoc loc, std::string message);

    std::vector<Diagnostic> m_list;
    std::size_t m_errors = 0;
    Diagnostic m_overflow;  // returned once the list is full, so callers can still attach notes
};

}  // namespace memviz

// The preprocessor's state, shared by the three files that implement it:
//   preprocess.cpp        the driver: directives, #include, conditional groups, the output
//   preprocess_macro.cpp  #define / #undef and macro expansion
//   preprocess_expr.cpp   #if expressions
//
// The one idea to read it: tokens flow through a stack (`TokenStack`, next token at the back).
// A file's tokens are pushed in reverse; a macro's expansion is pushed on top of what follows it,
// so it is rescanned together with the rest of the file, as C requires. Each token carries a
// hide set (Prosser's algorithm, as in chibicc): the names of the macros whose expansion produced
// it, which may not expand it again. That is what stops `#define x x + 1` from recursing.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/preprocess.h"

namespace memviz::lang::detail {

using HideSetId = std::uint32_t;  // an interned set of macro-name ids; 0 is the empty set

struct PPToken {
    Token tok;
    HideSetId hide = 0;
    bool from_macro = false;  // made by an expansion: never starts a directive
};

using TokenStack = std::vector<PPToken>;  // the next token is back()

// Interned sets of macro-name ids, so a token's hide set is one integer and unions are cached.
class HideSets {
public:
    // Past this many stored names in all sets, expansion stops with an error (a chain of
    // thousands of macros would otherwise make sets quadratic in size).
    static constexpr std::size_t kMaxStoredNames = 2'000'000;

    HideSets();
    bool contains(HideSetId set, std::uint32_t name) const;
    HideSetId with(HideSetId set, std::uint32_t name);
    HideSetId unite(HideSetId a, HideSetId b);
    HideSetId intersect(HideSetId a, HideSetId b);
    bool over_budget() const { return m_stored > kMaxStoredNames; }

private:
    HideSetId intern(std::vector<std::uint32_t> names);

    std::vector<std::vector<std::uint32_t>> m_sets;  // by id; each sorted, without duplicates
    std::map<std::vector<std::uint32_t>, HideSetId> m_ids;
    std::unordered_map<std::uint64_t, HideSetId> m_unions;
    std::unordered_map<std::uint64_t, HideSetId> m_intersections;
    std::size_t m_stored = 0;
};

struct Macro {
    enum class Builtin : std::uint8_t { None, Line, File };
    std::uint32_t name_id = 0;
    bool function_like = false;
    bool variadic = false;            // the last parameter collects `...` (__VA_ARGS__)
    std::vector<std::string> params;  // for a variadic macro the last is "__VA_ARGS__" (or GNU's name)
    std::vector<Token> body;          // the replacement list, as cut
    Builtin builtin = Builtin::None;  // __LINE__ and __FILE__ are computed at each use
};

struct Conditional {
    std::string directive;  // "#if", "#ifdef" or "#ifndef", for "unterminated #ifdef"
    Token where;            // the directive's name token, to report it
    bool taken = false;     // some group of this #if ... #endif chain has been included
    bool in_else = false;
};

class Preprocessor {
public:
    Preprocessor(DataModel model, Diagnostics& diagnostics);
    std::vector<Token> run(std::string_view source);

    // Reports at `at`; a token inside a header is reported at the program's #include of it.
    Diagnostic& error_at(const Token& at, std::string message);
    void warning_at(const Token& at, std::string message);

private:
    // preprocess.cpp
    static bool is_directive(const PPToken& token);
    static PPToken pop(TokenStack& stack);
    void push_file(std::vector<Token> tokens);
    std::vector<PPToken> read_line();
    void directive();  // after its '#' was taken off the input
    void include_directive(const std::vector<PPToken>& line);
    void conditional_directive(const std::vector<PPToken>& line);
    void open_conditional(const Token& name, bool value);
    void skip_group();
    bool end_of_file(const PPToken& end);
    bool pragma_operator(TokenStack& input);
    void emit(PPToken token);
    std::vector<Token> finish();
    static std::string spell(const std::vector<PPToken>& tokens, std::size_t from);

    // preprocess_macro.cpp
    void define_predefined();
    void define_directive(const std::vector<PPToken>& line);
    void undef_directive(const std::vector<PPToken>& line);
    bool parse_params(const std::vector<PPToken>& line, std::size_t& i, Macro& macro);
    bool check_body(const Macro& macro);
    std::uint32_t name_id(const std::string& name);
    bool expand(const PPToken& token, TokenStack& input);
    struct Arguments {
        std::vector<std::vector<PPToken>> args;
        HideSetId rparen_hide = 0;
    };
    std::optional<Arguments> collect_arguments(const Macro& macro, const PPToken& name, TokenStack& input);
    std::vector<PPToken> substitute(const Macro& macro, std::vector<std::vector<PPToken>> args,
                                    const PPToken& name);
    void paste(std::vector<PPToken>& out, const std::vector<PPToken>& rhs, const PPToken& name);
    static PPToken stringize(const std::vector<PPToken>& arg);
    void push_expansion(std::vector<PPToken> body, HideSetId hide, const PPToken& name, TokenStack& input);
    bool over_budget(std::size_t more, const PPToken& name);
    bool nested_too_deeply(const PPToken& origin);
    std::vector<PPToken> expand_all(std::vector<PPToken> tokens, const PPToken& origin);

    // preprocess_expr.cpp
    bool evaluate_condition(std::vector<PPToken> expression, const PPToken& directive);
    bool resolve_defined(PPToken& defined, TokenStack& input);

    DataModel m_model;
    Diagnostics& m_diagnostics;
    TokenStack m_input;
    std::vector<Token> m_output;
    std::unordered_map<std::string, Macro> m_macros;
    std::unordered_map<std::string, std::uint32_t> m_name_ids;
    HideSets m_hide_sets;
    std::vector<Conditional> m_conditionals;  // open #if groups, innermost last
    std::vector<std::uint16_t> m_open_files;  // the program, then each header being included
    std::vector<bool> m_included;             // by file id: included already (for `once` headers)
    Token m_include_site;                     // the program's #include of the header being read
    std::size_t m_expanded = 0;               // tokens produced by expansions so far
    std::size_t m_expansion_depth = 0;        // expand_all calls nested in arguments
    const Token* m_use = nullptr;             // the program's token being expanded, if any: where
                                              // the limits are reported
    bool m_stopped = false;                   // a limit was hit: stop everything, quickly
};

}  // namespace memviz::lang::detail

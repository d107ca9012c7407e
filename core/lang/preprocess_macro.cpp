// Macros (C99 6.10.3): #define and #undef, the predefined macros, and expansion.
//
// Expanding a use of macro M (Prosser's algorithm, as chibicc does it):
//   object-like   M            -> body,                       hide set HS(M) + {M}
//   function-like M ( args )   -> body with args substituted, hide set (HS(M) & HS(')')) + {M}
// The result gets that hide set added to each token's own and is pushed back on the input to be
// rescanned with what follows. A name in its own hide set is never expanded again, so every
// expansion terminates; kMaxExpandedTokens bounds how much an exponential one can produce.
// Arguments are macro-expanded before substitution (by expand_all, which recurses, hence
// kMaxExpansionDepth), except next to # and ##, which take them as written.
#include <algorithm>
#include <iterator>

#include "lang/headers.h"
#include "lang/lexer.h"
#include "lang/preprocess_internal.h"

namespace memviz::lang::detail {
namespace {

// The index of the parameter `token` names, or -1.
int param_index(const Macro& macro, const Token& token) {
    if (!macro.function_like || token.kind != TokenKind::Identifier) return -1;
    const auto it = std::find(macro.params.begin(), macro.params.end(), token.text);
    return it == macro.params.end() ? -1 : static_cast<int>(it - macro.params.begin());
}

bool same_definition(const Macro& a, const Macro& b) {
    if (a.builtin != b.builtin || a.function_like != b.function_like || a.variadic != b.variadic ||
        a.params != b.params || a.body.size() != b.body.size())
        return false;
    for (std::size_t i = 0; i < a.body.size(); ++i) {
        if (a.body[i].text != b.body[i].text) return false;
        if (i > 0 && a.body[i].space_before != b.body[i].space_before) return false;
    }
    return true;
}

std::uint64_t pair_key(HideSetId a, HideSetId b) {
    if (a > b) std::swap(a, b);  // both operations are symmetric
    return (std::uint64_t{a} << 32) | b;
}

std::string plural(std::size_t count, std::string_view word) {
    return std::to_string(count) + " " + std::string(word) + (count == 1 ? "" : "s");
}

}  // namespace

// ---- Hide sets

HideSets::HideSets() {
    m_sets.emplace_back();
    m_ids.emplace(std::vector<std::uint32_t>{}, 0);
}

bool HideSets::contains(HideSetId set, std::uint32_t name) const {
    const auto& names = m_sets[set];
    return std::binary_search(names.begin(), names.end(), name);
}

HideSetId HideSets::with(HideSetId set, std::uint32_t name) {
    if (contains(set, name)) return set;
    return unite(set, intern({name}));
}

HideSetId HideSets::unite(HideSetId a, HideSetId b) {
    if (a == b || b == 0) return a;
    if (a == 0) return b;
    const std::uint64_t key = pair_key(a, b);
    if (const auto it = m_unions.find(key); it != m_unions.end()) return it->second;
    std::vector<std::uint32_t> names;
    std::set_union(m_sets[a].begin(), m_sets[a].end(), m_sets[b].begin(), m_sets[b].end(), std::back_inserter(names));
    const HideSetId id = intern(std::move(names));
    m_unions.emplace(key, id);
    return id;
}

HideSetId HideSets::intersect(HideSetId a, HideSetId b) {
    if (a == b) return a;
    if (a == 0 || b == 0) return 0;
    const std::uint64_t key = pair_key(a, b);
    if (const auto it = m_intersections.find(key); it != m_intersections.end()) return it->second;
    std::vector<std::uint32_t> names;
    std::set_intersection(m_sets[a].begin(), m_sets[a].end(), m_sets[b].begin(), m_sets[b].end(),
                          std::back_inserter(names));
    const HideSetId id = intern(std::move(names));
    m_intersections.emplace(key, id);
    return id;
}

HideSetId HideSets::intern(std::vector<std::uint32_t> names) {
    if (const auto it = m_ids.find(names); it != m_ids.end()) return it->second;
    const auto id = static_cast<HideSetId>(m_sets.size());
    m_stored += names.size();
    m_sets.push_back(names);
    m_ids.emplace(std::move(names), id);
    return id;
}

// ---- Definitions

std::uint32_t Preprocessor::name_id(const std::string& name) {
    const auto [it, added] = m_name_ids.try_emplace(name, static_cast<std::uint32_t>(m_name_ids.size()));
    return it->second;
}

void Preprocessor::define_predefined() {
    std::string text =
        "#define __STDC__ 1\n#define __STDC_VERSION__ 199901L\n#define __STDC_HOSTED__ 1\n"
        "#define __memviz__ 1\n#define __CHAR_BIT__ 8\n#define __SIZEOF_INT__ 4\n";
    text += m_model == DataModel::LP64
                ? "#define __x86_64__ 1\n#define __x86_64 1\n#define __LP64__ 1\n#define _LP64 1\n"
                  "#define __SIZEOF_LONG__ 8\n#define __SIZEOF_POINTER__ 8\n"
                : "#define __i386__ 1\n#define __i386 1\n#define __ILP32__ 1\n"
                  "#define __SIZEOF_LONG__ 4\n#define __SIZEOF_POINTER__ 4\n";
    std::vector<PPToken> line;
    for (Token& token : cut_tokens(text, kMainFile, m_diagnostics)) {
        if (token.at_line_start || token.kind == TokenKind::EndOfFile) {  // a '#': a new line
            if (!line.empty()) define_directive(line);
            line.clear();
            continue;
        }
        line.push_back({std::move(token), 0, false});
    }
    for (auto [name, builtin] : {std::pair{"__LINE__", Macro::Builtin::Line}, std::pair{"__FILE__", Macro::Builtin::File}}) {
        Macro macro;
        macro.name_id = name_id(name);
        macro.builtin = builtin;
        m_macros.insert_or_assign(name, std::move(macro));
    }
}

// line: `define NAME body...` or `define NAME(params) body...` (no space before the '(').
void Preprocessor::define_directive(const std::vector<PPToken>& line) {
    if (line.size() < 2) {
        error_at(line[0].tok, "no macro name given in #define directive");
        return;
    }
    const Token& name = line[1].tok;
    if (name.kind != TokenKind::Identifier) {
        error_at(name, "macro names must be identifiers");
        return;
    }
    if (name.text == "defined") {
        error_at(name, "'defined' cannot be used as a macro name");
        return;
    }
    Macro macro;
    macro.name_id = name_id(name.text);
    std::size_t i = 2;
    if (i < line.size() && line[i].tok.is("(") && !line[i].tok.space_before) {
        macro.function_like = true;
        ++i;
        if (!parse_params(line, i, macro)) return;
    }
    for (; i < line.size(); ++i) macro.body.push_back(line[i].tok);
    if (!check_body(macro)) return;
    const auto existing = m_macros.find(name.text);
    if (existing != m_macros.end() && !same_definition(existing->second, macro))
        warning_at(name, "'" + name.text + "' redefined");
    m_macros.insert_or_assign(name.text, std::move(macro));
}

// Parameters after the '(' at line[i - 1], up to and including the ')'.
bool Preprocessor::parse_params(const std::vector<PPToken>& line, std::size_t& i, Macro& macro) {
    const Token& open = line[i - 1].tok;
    auto fail = [&](const Token& at, std::string message) {
        error_at(at, std::move(message));
        return false;
    };
    if (i < line.size() && line[i].tok.is(")")) {
        ++i;
        return true;
    }
    while (true) {
        if (i >= line.size()) return fail(open, "missing ')' in macro parameter list");
        const Token& param = line[i++].tok;
        if (param.is("...")) {
            macro.variadic = true;
            macro.params.push_back("__VA_ARGS__");
        } else if (param.kind == TokenKind::Identifier) {
            if (param.text == "__VA_ARGS__")
                return fail(param, "__VA_ARGS__ can only appear in the expansion of a variadic macro");
            if (std::find(macro.params.begin(), macro.params.end(), param.text) != macro.params.end())
                return fail(param, "duplicate macro parameter '" + param.text + "'");
            macro.params.push_back(param.text);
            if (i < line.size() && line[i].tok.is("...")) {  // GNU's named variadic parameter: args...
                macro.variadic = true;
                ++i;
            }
        } else {
            return fail(param, "expected parameter name, found '" + param.text + "'");
        }
        if (i >= line.size()) return fail(open, "missing ')' in macro parameter list");
        const Token& separator = line[i++].tok;
        if (separator.is(")")) return true;
        if (macro.variadic) return fail(separator, "missing ')' after '...' in macro parameter list");
        if (!separator.is(","))
            return fail(separator, "expected ',' or ')' in macro parameter list, found '" + separator.text + "'");
    }
}

bool Preprocessor::check_body(const Macro& macro) {
    const std::vector<Token>& body = macro.body;
    if (!body.empty() && (body.front().is("##") || body.back().is("##"))) {
        error_at(body.front().is("##") ? body.front() : body.back(),
                 "'##' cannot appear at either end of a macro expansion");
        return false;
    }
    const bool has_va_args = macro.variadic && macro.params.back() == "__VA_ARGS__";
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i].kind == TokenKind::Identifier && body[i].text == "__VA_ARGS__" && !has_va_args) {
            error_at(body[i], "__VA_ARGS__ can only appear in the expansion of a variadic macro");
            return false;
        }
        if (macro.function_like && body[i].is("#") && (i + 1 == body.size() || param_index(macro, body[i + 1]) < 0)) {
            error_at(body[i], "'#' is not followed by a macro parameter");
            return false;
        }
    }
    return true;
}

void Preprocessor::undef_directive(const std::vector<PPToken>& line) {
    if (line.size() < 2) {
        error_at(line[0].tok, "no macro name given in #undef directive");
        return;
    }
    if (line[1].tok.kind != TokenKind::Identifier) {
        error_at(line[1].tok, "macro names must be identifiers");
        return;
    }
    if (line.size() > 2) warning_at(line[2].tok, "extra tokens at end of #undef directive");
    m_macros.erase(line[1].tok.text);
}

// ---- Expansion

// If `token` is a macro to expand here, pushes its expansion onto `input` and returns true
// (also when the use was wrong: it is reported and dropped).
bool Preprocessor::expand(const PPToken& token, TokenStack& input) {
    if (token.tok.kind != TokenKind::Identifier) return false;
    const auto found = m_macros.find(token.tok.text);
    if (found == m_macros.end()) return false;
    const Macro& macro = found->second;
    if (m_hide_sets.contains(token.hide, macro.name_id)) return false;

    if (macro.builtin != Macro::Builtin::None) {
        PPToken made;
        if (macro.builtin == Macro::Builtin::Line) {
            made.tok.kind = TokenKind::Integer;
            made.tok.text = std::to_string(token.tok.loc.line);
        } else {
            made.tok.kind = TokenKind::String;
            made.tok.text = '"';
            made.tok.text += file_name(token.tok.file);
            made.tok.text += '"';
        }
        push_expansion({std::move(made)}, m_hide_sets.with(token.hide, macro.name_id), token, input);
        return true;
    }
    if (!macro.function_like) {
        push_expansion(substitute(macro, {}, token), m_hide_sets.with(token.hide, macro.name_id), token, input);
        return true;
    }
    // A function-like macro's name not followed by '(' is an ordinary identifier.
    if (input.empty() || !input.back().tok.is("(")) return false;
    if (nested_too_deeply(token)) return true;  // checked before collecting: arguments may be huge
    std::optional<Arguments> arguments = collect_arguments(macro, token, input);
    if (!arguments) return true;
    const HideSetId hide = m_hide_sets.with(m_hide_sets.intersect(token.hide, arguments->rparen_hide), macro.name_id);
    push_expansion(substitute(macro, std::move(arguments->args), token), hide, token, input);
    return true;
}

// Takes `( a, b, ... )` off the input: arguments split at top-level commas (a variadic macro's
// last argument keeps its commas). Reports a missing ')' or a wrong count.
std::optional<Preprocessor::Arguments> Preprocessor::collect_arguments(const Macro& macro, const PPToken& name,
                                                                       TokenStack& input) {
    const std::string& called = name.tok.text;
    pop(input);  // '('
    Arguments result;
    result.args.emplace_back();
    std::size_t depth = 0;
    // Collected tokens count against the expansion budget too: with calls nested in arguments,
    // f(f(f(...))), each level collects all the levels inside it.
    std::size_t collected = 0;
    for (;; ++collected) {
        if (collected % 1024 == 0 && over_budget(collected, name)) return std::nullopt;
        if (input.empty() || input.back().tok.kind == TokenKind::EndOfFile) {
            error_at(name.tok, "unterminated argument list invoking macro '" + called + "'");
            return std::nullopt;
        }
        if (is_directive(input.back())) {
            error_at(name.tok, "a directive inside the arguments of macro '" + called + "' is not supported");
            return std::nullopt;
        }
        PPToken token = pop(input);
        if (token.tok.is("(")) {
            ++depth;
        } else if (token.tok.is(")")) {
            if (depth == 0) {
                result.rparen_hide = token.hide;
                break;
            }
            --depth;
        } else if (token.tok.is(",") && depth == 0 && !(macro.variadic && result.args.size() >= macro.params.size())) {
            result.args.emplace_back();
            continue;
        }
        result.args.back().push_back(std::move(token));
    }
    m_expanded += collected;
    // The tokens now live in the arguments; a stack emptied by a large call gives its memory back.
    if (input.capacity() > 4 * input.size() + 4096) input.shrink_to_fit();

    const std::size_t wanted = macro.params.size();
    std::size_t given = result.args.size();
    if (wanted == 0 && given == 1 && result.args[0].empty()) {
        result.args.clear();  // f() for a macro without parameters
        return result;
    }
    if (macro.variadic && given + 1 == wanted) {
        result.args.emplace_back();  // f(a) for f(a, ...): no variable arguments (as gcc allows)
        ++given;
    }
    if (given < wanted) {
        error_at(name.tok, "macro '" + called + "' requires " + (macro.variadic ? "at least " : "") +
                               plural(macro.variadic ? wanted - 1 : wanted, "argument") + ", but only " +
                               std::to_string(given) + " given");
        return std::nullopt;
    }
    if (given > wanted) {
        error_at(name.tok, "macro '" + called + "' passed " + plural(given, "argument") + ", but takes just " +
                               std::to_string(wanted));
        return std::nullopt;
    }
    return result;
}

// The body with the arguments substituted (C99 6.10.3.1-3). `placemarker` is the standard's
// placemarker: the operand of a ## was an empty argument, so the next ## pastes onto nothing.
std::vector<PPToken> Preprocessor::substitute(const Macro& macro, std::vector<std::vector<PPToken>> args,
                                              const PPToken& name) {
    const std::vector<Token>& body = macro.body;
    std::vector<std::optional<std::vector<PPToken>>> expanded(args.size());
    std::vector<PPToken> out;
    bool placemarker = false;
    auto param = [&](std::size_t i) { return i < body.size() ? param_index(macro, body[i]) : -1; };
    // An argument used only macro-expanded is moved into expand_all rather than copied.
    std::vector<bool> used_as_written(args.size(), false);
    for (std::size_t i = 0; i < body.size(); ++i) {
        const int p = param(i);
        if (p >= 0 && ((i > 0 && (body[i - 1].is("#") || body[i - 1].is("##"))) ||
                       (i + 1 < body.size() && body[i + 1].is("##"))))
            used_as_written[static_cast<std::size_t>(p)] = true;
    }
    auto append = [&](const std::vector<PPToken>& tokens, bool space_before) {
        const std::size_t first = out.size();
        out.insert(out.end(), tokens.begin(), tokens.end());
        if (first < out.size()) out[first].tok.space_before = space_before;  // the parameter's spacing
    };
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (over_budget(out.size(), name)) break;
        const Token& token = body[i];
        const int p = param(i);
        if (macro.function_like && token.is("#")) {  // check_body made sure a parameter follows
            out.push_back(stringize(args[static_cast<std::size_t>(param(++i))]));
            out.back().tok.space_before = token.space_before;
            placemarker = false;
        } else if (macro.variadic && token.is(",") && i + 2 < body.size() && body[i + 1].is("##") &&
                   param(i + 2) == static_cast<int>(args.size()) - 1) {
            // GNU: `, ## __VA_ARGS__` drops the comma when there are no variable arguments.
            if (!args.back().empty()) {
                out.push_back({token, 0, false});
                append(args.back(), body[i + 2].space_before);
            }
            placemarker = args.back().empty();
            i += 2;
        } else if (token.is("##")) {  // check_body made sure it is neither first nor last
            const int rhs_param = param(++i);
            const std::vector<PPToken> rhs = rhs_param >= 0 ? args[static_cast<std::size_t>(rhs_param)]
                                                            : std::vector<PPToken>{{body[i], 0, false}};
            if (rhs.empty()) continue;  // x ## (empty): x, or the placemarker, stays
            if (placemarker || out.empty()) {
                append(rhs, token.space_before);
            } else {
                paste(out, rhs, name);
            }
            placemarker = false;
        } else if (p < 0) {
            out.push_back({token, 0, false});
            placemarker = false;
        } else if (i + 1 < body.size() && body[i + 1].is("##")) {
            const auto& arg = args[static_cast<std::size_t>(p)];  // before ##: as written
            append(arg, token.space_before);
            placemarker = arg.empty();
        } else {
            const auto index = static_cast<std::size_t>(p);
            auto& arg = expanded[index];
            if (!arg) arg = expand_all(used_as_written[index] ? args[index] : std::move(args[index]), name);
            append(*arg, token.space_before);
            placemarker = false;
        }
    }
    return out;
}

// out.back() ## rhs: the two spellings joined must cut into exactly one token.
void Preprocessor::paste(std::vector<PPToken>& out, const std::vector<PPToken>& rhs, const PPToken& name) {
    PPToken& lhs = out.back();
    Diagnostics scratch;
    std::vector<Token> cut = cut_tokens(lhs.tok.text + rhs.front().tok.text, name.tok.file, scratch);
    if (cut.size() == 2 && !scratch.has_errors()) {
        lhs.tok.kind = cut[0].kind;
        lhs.tok.text = std::move(cut[0].text);
        out.insert(out.end(), rhs.begin() + 1, rhs.end());
        return;
    }
    error_at(name.tok, "pasting '" + lhs.tok.text + "' and '" + rhs.front().tok.text +
                           "' does not give a valid preprocessing token");
    out.insert(out.end(), rhs.begin(), rhs.end());
}

// #arg: the argument's spelling as a string literal, one space wherever it had space, with \ and "
// escaped inside its string and character literals.
PPToken Preprocessor::stringize(const std::vector<PPToken>& arg) {
    std::string text = "\"";
    for (std::size_t i = 0; i < arg.size(); ++i) {
        const Token& token = arg[i].tok;
        if (i > 0 && token.space_before) text += ' ';
        const bool quoted = token.kind == TokenKind::String || token.kind == TokenKind::Character;
        for (char c : token.text) {
            if (quoted && (c == '\\' || c == '"')) text += '\\';
            text += c;
        }
    }
    text += '"';
    PPToken made;
    made.tok.kind = TokenKind::String;
    made.tok.text = std::move(text);
    return made;
}

// Pushes an expansion onto the input: every token gets the use's location (so errors and steps
// point at the program's line) and the hide set.
void Preprocessor::push_expansion(std::vector<PPToken> body, HideSetId hide, const PPToken& name, TokenStack& input) {
    if (over_budget(body.size() + 1, name)) return;
    m_expanded += body.size() + 1;
    for (PPToken& token : body) {
        token.hide = m_hide_sets.unite(token.hide, hide);
        token.from_macro = true;
        token.tok.loc = name.tok.loc;
        token.tok.file = name.tok.file;
        token.tok.at_line_start = false;
    }
    if (!body.empty()) {
        body.front().tok.at_line_start = name.tok.at_line_start;
        body.front().tok.space_before = name.tok.space_before;
    }
    input.insert(input.end(), std::make_move_iterator(body.rbegin()), std::make_move_iterator(body.rend()));
}

// Whether handling `more` tokens would pass the expansion limits; reports it once and stops
// everything.
bool Preprocessor::over_budget(std::size_t more, const PPToken& name) {
    if (m_stopped) return true;
    const Token& at = m_use != nullptr ? *m_use : name.tok;
    if (m_hide_sets.over_budget()) {
        error_at(at, "macro expansion is too complex: too many macros expand inside one another");
    } else if (m_expanded + more > kMaxExpandedTokens) {
        error_at(at, "macro expansion stopped after " + std::to_string(kMaxExpandedTokens) +
                         " tokens; does a macro expand into itself more than once?");
    } else {
        return false;
    }
    m_stopped = true;
    return true;
}

// Whether expanding one more level of arguments passes kMaxExpansionDepth; reports it once and
// stops everything.
bool Preprocessor::nested_too_deeply(const PPToken& origin) {
    if (m_stopped) return true;
    if (m_expansion_depth < kMaxExpansionDepth) return false;
    error_at(m_use != nullptr ? *m_use : origin.tok, "macro calls nested too deeply in arguments (more than " +
                                                         std::to_string(kMaxExpansionDepth) + " levels)");
    m_stopped = true;
    return true;
}

// Fully macro-expands `tokens` on their own (an argument, an #if or #include line).
std::vector<PPToken> Preprocessor::expand_all(std::vector<PPToken> tokens, const PPToken& origin) {
    if (nested_too_deeply(origin)) return {};
    ++m_expansion_depth;
    TokenStack input = std::move(tokens);  // in place: an argument may be large
    std::reverse(input.begin(), input.end());
    std::vector<PPToken> out;
    while (!m_stopped && !input.empty()) {  // an empty stack reads as EndOfFile to a macro call
        PPToken token = pop(input);
        if (expand(token, input)) continue;
        out.push_back(std::move(token));
    }
    --m_expansion_depth;
    return out;
}

}  // namespace memviz::lang::detail

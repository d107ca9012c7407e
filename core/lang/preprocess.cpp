// The preprocessor's driver: takes tokens off the input stack one at a time and either runs the
// directive they start, replaces a macro by its expansion (preprocess_macro.cpp), or outputs
// them. Conditional groups that are not taken are skipped token by token without decoding, so
// `#if 0` may hold any text C can cut. Directive names are matched as gcc does; messages too.
#include "lang/preprocess.h"

#include "lang/headers.h"
#include "lang/lexer.h"
#include "lang/preprocess_internal.h"

namespace memviz::lang {

std::vector<Token> preprocess(std::string_view source, DataModel model, Diagnostics& diagnostics) {
    detail::Preprocessor preprocessor(model, diagnostics);
    return preprocessor.run(source);
}

namespace detail {

Preprocessor::Preprocessor(DataModel model, Diagnostics& diagnostics)
    : m_model(model), m_diagnostics(diagnostics), m_included(kHeaderCount + 1, false) {
    define_predefined();
}

std::vector<Token> Preprocessor::run(std::string_view source) {
    push_file(cut_tokens(source, kMainFile, m_diagnostics));
    m_output.reserve(m_input.size() + m_input.size() / 4);  // most tokens pass through once
    while (!m_stopped && !m_diagnostics.full()) {
        PPToken token = pop(m_input);
        if (token.tok.kind == TokenKind::EndOfFile) {
            if (end_of_file(token)) break;
            continue;
        }
        if (is_directive(token)) {
            directive();
            continue;
        }
        if (token.tok.kind == TokenKind::Identifier && token.tok.text == "_Pragma") {
            if (pragma_operator(m_input)) continue;
            error_at(token.tok, "_Pragma takes a parenthesized string literal");
            continue;
        }
        m_use = &token.tok;
        const bool expanded = expand(token, m_input);
        m_use = nullptr;
        if (expanded) continue;
        emit(std::move(token));
    }
    return finish();
}

Diagnostic& Preprocessor::error_at(const Token& at, std::string message) {
    if (at.file != kMainFile && m_include_site.loc.valid()) {
        message += " (in <" + std::string(file_name(at.file)) + "> line " + std::to_string(at.loc.line) + ")";
        return m_diagnostics.error(m_include_site.loc, std::move(message));
    }
    return m_diagnostics.error(at.loc, std::move(message));
}

void Preprocessor::warning_at(const Token& at, std::string message) {
    if (at.file != kMainFile && m_include_site.loc.valid()) {
        message += " (in <" + std::string(file_name(at.file)) + "> line " + std::to_string(at.loc.line) + ")";
        m_diagnostics.warning(m_include_site.loc, std::move(message));
        return;
    }
    m_diagnostics.warning(at.loc, std::move(message));
}

// A '#' that starts a line of a file (not one made by a macro) starts a directive.
bool Preprocessor::is_directive(const PPToken& token) {
    return token.tok.kind == TokenKind::Punctuator && token.tok.text == "#" && token.tok.at_line_start &&
           !token.from_macro;
}

PPToken Preprocessor::pop(TokenStack& stack) {
    if (stack.empty()) return {};  // an EndOfFile; cannot happen while a file's end is below
    PPToken token = std::move(stack.back());
    stack.pop_back();
    return token;
}

void Preprocessor::push_file(std::vector<Token> tokens) {
    m_open_files.push_back(tokens.back().file);
    m_input.reserve(m_input.size() + tokens.size());
    for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) m_input.push_back({std::move(*it), 0, false});
}

// The rest of the current line: the tokens up to the next one that starts a line.
std::vector<PPToken> Preprocessor::read_line() {
    std::vector<PPToken> line;
    while (!m_input.empty() && !m_input.back().tok.at_line_start && m_input.back().tok.kind != TokenKind::EndOfFile)
        line.push_back(pop(m_input));
    return line;
}

// The spelling of tokens[from...] with single spaces where the source had space: for #error
// and for the name in #include <...>.
std::string Preprocessor::spell(const std::vector<PPToken>& tokens, std::size_t from) {
    std::string text;
    for (std::size_t i = from; i < tokens.size(); ++i) {
        if (i > from && tokens[i].tok.space_before) text += ' ';
        text += tokens[i].tok.text;
    }
    return text;
}

void Preprocessor::directive() {
    const std::vector<PPToken> line = read_line();
    if (line.empty()) return;  // the null directive: a '#' alone
    const Token& name = line[0].tok;
    const std::string& word = name.text;
    m_use = &name;  // limits hit while expanding #if or #include operands are reported here
    if (name.kind != TokenKind::Identifier) {
        error_at(name, "invalid preprocessing directive #" + word);
    } else if (word == "include") {
        include_directive(line);
    } else if (word == "define") {
        define_directive(line);
    } else if (word == "undef") {
        undef_directive(line);
    } else if (word == "if" || word == "ifdef" || word == "ifndef" || word == "elif" || word == "else" ||
               word == "endif") {
        conditional_directive(line);
    } else if (word == "error") {
        error_at(name, spell(line, 1));
    } else if (word == "warning") {
        warning_at(name, spell(line, 1));
    } else if (word == "pragma") {
        // memviz has no pragmas; C says an unknown one is ignored.
    } else if (word == "line") {
        warning_at(name, "memviz ignores #line: locations always refer to the program as written");
    } else {
        error_at(name, "invalid preprocessing directive #" + word);
    }
    m_use = nullptr;
}

void Preprocessor::include_directive(const std::vector<PPToken>& line) {
    const Token& directive_name = line[0].tok;
    std::vector<PPToken> operand(line.begin() + 1, line.end());
    // #include MACRO: the operand is macro-expanded first (C99 6.10.2p4).
    if (!operand.empty() && operand[0].tok.kind != TokenKind::String && !operand[0].tok.is("<"))
        operand = expand_all(std::move(operand), line[0]);
    if (m_stopped) return;
    if (operand.empty() || (operand[0].tok.kind != TokenKind::String && !operand[0].tok.is("<"))) {
        error_at(directive_name, "#include expects \"FILENAME\" or <FILENAME>");
        return;
    }
    const Token& first = operand[0].tok;
    std::string name;
    std::size_t end = 1;  // one past the last token of the header name
    const bool angled = first.is("<");
    if (angled) {
        while (end < operand.size() && !operand[end].tok.is(">")) ++end;
        if (end == operand.size()) {
            error_at(first, "missing terminating '>' character in #include");
            return;
        }
        std::vector<PPToken> inside(operand.begin() + 1, operand.begin() + static_cast<std::ptrdiff_t>(end));
        name = spell(inside, 0);
        ++end;
    } else {
        if (first.text.size() < 2 || first.text.front() != '"' || first.text.back() != '"') {
            error_at(first, "#include expects \"FILENAME\" or <FILENAME>");
            return;
        }
        name = first.text.substr(1, first.text.size() - 2);
    }
    if (end < operand.size()) warning_at(operand[end].tok, "extra tokens at end of #include directive");

    const HeaderText* header = find_header(name, m_model);
    if (header == nullptr) {
        const std::string shown = angled ? "<" + name + ">" : "\"" + name + "\"";
        const std::string why = angled ? "" : " (a memviz program is a single file)";
        error_at(first, "memviz does not provide " + shown + why + "; supported headers are " + supported_headers());
        return;
    }
    if (header->once && m_included[header->file]) return;
    if (m_open_files.size() > kMaxIncludeDepth) {
        error_at(first, "#include nested too deeply (more than " + std::to_string(kMaxIncludeDepth) + " levels)");
        m_stopped = true;
        return;
    }
    m_included[header->file] = true;
    if (m_open_files.size() == 1) m_include_site = first;
    push_file(cut_tokens(header->text, header->file, m_diagnostics));
}

void Preprocessor::conditional_directive(const std::vector<PPToken>& line) {
    const Token& name = line[0].tok;
    const std::string& word = name.text;
    if (word == "if") {
        const bool value = evaluate_condition(std::vector<PPToken>(line.begin() + 1, line.end()), line[0]);
        open_conditional(name, value);
        return;
    }
    if (word == "ifdef" || word == "ifndef") {
        bool defined = false;
        if (line.size() < 2) {
            error_at(name, "no macro name given in #" + word + " directive");
        } else if (line[1].tok.kind != TokenKind::Identifier) {
            error_at(line[1].tok, "macro names must be identifiers");
        } else {
            defined = m_macros.contains(line[1].tok.text);
            if (line.size() > 2) warning_at(line[2].tok, "extra tokens at end of #" + word + " directive");
        }
        open_conditional(name, word == "ifdef" ? defined : !defined);
        return;
    }

    // #elif, #else, #endif belong to the innermost #if of the same file.
    if (m_conditionals.empty() || m_conditionals.back().where.file != name.file) {
        error_at(name, "#" + word + " without #if");
        return;
    }
    Conditional& open = m_conditionals.back();
    if (word == "endif") {
        if (line.size() > 1) warning_at(line[1].tok, "extra tokens at end of #endif directive");
        m_conditionals.pop_back();
        return;
    }
    if (open.in_else) {
        error_at(name, "#" + word + " after #else");
        skip_group();
        return;
    }
    if (word == "else") {
        if (line.size() > 1) warning_at(line[1].tok, "extra tokens at end of #else directive");
        open.in_else = true;
    }
    // Once a group of the chain was taken the rest are skipped, their #elif not even evaluated.
    if (open.taken) {
        skip_group();
        return;
    }
    const bool value =
        word == "else" || evaluate_condition(std::vector<PPToken>(line.begin() + 1, line.end()), line[0]);
    if (value) {
        m_conditionals.back().taken = true;
    } else {
        skip_group();
    }
}

void Preprocessor::open_conditional(const Token& name, bool value) {
    if (m_conditionals.size() >= kMaxIfDepth) {
        error_at(name, "#if nesting is too deep (more than " + std::to_string(kMaxIfDepth) + " levels)");
        m_stopped = true;
        return;
    }
    m_conditionals.push_back({"#" + name.text, name, value, false});
    if (!value) skip_group();
}

// Skips tokens up to the #elif, #else or #endif that ends the current group (left on the input
// for the driver), passing over nested #if ... #endif; stops at the end of the file.
void Preprocessor::skip_group() {
    std::size_t depth = 0;
    while (!m_input.empty() && m_input.back().tok.kind != TokenKind::EndOfFile) {
        PPToken token = pop(m_input);
        if (!is_directive(token) || m_input.empty()) continue;
        const Token& next = m_input.back().tok;
        if (next.at_line_start || next.kind != TokenKind::Identifier) continue;
        if (next.text == "if" || next.text == "ifdef" || next.text == "ifndef") {
            ++depth;
        } else if (next.text == "endif" || next.text == "elif" || next.text == "else") {
            if (depth == 0) {
                m_input.push_back(std::move(token));
                return;
            }
            if (next.text == "endif") --depth;
        }
    }
}

// The end of the program or of a header. Returns true at the end of the program.
bool Preprocessor::end_of_file(const PPToken& end) {
    while (!m_conditionals.empty() && m_conditionals.back().where.file == end.tok.file) {
        const Conditional& open = m_conditionals.back();
        error_at(open.where, "unterminated " + open.directive);
        m_conditionals.pop_back();
    }
    if (end.tok.file == kMainFile) {
        m_input.push_back(end);  // finish() takes the end's location from it
        return true;
    }
    m_open_files.pop_back();
    if (m_open_files.size() == 1) m_include_site = {};
    return false;
}

// _Pragma ( "text" ): the operator form of #pragma (C99 6.10.9), ignored like #pragma.
bool Preprocessor::pragma_operator(TokenStack& input) {
    if (input.size() < 3 || !input.back().tok.is("(")) return false;
    const PPToken& text = input[input.size() - 2];
    const PPToken& close = input[input.size() - 3];
    if (text.tok.kind != TokenKind::String || !close.tok.is(")")) return false;
    input.resize(input.size() - 3);
    return true;
}

void Preprocessor::emit(PPToken token) {
    decode_literal(token.tok, m_diagnostics);
    // A header's tokens reach the parser at the program's #include line: a problem the parser
    // finds in them (a declaration the program's own text broke) is shown where the user can
    // see it, not at a line of a header the user cannot open.
    if (token.tok.file != kMainFile && m_include_site.loc.valid()) token.tok.loc = m_include_site.loc;
    m_output.push_back(std::move(token.tok));
}

// Joins adjacent string literals (translation phase 6) and appends the end of file.
// Compacts in place: the output may be a million tokens.
std::vector<Token> Preprocessor::finish() {
    std::vector<Token> out = std::move(m_output);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (kept > 0 && out[i].kind == TokenKind::String && out[kept - 1].kind == TokenKind::String) {
            out[kept - 1].text += ' ' + out[i].text;
            out[kept - 1].bytes += out[i].bytes;
            continue;
        }
        if (kept != i) out[kept] = std::move(out[i]);
        ++kept;
    }
    out.resize(kept);
    Token end;
    end.loc = !m_input.empty() ? m_input.front().tok.loc : SourceLoc{1, 1};  // the program's end is at the bottom
    end.file = kMainFile;
    end.at_line_start = true;
    out.push_back(std::move(end));
    return out;
}

}  // namespace detail
}  // namespace memviz::lang

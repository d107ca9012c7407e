// #if and #elif expressions (C99 6.10.1): macros expand and `defined X` becomes 1 or 0, then
// every remaining identifier counts as 0 and the line is evaluated as an integer constant
// expression in which every value is intmax_t or uintmax_t (64 bits). A recursive-descent parser
// evaluates as it parses; the operand of && || ?: that is not taken is parsed but not evaluated,
// so `#if 0 && 1/0` is no error. Arithmetic wraps instead of being undefined.
#include <algorithm>
#include <limits>

#include "lang/lexer.h"
#include "lang/preprocess_internal.h"

namespace memviz::lang::detail {
namespace {

constexpr std::size_t kMaxNesting = 256;  // parentheses and unary operators, to bound recursion

struct Value {
    std::uint64_t bits = 0;  // two's complement when signed
    bool is_unsigned = false;
    bool truth() const { return bits != 0; }
    std::int64_t as_signed() const { return static_cast<std::int64_t>(bits); }
};

Value boolean(bool b) { return {b ? 1u : 0u, false}; }

// Binary operators by precedence, loosest first (C99 6.5.5-6.5.14).
int precedence(const Token& token) {
    if (token.kind != TokenKind::Punctuator) return 0;
    static constexpr std::pair<std::string_view, int> kTable[] = {
        {"||", 1}, {"&&", 2}, {"|", 3}, {"^", 4}, {"&", 5}, {"==", 6}, {"!=", 6},
        {"<", 7}, {">", 7}, {"<=", 7}, {">=", 7}, {"<<", 8}, {">>", 8},
        {"+", 9}, {"-", 9}, {"*", 10}, {"/", 10}, {"%", 10}};
    for (const auto& [spelling, level] : kTable)
        if (token.text == spelling) return level;
    return 0;
}

class ExprParser {
public:
    ExprParser(Preprocessor& preprocessor, Diagnostics& diagnostics, const std::vector<PPToken>& tokens,
               const Token& directive)
        : m_pp(preprocessor), m_diagnostics(diagnostics), m_tokens(tokens), m_directive(directive) {}

    // The value of the whole line, or nullopt after reporting an error.
    std::optional<Value> parse() {
        const Value value = comma();
        if (!m_failed && m_pos < m_tokens.size()) {
            const Token& extra = m_tokens[m_pos].tok;
            const bool operand = extra.kind != TokenKind::Punctuator || extra.is("(");
            fail(extra, operand ? "missing binary operator before token '" + extra.text + "'"
                                : "token '" + extra.text + "' is not valid in preprocessor expressions");
        }
        if (m_failed) return std::nullopt;
        return value;
    }

private:
    const Token* peek() const { return m_pos < m_tokens.size() ? &m_tokens[m_pos].tok : nullptr; }
    bool accept(std::string_view spelling) {
        if (m_pos < m_tokens.size() && m_tokens[m_pos].tok.is(spelling)) {
            ++m_pos;
            return true;
        }
        return false;
    }
    Value fail(const Token& at, std::string message) {
        if (!m_failed) m_pp.error_at(at, std::move(message));
        return stop();
    }
    Value stop() {
        m_failed = true;
        m_pos = m_tokens.size();
        return {};
    }
    bool evaluating() const { return m_skip == 0; }

    // expression: conditional (',' conditional)*
    Value comma() {
        Value value = conditional();
        while (!m_failed && accept(",")) value = conditional();
        return value;
    }

    // conditional: binary(1) ('?' expression ':' conditional)?
    Value conditional() {
        if (++m_nesting > kMaxNesting)
            return fail(m_pos > 0 ? m_tokens[m_pos - 1].tok : m_directive, "#if expression is nested too deeply");
        Value value = binary(1);
        if (!m_failed && accept("?")) {
            const bool take_first = value.truth();
            m_skip += take_first ? 0 : 1;
            const Value first = comma();
            m_skip -= take_first ? 0 : 1;
            if (!m_failed && !accept(":")) {
                const Token* at = peek();
                fail(at ? *at : m_directive, "'?' without following ':'");
            }
            m_skip += take_first ? 1 : 0;
            const Value second = conditional();
            m_skip -= take_first ? 1 : 0;
            value = take_first ? first : second;
            value.is_unsigned = first.is_unsigned || second.is_unsigned;
        }
        --m_nesting;
        return value;
    }

    // Precedence climbing over the binary operators at `level` and tighter.
    Value binary(int level) {
        Value left = unary();
        while (!m_failed) {
            const Token* op = peek();
            const int op_level = op ? precedence(*op) : 0;
            if (op_level < level || op_level == 0) break;
            ++m_pos;
            if (op->is("&&") || op->is("||")) {
                const bool decided = op->is("&&") ? !left.truth() : left.truth();
                m_skip += decided ? 1 : 0;
                const Value right = binary(op_level + 1);
                m_skip -= decided ? 1 : 0;
                left = boolean(op->is("&&") ? left.truth() && right.truth() : left.truth() || right.truth());
                continue;
            }
            const Value right = binary(op_level + 1);
            if (!m_failed) left = apply(*op, left, right);
        }
        return left;
    }

    Value apply(const Token& op, Value a, Value b) {
        const bool is_unsigned = a.is_unsigned || b.is_unsigned;  // the usual arithmetic conversions
        const std::string& o = op.text;
        if (o == "*") return {a.bits * b.bits, is_unsigned};
        if (o == "+") return {a.bits + b.bits, is_unsigned};
        if (o == "-") return {a.bits - b.bits, is_unsigned};
        if (o == "&") return {a.bits & b.bits, is_unsigned};
        if (o == "^") return {a.bits ^ b.bits, is_unsigned};
        if (o == "|") return {a.bits | b.bits, is_unsigned};
        if (o == "==") return boolean(a.bits == b.bits);
        if (o == "!=") return boolean(a.bits != b.bits);
        if (o == "<" || o == ">" || o == "<=" || o == ">=") {
            const bool less = is_unsigned ? a.bits < b.bits : a.as_signed() < b.as_signed();
            const bool greater = is_unsigned ? a.bits > b.bits : a.as_signed() > b.as_signed();
            if (o == "<") return boolean(less);
            if (o == ">") return boolean(greater);
            return boolean(o == "<=" ? !greater : !less);
        }
        if (o == "/" || o == "%") {
            if (b.bits == 0) {
                if (evaluating()) return fail(op, "division by zero in #if");
                return {0, is_unsigned};
            }
            if (is_unsigned) return {o == "/" ? a.bits / b.bits : a.bits % b.bits, true};
            if (a.as_signed() == std::numeric_limits<std::int64_t>::min() && b.as_signed() == -1)
                return {o == "/" ? a.bits : 0, false};  // the one signed division that overflows: wrap
            const std::int64_t q = o == "/" ? a.as_signed() / b.as_signed() : a.as_signed() % b.as_signed();
            return {static_cast<std::uint64_t>(q), false};
        }
        return shift(o == "<<", a, b);
    }

    // Shifts keep the left operand's type; a negative count shifts the other way, a count of 64
    // or more shifts everything out (no undefined behaviour in the host).
    static Value shift(bool left, Value a, Value b) {
        std::int64_t count = b.is_unsigned && b.bits > 64 ? 64 : b.as_signed();
        if (count < 0) {
            left = !left;
            count = count < -64 ? 64 : -count;
        }
        const bool negative = !a.is_unsigned && a.as_signed() < 0;
        if (count >= 64) return {left || !negative ? 0 : ~std::uint64_t{0}, a.is_unsigned};
        const auto n = static_cast<unsigned>(count);
        if (left) return {a.bits << n, a.is_unsigned};
        if (a.is_unsigned) return {a.bits >> n, true};
        return {static_cast<std::uint64_t>(a.as_signed() >> n), false};
    }

    // unary: ('+' | '-' | '~' | '!') unary | primary
    Value unary() {
        const Token* token = peek();
        if (token == nullptr) return fail(m_directive, "#if expression ends too early");
        for (std::string_view op : {"+", "-", "~", "!"}) {
            if (!token->is(op)) continue;
            ++m_pos;
            if (++m_nesting > kMaxNesting) return fail(*token, "#if expression is nested too deeply");
            Value value = unary();
            --m_nesting;
            if (op == "-") value.bits = 0 - value.bits;
            if (op == "~") value.bits = ~value.bits;
            if (op == "!") value = boolean(!value.truth());
            return value;
        }
        return primary();
    }

    // primary: integer | character | identifier (0) | '(' expression ')'
    Value primary() {
        const Token& token = m_tokens[m_pos++].tok;
        if (token.is("(")) {
            const Value value = comma();
            if (!m_failed && !accept(")")) {
                const Token* at = peek();
                return fail(at ? *at : token, "missing ')' in #if expression");
            }
            return value;
        }
        switch (token.kind) {
            case TokenKind::Identifier: return {};  // not a macro: 0 (C99 6.10.1p3)
            case TokenKind::Integer:
            case TokenKind::Character: {
                Token decoded = token;
                if (!decode_literal(decoded, m_diagnostics)) return stop();  // reported
                // In #if every integer is intmax_t, or uintmax_t if unsigned or too big for intmax_t.
                const bool is_unsigned = decoded.kind == TokenKind::Integer &&
                                         (decoded.is_unsigned || decoded.integer > std::numeric_limits<std::int64_t>::max());
                return {decoded.integer, is_unsigned};
            }
            case TokenKind::Floating: return fail(token, "floating constant in preprocessor expression");
            default: return fail(token, "token '" + token.text + "' is not valid in preprocessor expressions");
        }
    }

    Preprocessor& m_pp;
    Diagnostics& m_diagnostics;
    const std::vector<PPToken>& m_tokens;
    const Token& m_directive;
    std::size_t m_pos = 0;
    std::size_t m_skip = 0;  // > 0 inside an operand that is not evaluated
    std::size_t m_nesting = 0;
    bool m_failed = false;
};

}  // namespace

// `expression` is the line after #if or #elif: macros expand, except the operand of `defined`,
// which becomes 1 or 0 (also when a macro produced it, as gcc does). False after an error, so the
// group is skipped.
bool Preprocessor::evaluate_condition(std::vector<PPToken> expression, const PPToken& directive) {
    const std::string message_name = "#" + directive.tok.text;
    if (expression.empty()) {
        error_at(directive.tok, message_name + " with no expression");
        return false;
    }
    TokenStack input = std::move(expression);
    std::reverse(input.begin(), input.end());
    std::vector<PPToken> evaluated;
    while (!m_stopped && !input.empty()) {
        PPToken token = pop(input);
        if (token.tok.kind == TokenKind::Identifier && token.tok.text == "defined") {
            if (!resolve_defined(token, input)) return false;
            evaluated.push_back(std::move(token));
            continue;
        }
        if (expand(token, input)) continue;
        evaluated.push_back(std::move(token));
    }
    if (m_stopped) return false;
    if (evaluated.empty()) {
        error_at(directive.tok, message_name + " with no expression");
        return false;
    }
    const std::optional<Value> value = ExprParser(*this, m_diagnostics, evaluated, directive.tok).parse();
    return value && value->truth();
}

// `defined NAME` or `defined ( NAME )`, with `defined` just taken off the input: turns it into 1
// or 0. False after reporting a malformed one.
bool Preprocessor::resolve_defined(PPToken& defined, TokenStack& input) {
    const bool parenthesized = !input.empty() && input.back().tok.is("(");
    if (parenthesized) pop(input);
    if (input.empty() || input.back().tok.kind != TokenKind::Identifier) {
        error_at(input.empty() ? defined.tok : input.back().tok, "operator 'defined' requires an identifier");
        return false;
    }
    const PPToken name = pop(input);
    if (parenthesized) {
        if (input.empty() || !input.back().tok.is(")")) {
            error_at(name.tok, "missing ')' after 'defined'");
            return false;
        }
        pop(input);
    }
    defined.tok.kind = TokenKind::Integer;
    defined.tok.text.assign(1, m_macros.contains(name.tok.text) ? '1' : '0');
    return true;
}

}  // namespace memviz::lang::detail

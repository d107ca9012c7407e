#include "debug_expr.h"

#include "debug_words.h"
#include "support/format.h"

namespace memviz::shell {
namespace {

struct Token {
    enum class Kind : std::uint8_t { Name, Number, Punct, End };
    Kind kind = Kind::End;
    std::string text;
};

bool name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9'); }

constexpr std::string_view kUnderstood =
    "print reads variable names with *, &, [INDEX], .member and ->member (no arithmetic, casts or calls yet)";

Result<std::vector<Token>> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    for (std::size_t at = 0; at < text.size();) {
        const char c = text[at];
        if (c == ' ' || c == '\t') {
            ++at;
        } else if (name_start(c)) {
            std::size_t end = at;
            while (end < text.size() && name_char(text[end])) ++end;
            tokens.push_back({Token::Kind::Name, std::string(text.substr(at, end - at))});
            at = end;
        } else if (c >= '0' && c <= '9') {
            std::size_t end = at;
            while (end < text.size() && name_char(text[end])) ++end;
            tokens.push_back({Token::Kind::Number, std::string(text.substr(at, end - at))});
            at = end;
        } else if (text.substr(at, 2) == "->") {
            tokens.push_back({Token::Kind::Punct, "->"});
            at += 2;
        } else if (std::string_view("*&[].()").find(c) != std::string_view::npos) {
            tokens.push_back({Token::Kind::Punct, std::string(1, c)});
            ++at;
        } else {
            return Error{"`" + std::string(text.substr(at)) + "` is not understood: " + std::string(kUnderstood)};
        }
    }
    tokens.push_back({Token::Kind::End, ""});
    return tokens;
}

class Parser {
public:
    Parser(std::vector<Token> tokens, const ValueSource& source) : m_tokens(std::move(tokens)), m_source(source) {}

    Result<Evaluated> parse() {
        auto result = expression();
        if (result.ok() && peek().kind != Token::Kind::End) {
            return Error{"unexpected `" + peek().text + "`: " + std::string(kUnderstood)};
        }
        return result;
    }

private:
    const Token& peek() const { return m_tokens[m_at]; }
    bool accept(std::string_view punct) {
        if (peek().kind != Token::Kind::Punct || peek().text != punct) return false;
        ++m_at;
        return true;
    }

    Result<Evaluated> expression() {
        if (accept("*")) {
            auto operand = expression();
            if (!operand.ok()) return operand;
            return dereference(operand.value().value, 0, "*" + operand.value().value.name);
        }
        if (accept("&")) {
            auto operand = expression();
            if (!operand.ok()) return operand;
            return address_of(operand.value());
        }
        return postfix();
    }

    Result<Evaluated> postfix() {
        auto result = primary();
        while (result.ok()) {
            if (accept("[")) {
                auto index = expression();
                if (!index.ok()) return index;
                if (!accept("]")) return Error{"expected `]` after the index of `" + result.value().value.name + "`"};
                auto number = number_of(index.value().value);
                if (!number) return Error{"the index `" + index.value().value.name + "` is not an integer with a value"};
                result = element(result.value().value, *number);
            } else if (accept(".")) {
                if (peek().kind != Token::Kind::Name) return Error{"expected a member name after `.`"};
                result = member(result.value().value, m_tokens[m_at++].text, false);
            } else if (accept("->")) {
                if (peek().kind != Token::Kind::Name) return Error{"expected a member name after `->`"};
                result = member(result.value().value, m_tokens[m_at++].text, true);
            } else {
                break;
            }
        }
        return result;
    }

    Result<Evaluated> primary() {
        const Token token = peek();
        if (accept("(")) {
            auto inner = expression();
            if (!inner.ok()) return inner;
            if (!accept(")")) return Error{"expected `)`"};
            inner.value().value.name = "(" + inner.value().value.name + ")";
            return inner;
        }
        if (token.kind == Token::Kind::Number) {
            ++m_at;
            const auto number = parse_number(token.text);
            if (!number) return Error{"`" + token.text + "` is not a number"};
            ValueView value;
            value.name = token.text;
            value.type = "long";
            value.value = token.text.starts_with("0x") ? hex_address(*number) : std::to_string(*number);
            return Evaluated{std::move(value), false};
        }
        if (token.kind == Token::Kind::Name) {
            ++m_at;
            return variable(token.text);
        }
        return Error{token.kind == Token::Kind::End ? std::string("expected an expression")
                                                    : "unexpected `" + token.text + "`: " + std::string(kUnderstood)};
    }

    Result<Evaluated> variable(const std::string& name) const {
        const Snapshot& snapshot = m_source.snapshot;
        if (!snapshot.frames.empty()) {
            // Inner scopes come after outer ones, so the last match is the one in scope.
            const std::vector<ValueView>& locals = snapshot.frames.front().variables;
            for (auto it = locals.rbegin(); it != locals.rend(); ++it) {
                if (it->name == name) return Evaluated{*it, true};
            }
        }
        for (const ValueView& global : snapshot.globals) {
            if (global.name == name) return Evaluated{global, true};
        }
        if (snapshot.frames.empty()) return Error{"no global variable `" + name + "` (the program is not running, so there are no locals)"};
        return Error{"no variable `" + name + "` in " + snapshot.frames.front().function + " or the globals"};
    }

    // p[index], *p (index 0), and the pointer half of p->member.
    Result<Evaluated> dereference(const ValueView& pointer, std::int64_t index, std::string name) const {
        if (is_array_type(pointer.type)) return element(pointer, index);  // an array used as a pointer
        if (!is_pointer_type(pointer.type)) {
            return Error{"`" + pointer.name + "` is not a pointer (it is " + article(pointer.type) + ")"};
        }
        const auto pointee = pointee_type(pointer.type);
        if (!pointee) return Error{"`" + pointer.name + "` points to a function: there is no value to show"};
        if (*pointee == "void") return Error{"`" + pointer.name + "` is a void pointer: memviz does not know what it points to"};
        if (!pointer.initialized || pointer.value == "?") {
            return Error{"`" + pointer.name + "` is uninitialized: it does not point anywhere yet"};
        }
        const auto address = number_of(pointer);
        if (!address) return Error{"`" + pointer.name + "` has no address value (" + pointer.value + ")"};
        if (*address == 0) return Error{"`" + pointer.name + "` is NULL: it points to nothing"};
        std::uint64_t step = 0;
        if (index != 0) {
            const auto size = type_size(m_source, *pointee);
            if (!size) return Error{"memviz does not know the size of a `" + *pointee + "`"};
            step = *size;
        }
        const Addr target = static_cast<Addr>(*address) + static_cast<Addr>(index) * step;
        auto value = value_at(m_source, std::move(name), *pointee, target);
        if (!value.ok()) return Error{value.error()};
        return Evaluated{std::move(value.value()), true};
    }

    Result<Evaluated> element(const ValueView& base, std::int64_t index) const {
        std::string name = base.name + index_name(index);
        if (is_pointer_type(base.type)) return dereference(base, index, std::move(name));
        if (!is_array_type(base.type)) {
            return Error{"`" + base.name + "` is neither an array nor a pointer (it is " + article(base.type) + ")"};
        }
        const std::string wanted = index_name(index);
        for (const ValueView& child : base.children) {
            if (child.name == wanted) {
                ValueView copy = child;
                copy.name = std::move(name);
                return Evaluated{std::move(copy), true};
            }
        }
        // Past the elements the snapshot lists (or out of bounds): by the element's size.
        const auto element = element_type(base.type);
        const auto size = element ? type_size(m_source, *element) : std::nullopt;
        if (!size || *size == 0) return Error{"memviz does not know the size of `" + base.name + "`'s elements"};
        const std::uint64_t count = base.size / *size;
        if (index < 0 || static_cast<std::uint64_t>(index) >= count) {
            return Error{"index " + std::to_string(index) + " is outside `" + base.name + "`, which has " +
                         std::to_string(count) + " elements (0 to " + std::to_string(count == 0 ? 0 : count - 1) + ")"};
        }
        auto value = value_at(m_source, std::move(name), *element, base.address + static_cast<std::uint64_t>(index) * *size);
        if (!value.ok()) return Error{value.error()};
        return Evaluated{std::move(value.value()), true};
    }

    Result<Evaluated> member(const ValueView& base, const std::string& name, bool arrow) const {
        if (arrow) {
            auto pointee = dereference(base, 0, "*" + base.name);
            if (!pointee.ok()) return pointee;
            return member_of(pointee.value().value, name, base.name + "->" + name);
        }
        if (is_pointer_type(base.type)) {
            return Error{"`" + base.name + "` is a pointer: write `" + base.name + "->" + name + "`"};
        }
        return member_of(base, name, base.name + "." + name);
    }

    Result<Evaluated> member_of(const ValueView& record, const std::string& name, std::string path) const {
        std::string members;
        for (const ValueView& child : record.children) {
            std::string_view child_name = child.name;
            if (child_name.starts_with(".")) child_name.remove_prefix(1);
            if (child_name == name) {
                ValueView copy = child;
                copy.name = std::move(path);
                return Evaluated{std::move(copy), true};
            }
            if (!child_name.starts_with("[")) members += (members.empty() ? "" : ", ") + std::string(child_name);
        }
        if (members.empty()) return Error{"`" + record.name + "` has no members (it is " + article(record.type) + ")"};
        return Error{"`" + record.type + "` has no member `" + name + "`; its members are " + members};
    }

    Result<Evaluated> address_of(const Evaluated& operand) const {
        if (!operand.lvalue) return Error{"`" + operand.value.name + "` is not in memory, so it has no address"};
        ValueView value;
        value.name = "&" + operand.value.name;
        value.type = pointer_to(operand.value.type);
        value.value = hex_address(operand.value.address);
        value.size = info(m_source.data_model).pointer_bytes;
        // What it points to is what was written, not the innermost member at that byte (&pt,
        // not pt.x).
        value.target = describe_address(m_source.snapshot, operand.value.address);
        if (value.target->kind == PointerTarget::Kind::Variable) {
            std::string& text = value.target->description;  // "`pt.x` in main"
            text = "`" + operand.value.name + text.substr(text.rfind('`'));
        }
        return Evaluated{std::move(value), false};
    }

    static std::string article(const std::string& type) {
        const bool vowel = !type.empty() && std::string_view("aeiou").find(type.front()) != std::string_view::npos;
        return (vowel ? "an `" : "a `") + type + "`";
    }

    std::vector<Token> m_tokens;
    std::size_t m_at = 0;
    const ValueSource& m_source;
};

}  // namespace

Result<Evaluated> evaluate(std::string_view expression, const ValueSource& source) {
    auto tokens = tokenize(expression);
    if (!tokens.ok()) return Error{tokens.error()};
    Parser parser(std::move(tokens.value()), source);
    auto result = parser.parse();
    if (result.ok()) {
        std::string_view name = expression;
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        result.value().value.name = std::string(name);
    }
    return result;
}

}  // namespace memviz::shell

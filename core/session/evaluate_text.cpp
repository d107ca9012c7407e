// The text a node of the expression spans, for messages. A node knows one location (its
// operator, or its first token); its subtree's locations give the first and last tokens it
// covers, and the tokens no node is located at are added back: the brackets that close what
// the span opens (`a[i` -> `a[i]`, `f(x` -> `f(x)`), a member's name after `.` or `->`, the
// operand after `sizeof`, and a compound literal's braces.
#include "session/evaluate_internal.h"

#include "lang/headers.h"
#include "lang/lexer.h"

namespace memviz::session::eval {
namespace {

bool opens(const std::string& token) { return token == "(" || token == "[" || token == "{"; }
bool closes(const std::string& token) { return token == ")" || token == "]" || token == "}"; }

template <class Visit>
void for_each_location(const lang::Node* node, Visit&& visit, int depth = 0) {
    if (node == nullptr || depth > 2000) return;
    visit(node->loc);
    for (const lang::Node* child : {node->lhs, node->rhs, node->cond, node->then, node->els, node->callee}) {
        for_each_location(child, visit, depth + 1);
    }
    for (const lang::Node* arg : node->args) for_each_location(arg, visit, depth + 1);
}

}  // namespace

ExpressionText::ExpressionText(std::string_view text, std::uint32_t offset) : m_text(text), m_offset(offset) {
    Diagnostics ignored;  // the parse reported any problem with the text already
    for (const lang::Token& token : lang::cut_tokens(text, lang::kMainFile, ignored)) {
        if (token.kind == lang::TokenKind::EndOfFile || token.loc.column == 0) continue;
        const std::size_t first = token.loc.column - 1;
        if (first >= m_text.size()) continue;
        m_pieces.push_back({first, std::min(token.text.size(), m_text.size() - first), token.text});
    }
}

// The token holding the column of `loc`.
std::optional<std::size_t> ExpressionText::piece_at(SourceLoc loc) const {
    if (!loc.valid() || loc.column <= m_offset) return std::nullopt;
    const std::size_t at = loc.column - m_offset - 1;
    for (std::size_t i = 0; i < m_pieces.size(); ++i) {
        if (at >= m_pieces[i].first && at < m_pieces[i].first + m_pieces[i].size) return i;
    }
    return std::nullopt;
}

// Adds the tokens no node is located at, until [first, last] is balanced and complete.
void ExpressionText::widen(std::size_t& first, std::size_t& last) const {
    for (bool changed = true; changed;) {
        changed = false;
        int depth = 0;
        for (std::size_t i = first; i <= last; ++i) {
            if (opens(m_pieces[i].text)) ++depth;
            if (!closes(m_pieces[i].text)) continue;
            if (depth > 0) {
                --depth;
                continue;
            }
            // A closer whose opener is before the span: take the opener in.
            int back = 0;
            for (std::size_t j = first; j-- > 0;) {
                if (closes(m_pieces[j].text)) ++back;
                else if (opens(m_pieces[j].text) && back-- == 0) {
                    first = j;
                    changed = true;
                    break;
                }
            }
            break;
        }
        if (changed) continue;
        for (; depth > 0 && last + 1 < m_pieces.size(); changed = true) {
            ++last;
            if (opens(m_pieces[last].text)) ++depth;
            else if (closes(m_pieces[last].text)) --depth;
        }
        const std::string& end = m_pieces[last].text;
        const bool literal_body = end == ")" && last + 1 < m_pieces.size() && m_pieces[last + 1].text == "{";
        if ((end == "." || end == "->" || end == "sizeof" || end == "_Alignof" || literal_body) && last + 1 < m_pieces.size()) {
            ++last;
            changed = true;
        }
    }
}

std::string ExpressionText::of(const lang::Node* node) const {
    std::optional<std::size_t> first;
    std::optional<std::size_t> last;
    for_each_location(node, [&](SourceLoc loc) {
        const auto at = piece_at(loc);
        if (!at) return;
        if (!first || *at < *first) first = at;
        if (!last || *at > *last) last = at;
    });
    if (!first) return m_text;
    widen(*first, *last);
    const std::size_t begin = m_pieces[*first].first;
    return m_text.substr(begin, m_pieces[*last].first + m_pieces[*last].size - begin);
}

std::string ExpressionText::quoted(const lang::Node* node) const {
    std::string out = "`";
    return out.append(of(node)).append("`");
}

}  // namespace memviz::session::eval

// Names of node kinds, for tests and debugging dumps.
#include "lang/ast.h"

#include <array>

namespace memviz::lang {

bool is_expression(NodeKind kind) { return kind < NodeKind::Block; }

std::string_view name(NodeKind kind) {
    static constexpr std::array<std::string_view, 58> kNames = {
        "IntLit", "FloatLit", "StringLit", "VarRef", "FuncRef", "Neg", "BitNot", "LogNot", "Addr",
        "Deref", "PreInc", "PreDec", "PostInc", "PostDec", "Cast", "Decay", "Member", "Add", "Sub",
        "Mul", "Div", "Mod", "Shl", "Shr", "BitAnd", "BitXor", "BitOr", "Lt", "Le", "Gt", "Ge", "Eq",
        "Ne", "LogAnd", "LogOr", "PtrAdd", "PtrSub", "PtrDiff", "Assign", "CompoundAssign", "Cond",
        "Comma", "Call", "CompoundLiteral", "Block", "ExprStmt", "If", "While", "DoWhile", "For",
        "Switch", "Case", "Default", "Break", "Continue", "Return", "Goto", "Label"};
    static constexpr std::array<std::string_view, 2> kLast = {"Decl", "Null"};
    const auto index = static_cast<std::size_t>(kind);
    if (index < kNames.size()) return kNames[index];
    return kLast[index - kNames.size()];
}

}  // namespace memviz::lang

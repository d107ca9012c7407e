// Session::evaluate's steps (evaluate.h has the picture): the expression's tokens, its parse in
// the scope of the stop, the checks that it is one expression and reads only, the walk, and the
// result formatted as a snapshot's value.
#include "session/evaluate.h"

#include <algorithm>

#include "lang/headers.h"
#include "lang/parse.h"
#include "lang/preprocess.h"
#include "session/evaluate_internal.h"
#include "session/values.h"
#include "support/format.h"

namespace memviz::session {
namespace {

using lang::Node;
using lang::NodeKind;

// The expression's line is "; EXPR": a column there is the user's column plus this.
constexpr std::uint32_t kPrefix = 2;

// Where names are looked up: the innermost frame where it is stopped; none once the program ended.
struct Stop {
    std::optional<vm::Vm::FrameRef> frame;
    std::string function;
    SourceLoc at;
};

Stop current_stop(const MachineView& machine) {
    Stop stop;
    const std::vector<vm::Vm::FrameRef> frames = machine.vm.frames();
    if (frames.empty()) return stop;
    stop.frame = frames.front();
    stop.function = machine.program.functions.at(frames.front().function).name;
    // As the snapshot's frame says: the next thing to run, or where the run stopped at an error.
    stop.at = machine.vm.location();
    if (machine.vm.state() == vm::VmState::Faulted && machine.vm.error()) stop.at = machine.vm.error()->loc;
    return stop;
}

// "column 4: expected ...", the column counted in what the user typed.
std::string at_column(SourceLoc loc, std::uint32_t line, const std::string& message) {
    if (loc.line != line || loc.column <= kPrefix) return message;
    return "column " + std::to_string(loc.column - kPrefix) + ": " + message;
}

// The parser's "'x' undeclared (first use in this function); did you mean 'y'?" in a debugger's
// words: where it looked.
std::optional<std::string> undeclared(const std::string& message, const Stop& stop) {
    const std::size_t end = message.find("' undeclared");
    if (!message.starts_with("'") || end == std::string::npos) return std::nullopt;
    const std::string name = message.substr(1, end - 1);
    if (!stop.frame) return "no global variable `" + name + "` (the program is not running, so there are no locals)";
    std::string out = "no variable `" + name + "` in " + stop.function + " or the globals";
    if (const std::size_t near = message.find("did you mean '"); near != std::string::npos) {
        const std::size_t first = near + 14;
        out += "; did you mean `" + message.substr(first, message.find('\'', first) - first) + "`?";
    }
    return out;
}

// The first node (outermost, then left to right) that would change the machine, in the words
// of a refusal: "`x = 5` assigns". sizeof's operand is not in the tree: it is never evaluated.
std::optional<std::string> side_effect(const Node* node, const eval::ExpressionText& text) {
    if (node == nullptr) return std::nullopt;
    switch (node->kind) {
        case NodeKind::Assign:
        case NodeKind::CompoundAssign: return text.quoted(node) + " assigns";
        case NodeKind::PreInc:
        case NodeKind::PostInc: return text.quoted(node) + " increments";
        case NodeKind::PreDec:
        case NodeKind::PostDec: return text.quoted(node) + " decrements";
        case NodeKind::Call:
            return text.quoted(node) + " calls " +
                   (node->callee->kind == NodeKind::FuncRef ? node->callee->func->name : std::string("a function"));
        case NodeKind::CompoundLiteral: return text.quoted(node) + " makes an object (a compound literal)";
        default: break;
    }
    for (const Node* child : {node->lhs, node->rhs, node->cond, node->then, node->els, node->callee}) {
        if (auto found = side_effect(child, text)) return found;
    }
    for (const Node* arg : node->args) {
        if (auto found = side_effect(arg, text)) return found;
    }
    return std::nullopt;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool is_lvalue(const Node* node) {
    switch (node->kind) {
        case NodeKind::VarRef:
        case NodeKind::StringLit: return true;
        case NodeKind::Deref: return !lang::is_function(node->type);
        case NodeKind::Member: return is_lvalue(node->lhs);
        default: return false;
    }
}

// The expression parsed where the program is stopped, or what is wrong with its text.
Result<lang::ScopedExpression> parse(const MachineView& machine, std::string_view source, std::string_view expression,
                                     const Stop& stop) {
    // The expression on a line of its own after the program, behind a `;` so that nothing the
    // user types can be a directive; the program's lines come first, unchanged.
    std::string text(source);
    text.append("\n\n; ").append(expression);
    const auto line = static_cast<std::uint32_t>(std::count(source.begin(), source.end(), '\n') + 3);
    Diagnostics diagnostics;
    const DataModel model = machine.program.data_model;
    std::vector<lang::Token> tokens = lang::preprocess(text, model, diagnostics);
    for (const Diagnostic& d : diagnostics.all()) {
        if (d.severity == Severity::Error) return Error{at_column(d.loc, line, d.message)};
    }
    const auto split = std::find_if(tokens.begin(), tokens.end(), [line](const lang::Token& token) {
        return token.file == lang::kMainFile && token.loc.line >= line;
    });
    if (split == tokens.end() || !split->is(";")) return Error{"memviz could not read the expression"};
    std::vector<lang::Token> expression_tokens(split + 1, tokens.end());
    tokens.erase(split, tokens.end());

    lang::ScopedExpression parsed =
        lang::parse_in_scope(std::move(tokens), std::move(expression_tokens), model, stop.function, stop.at, diagnostics);
    for (const Diagnostic& d : diagnostics.all()) {
        if (d.severity != Severity::Error) continue;  // warnings are the compiler's business
        if (auto reworded = undeclared(d.message, stop)) return Error{*reworded};
        return Error{at_column(d.loc, line, d.message)};
    }
    // One expression, all of the text: `1); system("ls")` stops after `1`.
    if (const auto& rest = parsed.left_over) {
        return Error{at_column(rest->loc, line, "expected the end of the expression before '" + rest->text + "'")};
    }
    if (parsed.expression == nullptr || parsed.expression->poisoned) return Error{"memviz could not read the expression"};
    return parsed;
}

// The walk's result as a snapshot shows a value.
Result<Evaluation> describe(const MachineView& machine, eval::Evaluator& evaluator, const eval::Operand& result,
                            const Node* node, std::string name, const std::vector<Changes::Range>& written) {
    Evaluation out;
    const lang::Type* type = result.type;
    switch (result.form) {
        case eval::Operand::Form::Void:
            out.value.name = std::move(name);
            out.value.type = "void";
            out.value.value = "void";
            break;
        case eval::Operand::Form::Value:
            out.value = describe_scalar(machine, std::move(name), type, eval::scalar_bytes(result));
            if (lang::is_integer(type) || lang::is_pointer(type)) out.number = result.bits;
            break;
        case eval::Operand::Form::Place:
            if (lang::is_function(type)) {  // `main`, `*fp`: the function's address
                out.value.name = std::move(name);
                out.value.type = lang::to_string(type);
                out.value.address = result.address;
                out.value.value = hex_address(result.address);
                out.value.target = describe_pointer(machine, result.address);
                out.number = result.address;
                break;
            }
            if (type->is_complete()) {
                if (auto problem = evaluator.check_read(result.address, type->size(), result.extent, node)) return Error{*problem};
            }
            out.value = describe_value(machine, std::move(name), type, result.address, written);
            out.lvalue = is_lvalue(node);
            if ((lang::is_integer(type) || lang::is_pointer(type)) && out.value.initialized) {
                if (auto loaded = evaluator.load(result, node); loaded.ok()) out.number = loaded.value().bits;
            }
            break;
    }
    out.reads = evaluator.reads();
    return out;
}

}  // namespace

Result<Evaluation> evaluate(const MachineView& machine, std::string_view source, std::string_view expression,
                            std::string_view command, const std::vector<Changes::Range>& written) {
    for (const char c : expression) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t') || byte == 0x7f) return Error{"the expression must be one line of text"};
    }
    const std::string name(trim(expression));
    if (name.empty()) return Error{"expected an expression"};
    const Stop stop = current_stop(machine);
    auto parsed = parse(machine, source, expression, stop);
    if (!parsed.ok()) return Error{parsed.error()};
    const Node* node = parsed.value().expression;

    const eval::ExpressionText text(expression, kPrefix);
    if (auto effect = side_effect(node, text)) return Error{std::string(command).append(" does not run code: ").append(*effect)};

    eval::Evaluator evaluator(machine, stop.frame, parsed.value().program, text);
    auto result = evaluator.evaluate(node);
    if (!result.ok()) return Error{result.error()};
    return describe(machine, evaluator, result.value(), node, name, written);
}

}  // namespace memviz::session

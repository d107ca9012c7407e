// Statements to instructions: every statement starts a step point; control flow becomes jumps,
// patched once their targets are known.
#include "lang/compile_internal.h"

namespace memviz::lang::compile_detail {

void Emitter::function_body(const Function& function) {
    m_function = &function;
    m_is_main = function.name == "main";
    point(function.definition_loc, vm::StepKind::Statement);
    stmt(function.body);
    // Falling off the end: main returns 0 (C99 5.1.2.2.3); another function returns nothing, or
    // an unspecified value that the parser already warned about (0 here, so the stack stays even).
    point(function.body->loc.valid() ? function.body->loc : function.definition_loc, vm::StepKind::Statement);
    if (m_is_main || !is_void(function.type->return_type())) {
        emit(Op::Const, 0);
        emit(Op::Return, 0, 0, 8, vm::kHasValue);
    } else {
        emit(Op::Return);
    }
    for (auto [jump, label] : m_gotos) patch(jump, m_labels.at(label));
}

void Emitter::stmt(const Node* node) {
    if (node == nullptr) return;
    switch (node->kind) {
        case NodeKind::Block:
            for (const Node* child : node->stmts) stmt(child);
            return;
        case NodeKind::ExprStmt:
            point(node->loc, vm::StepKind::Statement);
            expr(node->lhs);
            if (!is_void(node->lhs->type)) emit(Op::Drop);
            return;
        case NodeKind::Decl:
            if (node->var->storage == Storage::Local && node->var->has_init) {
                point(node->loc, vm::StepKind::Statement);
                initialize(*node->var);
            }
            return;
        case NodeKind::If: {
            point(node->loc, vm::StepKind::Statement);
            condition(node->cond);
            const std::uint32_t to_else = emit(Op::JumpIfZero);
            stmt(node->then);
            if (node->els == nullptr) {
                patch(to_else, here());
                return;
            }
            const std::uint32_t done = emit(Op::Jump);
            patch(to_else, here());
            stmt(node->els);
            patch(done, here());
            return;
        }
        case NodeKind::While:
        case NodeKind::DoWhile:
        case NodeKind::For:
            return loop(node);
        case NodeKind::Switch: return switch_stmt(node);
        case NodeKind::Case:
        case NodeKind::Default:
            m_case_targets[node] = here();
            return stmt(node->body);
        case NodeKind::Break:
            point(node->loc, vm::StepKind::Statement);
            m_breaks[node->target].push_back(emit(Op::Jump));
            return;
        case NodeKind::Continue:
            point(node->loc, vm::StepKind::Statement);
            m_continues[node->target].push_back(emit(Op::Jump));
            return;
        case NodeKind::Return:
            point(node->loc, vm::StepKind::Statement);
            if (node->lhs == nullptr) {
                emit(Op::Return);
                return;
            }
            if (is_record(node->lhs->type)) {
                // Copy the value into the caller's buffer and return the buffer's address.
                emit(Op::FrameAddr, m_symbols.return_buffer.at(m_function));
                emit(Op::Load, 0, 0, static_cast<std::uint8_t>(pointer_bytes()));
                expr(node->lhs);
                emit(Op::CopyBytes, static_cast<std::int64_t>(node->lhs->type->size()));
            } else {
                expr(node->lhs);
            }
            emit(Op::Return, 0, 0, 8, vm::kHasValue);
            return;
        case NodeKind::Goto:
            point(node->loc, vm::StepKind::Statement);
            m_gotos.emplace_back(emit(Op::Jump), node->target);
            return;
        case NodeKind::Label:
            m_labels[node] = here();
            return stmt(node->body);
        case NodeKind::Null: return;
        default:
            unsupported(node->loc, "this statement");
    }
}

void Emitter::loop(const Node* node) {
    std::uint32_t top = 0;
    std::uint32_t continue_at = 0;
    std::vector<std::uint32_t> exits;
    switch (node->kind) {
        case NodeKind::While:
            top = continue_at = here();
            point(node->loc, vm::StepKind::Statement);
            condition(node->cond);
            exits.push_back(emit(Op::JumpIfZero));
            stmt(node->body);
            emit(Op::Jump, 0, top);
            break;
        case NodeKind::DoWhile:
            top = here();
            stmt(node->body);
            continue_at = here();
            point(node->cond->loc, vm::StepKind::Statement);
            condition(node->cond);
            emit(Op::JumpIfNotZero, 0, top);
            break;
        default:  // For
            stmt(node->init);
            top = here();
            if (node->cond != nullptr) {
                point(node->cond->loc, vm::StepKind::Statement);
                condition(node->cond);
                exits.push_back(emit(Op::JumpIfZero));
            }
            stmt(node->body);
            continue_at = here();
            if (node->inc != nullptr) {
                point(node->inc->loc, vm::StepKind::Statement);
                expr(node->inc);
                if (!is_void(node->inc->type)) emit(Op::Drop);
            }
            emit(Op::Jump, 0, top);
            break;
    }
    for (std::uint32_t jump : exits) patch(jump, here());
    for (std::uint32_t jump : m_breaks[node]) patch(jump, here());
    for (std::uint32_t jump : m_continues[node]) patch(jump, continue_at);
}

void Emitter::switch_stmt(const Node* node) {
    point(node->loc, vm::StepKind::Statement);
    const Type* type = node->cond->type;
    expr(node->cond);  // [v], kept while the cases are tested
    std::vector<std::pair<std::uint32_t, const Node*>> to_case;
    for (const Node* label : node->cases) {
        emit(Op::Dup);
        const std::uint8_t width = width_of(type);
        auto value = static_cast<std::uint64_t>(label->case_value);
        if (width < 8) {
            const std::uint64_t mask = (std::uint64_t{1} << (width * 8)) - 1;
            value &= mask;
            if (flags_of(type) != 0 && (value >> (width * 8 - 1)) != 0) value |= ~mask;
        }
        emit(Op::Const, static_cast<std::int64_t>(value));
        emit(Op::Eq, 0, 0, width, flags_of(type));
        const std::uint32_t next = emit(Op::JumpIfZero);
        emit(Op::Drop);
        to_case.emplace_back(emit(Op::Jump), label);
        patch(next, here());
    }
    emit(Op::Drop);
    const std::uint32_t no_match = emit(Op::Jump);
    stmt(node->body);
    for (auto [jump, label] : to_case) patch(jump, m_case_targets.at(label));
    patch(no_match, node->default_case != nullptr ? m_case_targets.at(node->default_case) : here());
    for (std::uint32_t jump : m_breaks[node]) patch(jump, here());
}

}  // namespace memviz::lang::compile_detail

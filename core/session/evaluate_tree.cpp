// The walk over a typed expression (ast.h says what each node means once the checker is done:
// every conversion is a Cast, arrays and functions used as values are Decay, `a[i]` is
// Deref(PtrAdd), `p->m` is Member(Deref)). Places are computed without reading; a place is read
// only where C wants its value, and every read is checked first: it must lie inside the object
// its pointer points into (a variable, an allocated block's payload, a string literal), and
// its bytes must have been written. Nothing here writes to the machine.
#include <algorithm>
#include <cstring>

#include "session/evaluate_internal.h"
#include "session/values.h"
#include "support/bit_cast.h"
#include "support/format.h"
#include "vm/libc.h"

namespace memviz::session::eval {
namespace {

using lang::Node;
using lang::NodeKind;
using lang::Type;

bool inside(const Extent& extent, Addr address, std::uint64_t bytes) {
    return extent.kind == Extent::Kind::Object && address >= extent.first && address - extent.first <= extent.size &&
           bytes <= extent.size - (address - extent.first);
}

Operand void_value(const Type* type) {
    Operand out;
    out.form = Operand::Form::Void;
    out.type = type;
    return out;
}

Operand integer_value(const Type* type, std::uint64_t bits) {
    Operand out;
    out.type = type;
    out.bits = normalize(bits, type->is_complete() ? type->size() : 8, lang::is_signed(type));
    return out;
}

Operand place(const Type* type, Addr address, Extent extent) {
    Operand out;
    out.form = Operand::Form::Place;
    out.type = type;
    out.address = address;
    out.extent = std::move(extent);
    return out;
}

std::string article(const Type* type) {
    const std::string name = lang::to_string(type);
    const bool vowel = !name.empty() && std::string_view("aeiou").find(name.front()) != std::string_view::npos;
    return (vowel ? "an `" : "a `") + name + "`";
}

}  // namespace

Evaluator::Evaluator(const MachineView& machine, std::optional<vm::Vm::FrameRef> frame, const lang::Program& program,
                     const ExpressionText& text)
    : m_machine(machine), m_frame(frame), m_program(program), m_text(text) {}

Result<Operand> Evaluator::evaluate(const Node* node) {
    switch (node->kind) {
        case NodeKind::IntLit: return integer_value(node->type, node->int_value);
        case NodeKind::FloatLit: {
            Operand literal;
            literal.type = node->type;
            literal.real = node->float_value;
            return convert(literal, node->type);
        }
        case NodeKind::StringLit: return string_literal(node);
        case NodeKind::VarRef: return variable(node);
        case NodeKind::FuncRef: return function(node);
        case NodeKind::Decay:
        case NodeKind::Addr: {
            auto designated = evaluate(node->lhs);
            if (!designated.ok()) return designated;
            if (designated.value().form != Operand::Form::Place) return Error{m_text.quoted(node->lhs) + " is not in memory"};
            Operand pointer = integer_value(node->type, designated.value().address);
            pointer.extent = std::move(designated.value().extent);
            return pointer;
        }
        case NodeKind::Deref: {
            auto pointer = value(node->lhs);
            if (!pointer.ok()) return pointer;
            if (lang::is_function(node->type)) return place(node->type, pointer.value().bits, pointer.value().extent);
            if (pointer.value().bits == 0) {
                return Error{m_text.quoted(node) + " reads through a NULL pointer: " + m_text.quoted(node->lhs) + " is NULL"};
            }
            Extent extent = std::move(pointer.value().extent);
            // A block's elements are what the pointer into it points to.
            if (extent.element_size == 0 && node->type->is_complete()) extent.element_size = node->type->size();
            return place(node->type, pointer.value().bits, std::move(extent));
        }
        case NodeKind::Member: {
            auto record = evaluate(node->lhs);
            if (!record.ok()) return record;
            if (record.value().form != Operand::Form::Place) return Error{m_text.quoted(node->lhs) + " is not in memory"};
            return place(node->type, record.value().address + node->member_offset, std::move(record.value().extent));
        }
        case NodeKind::Cast: {
            if (lang::is_void(node->type)) {
                auto discarded = evaluate(node->lhs);
                if (!discarded.ok()) return discarded;
                return void_value(node->type);
            }
            auto operand = value(node->lhs);
            if (!operand.ok()) return operand;
            Operand converted = convert(operand.value(), node->type);
            // An integer made a pointer points wherever its value falls.
            if (lang::is_pointer(node->type) && !lang::is_pointer(operand.value().type)) {
                converted.extent = extent_of_value(converted.bits);
            }
            return converted;
        }
        case NodeKind::Neg:
        case NodeKind::BitNot: {
            auto operand = value(node->lhs);
            if (!operand.ok()) return operand;
            auto result = arithmetic(node->kind, node->type, operand.value(), operand.value());
            if (!result.ok()) return Error{m_text.quoted(node) + " " + result.error()};
            return result;
        }
        case NodeKind::LogNot: {
            auto operand = value(node->lhs);
            if (!operand.ok()) return operand;
            return integer_value(node->type, truth(operand.value()) ? 0 : 1);
        }
        case NodeKind::LogAnd:
        case NodeKind::LogOr: {
            auto left = value(node->lhs);
            if (!left.ok()) return left;
            const bool decided = truth(left.value()) == (node->kind == NodeKind::LogOr);  // C reads no further
            if (decided) return integer_value(node->type, node->kind == NodeKind::LogOr ? 1 : 0);
            auto right = value(node->rhs);
            if (!right.ok()) return right;
            return integer_value(node->type, truth(right.value()) ? 1 : 0);
        }
        case NodeKind::Add: case NodeKind::Sub: case NodeKind::Mul: case NodeKind::Div: case NodeKind::Mod:
        case NodeKind::Shl: case NodeKind::Shr: case NodeKind::BitAnd: case NodeKind::BitXor: case NodeKind::BitOr:
        case NodeKind::Lt: case NodeKind::Le: case NodeKind::Gt: case NodeKind::Ge: case NodeKind::Eq: case NodeKind::Ne:
            return binary(node);
        case NodeKind::PtrAdd:
        case NodeKind::PtrSub:
        case NodeKind::PtrDiff: return pointer_arithmetic(node);
        case NodeKind::Cond: {
            auto condition = value(node->cond);
            if (!condition.ok()) return condition;
            return choice(truth(condition.value()) ? node->then : node->els, node);
        }
        case NodeKind::Comma: {
            auto discarded = evaluate(node->lhs);
            if (!discarded.ok()) return discarded;
            return choice(node->rhs, node);
        }
        default: return Error{m_text.quoted(node) + " cannot be evaluated without running the program"};
    }
}

Result<Operand> Evaluator::value(const Node* node) {
    auto operand = evaluate(node);
    if (!operand.ok()) return operand;
    switch (operand.value().form) {
        case Operand::Form::Place: return load(operand.value(), node);
        case Operand::Form::Void: return Error{m_text.quoted(node) + " is void: it has no value"};
        case Operand::Form::Value: break;
    }
    return operand;
}

Result<Operand> Evaluator::load(const Operand& where, const Node* node) {
    const Type* type = where.type;
    if (!lang::is_scalar(type) || !type->is_complete()) return Error{m_text.quoted(node) + " is " + article(type) + ", not one value"};
    const std::uint64_t size = type->size();
    if (auto problem = check_read(where.address, size, where.extent, node)) return Error{*problem};
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    if (m_machine.memory.read(where.address, bytes)) {
        return Error{m_text.quoted(node) + " cannot be read: " + hex_address(where.address) + " is not readable memory"};
    }
    for (std::uint64_t i = 0; i < size; ++i) {
        const Shadow shadow = m_machine.memory.shadow(where.address + i);
        if (shadow == Shadow::Initialized) continue;
        if (shadow == Shadow::Freed) return Error{m_text.quoted(node) + " reads freed memory at " + hex_address(where.address)};
        return Error{m_text.quoted(node) + " was never written (uninitialized): " +
                     (lang::is_pointer(type) ? "it does not point anywhere yet" : "its value is unknown")};
    }
    std::uint64_t raw = 0;
    std::memcpy(&raw, bytes.data(), bytes.size());  // little-endian, as the simulated machine
    Operand out;
    out.type = type->unqualified();
    if (type->kind() == lang::TypeKind::Float) {
        out.real = static_cast<double>(memviz::bit_cast<float>(static_cast<std::uint32_t>(raw)));
    } else if (lang::is_floating(type)) {
        out.real = memviz::bit_cast<double>(raw);
    } else {
        out.bits = normalize(raw, size, lang::is_signed(type));
        if (lang::is_pointer(type)) out.extent = extent_of_value(out.bits);
    }
    const std::string text = m_text.of(node);
    if (std::find(m_reads.begin(), m_reads.end(), text) == m_reads.end()) m_reads.push_back(text);
    return out;
}

std::optional<std::string> Evaluator::check_read(Addr address, std::uint64_t bytes, const Extent& extent,
                                                 const Node* node) const {
    if (inside(extent, address, bytes)) return std::nullopt;
    Extent here = extent;
    if (extent.guessed) {
        // The pointer's value may have been just past the end of the object read.
        here = extent_of_value(address);
        if (inside(here, address, bytes) && here.first + here.size == extent.origin) return std::nullopt;
        if (extent.kind == Extent::Kind::Object) return out_of_bounds(address, bytes, extent, node);
        if (extent.origin > 0) {
            const Extent before = extent_of_value(extent.origin - 1);
            if (before.kind == Extent::Kind::Object && before.first + before.size == extent.origin) {
                return out_of_bounds(address, bytes, before, node);  // an end pointer, read at or past the end
            }
        }
        if (here.kind == Extent::Kind::Wild) here = extent;  // the pointer's own target says more
    }
    const std::string what = m_text.quoted(node) + " reads " + hex_address(address);
    switch (here.kind) {
        case Extent::Kind::Object: return out_of_bounds(address, bytes, here, node);
        case Extent::Kind::Freed: return m_text.quoted(node) + " reads freed memory at " + hex_address(address) + ": " + here.name;
        case Extent::Kind::Dangling: return what + ", in " + here.name + ": the pointer is dangling";
        case Extent::Kind::Function: return what + ", the code of " + here.name + ", which holds no data";
        case Extent::Kind::Wild: break;
    }
    return what + ": " + here.name;
}

std::string Evaluator::out_of_bounds(Addr address, std::uint64_t bytes, const Extent& extent, const Node* node) const {
    const auto offset = static_cast<std::int64_t>(address - extent.first);
    std::string text = m_text.quoted(node) + " is out of bounds: ";
    // Elements, when the read is inside one element (`pts[5].y` is in element 5).
    const auto floor_div = [](std::int64_t a, std::int64_t b) { return a / b - (a % b < 0 ? 1 : 0); };
    if (extent.element_size && bytes > 0) {  // element is never 0: an unknown size is the read's
        const std::uint64_t element = *extent.element_size == 0 ? bytes : *extent.element_size;
        const auto step = static_cast<std::int64_t>(element);
        const std::int64_t index = floor_div(offset, step);
        if (extent.size % element == 0 && floor_div(offset + static_cast<std::int64_t>(bytes) - 1, step) == index) {
            const std::uint64_t count = extent.size / element;
            text += "index " + std::to_string(index) + " is outside " + extent.name + ", which has ";
            if (count == 0) return text + "no elements";
            if (count == 1) return text + "1 element (index 0)";
            return text + std::to_string(count) + " elements (0 to " + std::to_string(count - 1) + ")";
        }
    }
    if (offset < 0) {
        return text + "it reads " + std::to_string(bytes) + " bytes starting " + std::to_string(-offset) + " bytes before " +
               extent.name;
    }
    const std::uint64_t last = static_cast<std::uint64_t>(offset) + bytes - 1;
    return text + "it reads bytes " + std::to_string(offset) + " to " + std::to_string(last) +
           " of " + extent.name + ", which has " + std::to_string(extent.size) + " bytes";
}

Result<Operand> Evaluator::binary(const Node* node) {
    auto left = value(node->lhs);
    if (!left.ok()) return left;
    auto right = value(node->rhs);
    if (!right.ok()) return right;
    switch (node->kind) {
        case NodeKind::Lt: case NodeKind::Le: case NodeKind::Gt: case NodeKind::Ge: case NodeKind::Eq: case NodeKind::Ne:
            return integer_value(node->type, compare(node->kind, left.value(), right.value()) ? 1 : 0);
        default: break;
    }
    auto result = arithmetic(node->kind, node->type, left.value(), right.value());
    if (!result.ok()) {
        std::string message = m_text.quoted(node) + " " + result.error();
        if (node->kind == NodeKind::Div || node->kind == NodeKind::Mod) message += ": " + m_text.quoted(node->rhs) + " is 0";
        return Error{message};
    }
    return result;
}

Result<Operand> Evaluator::pointer_arithmetic(const Node* node) {
    auto left = value(node->lhs);
    if (!left.ok()) return left;
    auto right = value(node->rhs);
    if (!right.ok()) return right;
    const Type* pointee = node->lhs->type->pointee();
    const std::uint64_t size = pointee != nullptr && pointee->is_complete() ? pointee->size() : 0;
    if (size == 0) return Error{m_text.quoted(node) + " needs the size of what the pointer points to"};
    const std::uint64_t width = node->lhs->type->size();
    if (node->kind == NodeKind::PtrDiff) {
        // The byte difference as a signed address-wide number, in elements.
        const auto bytes = static_cast<std::int64_t>(normalize(left.value().bits - right.value().bits, width, true));
        return integer_value(node->type, static_cast<std::uint64_t>(bytes / static_cast<std::int64_t>(size)));
    }
    const std::uint64_t step = right.value().bits * size;  // the index is a signed ptrdiff_t: wraps right
    Operand out = left.value();
    out.type = node->type;
    out.bits = normalize(node->kind == NodeKind::PtrAdd ? out.bits + step : out.bits - step, width, false);
    return out;
}

// The operand ?: or `,` yields: a struct stays a place (not an lvalue, but readable where it is).
Result<Operand> Evaluator::choice(const Node* chosen, const Node* node) {
    if (lang::is_void(node->type)) {
        auto discarded = evaluate(chosen);
        if (!discarded.ok()) return discarded;
        return void_value(node->type);
    }
    if (lang::is_record(node->type)) return evaluate(chosen);
    return value(chosen);
}

Result<Operand> Evaluator::variable(const Node* node) const {
    const lang::Object& object = *node->var;
    const vm::Program& program = m_machine.program;
    if (object.storage == lang::Storage::Local || object.storage == lang::Storage::Param) {
        // The parse that resolved the name is the program's own again: the frame's slot for the
        // object is the one declared at the same place.
        if (m_frame) {
            for (const vm::FrameSlot& slot : program.functions.at(m_frame->function).slots) {
                if (slot.name == object.name && slot.scope_first == object.scope_begin) {
                    const Addr address = m_frame->fp + static_cast<Addr>(slot.offset);
                    return place(node->type, address, extent_of_variable(object.name, object.type, address));
                }
            }
        }
        return Error{"`" + object.name + "` has no place in the current frame"};
    }
    for (std::size_t i = 0; i < program.globals.size(); ++i) {
        const vm::Global& global = program.globals[i];
        // A program's `extern int errno;` (and stdin, stdout, stderr) names the library's own.
        const bool library = object.is_extern && i < vm::kFileGlobals && global.name == object.name;
        if ((global.name == object.name && global.loc == object.loc) || library) {
            const Addr address = m_machine.vm.image().global_address[i];
            return place(node->type, address, extent_of_variable(object.name, object.type, address));
        }
    }
    return Error{"`" + object.name + "` is declared but never defined, so it has no memory"};
}

Result<Operand> Evaluator::function(const Node* node) const {
    const vm::Program& program = m_machine.program;
    for (std::size_t i = 0; i < program.functions.size(); ++i) {
        if (program.functions[i].name != node->func->name) continue;
        Extent code;
        code.kind = Extent::Kind::Function;
        code.name = "the function " + node->func->name;
        return place(node->type, m_machine.vm.image().function_entry[i], std::move(code));
    }
    return Error{"`" + node->func->name + "` is a function of memviz's C library, which has no address in the program's memory"};
}

Result<Operand> Evaluator::string_literal(const Node* node) const {
    const std::string& bytes = m_program.strings.at(node->string_index).bytes;
    const auto span = std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    for (std::size_t i = 0; i < m_machine.program.strings.size(); ++i) {
        if (m_machine.program.strings[i] != bytes) continue;
        Extent literal;
        literal.kind = Extent::Kind::Object;
        literal.first = m_machine.vm.image().string_address[i];
        literal.size = bytes.size() + 1;
        literal.name = "the string literal " + session::string_literal(span);
        literal.element_size = 0;
        return place(node->type, literal.first, std::move(literal));
    }
    return Error{"the string literal " + session::string_literal(span) +
                 " is not in the program, so it has no address (only the program's own literals are in memory)"};
}

Extent Evaluator::extent_of_variable(std::string_view name, const Type* type, Addr first) {
    Extent out;
    out.kind = Extent::Kind::Object;
    out.first = first;
    out.size = type->is_complete() ? type->size() : 0;
    out.name = std::string("`").append(name).append("`");
    if (lang::is_array(type) && type->element()->is_complete()) out.element_size = type->element()->size();
    return out;
}

Extent Evaluator::extent_of_value(Addr value) const {
    const PointerTarget target = describe_pointer(m_machine, value);
    Extent out;
    out.first = value;
    out.name = target.description;
    const auto guessed = [value](Extent extent) {
        extent.guessed = true;
        extent.origin = value;
        return extent;
    };
    switch (target.kind) {
        case PointerTarget::Kind::Variable:
            if (auto variable = m_machine.vm.variable_containing(value)) {
                out = extent_of_variable(variable->name, variable->type, variable->first);
                out.size = variable->size;
            }
            return guessed(out);
        case PointerTarget::Kind::HeapBlock:
            if (auto block = m_machine.allocator.block_containing(value)) {
                out.kind = Extent::Kind::Object;
                out.first = block->payload;
                out.size = block->requested;
                out.name = "the " + std::to_string(block->requested) + "-byte block at " + hex_address(block->payload);
                out.element_size = 0;
            }
            return guessed(out);
        case PointerTarget::Kind::String:
            for (std::size_t i = 0; i < m_machine.program.strings.size(); ++i) {
                if (m_machine.vm.image().string_address[i] != target.object) continue;
                const std::string& bytes = m_machine.program.strings[i];
                out.kind = Extent::Kind::Object;
                out.first = target.object;
                out.size = bytes.size() + 1;
                out.name = "the string literal " +
                           session::string_literal({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
                out.element_size = 0;
            }
            return guessed(out);
        case PointerTarget::Kind::Function: out.kind = Extent::Kind::Function; break;
        case PointerTarget::Kind::FreedBlock: out.kind = Extent::Kind::Freed; break;
        case PointerTarget::Kind::Dangling:
            out.kind = Extent::Kind::Dangling;
            out.name = "a stack frame that has returned";
            break;
        default: break;
    }
    return guessed(out);
}

}  // namespace memviz::session::eval

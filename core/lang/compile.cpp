// The compiler's driver: lays out globals in the data segment and frames on the stack, numbers
// the functions, and hands each body to an Emitter.
#include "lang/compile.h"

#include <algorithm>
#include <cstring>

#include "lang/compile_internal.h"
#include "support/bit_cast.h"
#include "support/format.h"
#include "vm/libc.h"

namespace memviz::lang {
namespace {

using namespace compile_detail;

std::uint64_t align_up(std::uint64_t value, std::uint64_t alignment) {
    return alignment == 0 ? value : (value + alignment - 1) / alignment * alignment;
}

// The bytes of a constant scalar of `type`, little-endian.
void put_scalar(std::vector<std::uint8_t>& bytes, std::uint64_t offset, const Type* type, std::uint64_t bits) {
    const auto size = static_cast<std::size_t>(type->size());
    if (is_floating(type) && size == 4) bits = memviz::bit_cast<std::uint32_t>(static_cast<float>(memviz::bit_cast<double>(bits)));
    for (std::size_t i = 0; i < size && i < 8; ++i) bytes.at(static_cast<std::size_t>(offset) + i) = static_cast<std::uint8_t>(bits >> (8 * i));
}

void string_into_array(const Program& program, const InitItem& item, vm::Global& global) {
    const std::string& text = program.strings.at(item.value->string_index).bytes;
    const std::uint64_t room = item.type->is_complete() ? item.type->size() : text.size() + 1;
    const std::uint64_t count = std::min<std::uint64_t>(room, text.size());  // the zero is already there
    for (std::uint64_t i = 0; i < count; ++i) {
        global.initial.at(static_cast<std::size_t>(item.offset + i)) = static_cast<std::uint8_t>(text[static_cast<std::size_t>(i)]);
    }
}

class GlobalBuilder {
public:
    GlobalBuilder(const Program& program, const Symbols& symbols, Diagnostics& diagnostics)
        : m_program(program), m_symbols(symbols), m_diagnostics(diagnostics) {}

    // Fills `global` with the object's initial bytes and relocations.
    void initialize(const Object& object, vm::Global& global) {
        // Up to the end of the last initialized item; the rest is zero (.bss).
        std::uint64_t end = 0;
        for (const InitItem& item : object.init) {
            end = std::max(end, item.type->is_complete() ? item.offset + item.type->size() : global.size);
        }
        global.initial.assign(static_cast<std::size_t>(std::min(end, global.size)), 0);
        for (const InitItem& item : object.init) value(item, global);
    }

private:
    void value(const InitItem& item, vm::Global& global) {
        const Node* node = item.value;
        if (node->kind == NodeKind::StringLit && is_array(item.type)) return string_into_array(m_program, item, global);
        if (node->kind == NodeKind::IntLit) return put_scalar(global.initial, item.offset, item.type, node->int_value);
        if (node->kind == NodeKind::FloatLit) {
            return put_scalar(global.initial, item.offset, item.type, memviz::bit_cast<std::uint64_t>(node->float_value));
        }
        vm::Global::Relocation relocation;
        relocation.at = item.offset;
        if (!address_constant(node, relocation)) {
            m_diagnostics.error(node->loc, "initializer element is not a constant memviz can compute");
            return;
        }
        global.relocations.push_back(relocation);
    }

    // Decay/Addr of a global, function or string, optionally offset by constants and cast.
    bool address_constant(const Node* node, vm::Global::Relocation& relocation) {
        switch (node->kind) {
            case NodeKind::Cast: return address_constant(node->lhs, relocation);
            case NodeKind::PtrAdd:
            case NodeKind::PtrSub: {
                if (node->rhs->kind != NodeKind::IntLit) return false;
                const auto step = static_cast<std::int64_t>(node->lhs->type->pointee()->size());
                const auto index = static_cast<std::int64_t>(node->rhs->int_value);
                relocation.addend += (node->kind == NodeKind::PtrAdd ? index : -index) * step;
                return address_constant(node->lhs, relocation);
            }
            case NodeKind::Addr:
            case NodeKind::Decay: return place(node->lhs, relocation);
            default: return false;
        }
    }

    bool place(const Node* node, vm::Global::Relocation& relocation) {
        switch (node->kind) {
            case NodeKind::VarRef: {
                auto found = m_symbols.globals.find(node->var);
                if (found == m_symbols.globals.end()) return false;
                relocation.to = vm::Global::Relocation::To::Global;
                relocation.index = found->second;
                return true;
            }
            case NodeKind::FuncRef: {
                auto found = m_symbols.functions.find(node->func);
                if (found == m_symbols.functions.end()) return false;
                relocation.to = vm::Global::Relocation::To::Function;
                relocation.index = found->second;
                return true;
            }
            case NodeKind::StringLit:
                relocation.to = vm::Global::Relocation::To::String;
                relocation.index = node->string_index;
                return true;
            case NodeKind::Member:
                relocation.addend += static_cast<std::int64_t>(node->member_offset);
                return place(node->lhs, relocation);
            case NodeKind::Deref: return address_constant(node->lhs, relocation);
            default: return false;
        }
    }

    const Program& m_program;
    const Symbols& m_symbols;
    Diagnostics& m_diagnostics;
};

vm::FrameSlot slot_for(const Object& object, std::int64_t offset) {
    vm::FrameSlot slot;
    slot.name = object.name;
    slot.type = object.type;
    slot.offset = offset;
    slot.size = object.type->size();
    slot.is_parameter = object.storage == Storage::Param;
    slot.scope_first = object.scope_begin;
    slot.scope_last = object.scope_end;
    if (is_record(object.type)) slot.passing = vm::FrameSlot::Passing::Copy;
    else if (is_floating(object.type) && object.type->size() == 4) slot.passing = vm::FrameSlot::Passing::Float32;
    return slot;
}

}  // namespace

vm::Program compile(const Program& program, DataModel data_model, const LibraryLookup& library,
                    Diagnostics& diagnostics) {
    vm::Program out;
    out.data_model = data_model;
    Symbols symbols;

    for (const StringLiteral& literal : program.strings) out.strings.push_back(literal.bytes);

    // Functions: every defined one gets an index; declared-only ones must come from the library.
    for (const Function* function : program.functions) {
        if (function->body != nullptr) {
            symbols.functions[function] = static_cast<std::uint32_t>(out.functions.size());
            vm::Function compiled;
            compiled.name = function->name;
            compiled.type = function->type;
            compiled.loc = function->definition_loc;
            out.functions.push_back(std::move(compiled));
        } else if (auto id = library(function->name)) {
            symbols.library[function] = *id;
        }
    }

    // The C library's variables (errno, stdin, stdout, stderr) come first, at fixed places; a
    // program's `extern int errno;` names them. Then the program's globals and statics, in
    // declaration order, each at its preferred alignment.
    out.globals = vm::library_globals(data_model);
    std::uint64_t data_offset = vm::kLibraryDataBytes;
    for (const Object* object : program.globals) {
        if (object->is_extern && !object->has_init) {
            for (std::uint32_t index = 0; index < vm::kFileGlobals; ++index) {
                if (out.globals[index].name == object->name) symbols.globals[object] = index;
            }
            continue;  // any other undefined extern is reported where it is used
        }
        if (!object->type->is_complete()) continue;
        data_offset = align_up(data_offset, object->type->preferred_align());
        symbols.globals[object] = static_cast<std::uint32_t>(out.globals.size());
        vm::Global global;
        global.name = object->name;
        global.type = object->type;
        global.loc = object->loc;
        global.offset = data_offset;
        global.size = object->type->size();
        out.globals.push_back(std::move(global));
        data_offset += object->type->size();
    }
    if (data_offset > kMaxGlobalDataBytes) {
        const auto largest = std::max_element(out.globals.begin(), out.globals.end(),
                                              [](const vm::Global& a, const vm::Global& b) { return a.size < b.size; });
        diagnostics.error(largest->loc, "the global variables take " + human_size(data_offset) + ", more than the " +
                                            human_size(kMaxGlobalDataBytes) + " memviz gives global data (`" +
                                            largest->name + "` alone takes " + human_size(largest->size) +
                                            "): allocate big arrays with malloc");
        return out;
    }
    GlobalBuilder builder(program, symbols, diagnostics);
    for (const Object* object : program.globals) {
        auto found = symbols.globals.find(object);
        if (found != symbols.globals.end()) builder.initialize(*object, out.globals[found->second]);
    }

    // Frames: parameters first, then locals, each below the frame pointer at its alignment.
    for (const Function* function : program.functions) {
        auto found = symbols.functions.find(function);
        if (found == symbols.functions.end()) continue;
        vm::Function& compiled = out.functions[found->second];
        std::uint64_t used = 0;
        auto place = [&](const Object* object) {
            const std::uint64_t align = std::max<std::uint64_t>(object->type->align(), 1);
            used = align_up(used + object->type->size(), align);
            const auto offset = -static_cast<std::int64_t>(used);
            symbols.frame_offset[object] = offset;
            compiled.slots.push_back(slot_for(*object, offset));
        };
        if (is_record(function->type->return_type())) {
            // The hidden parameter: where the caller wants the returned struct.
            used = align_up(used + info(data_model).pointer_bytes, info(data_model).pointer_bytes);
            symbols.return_buffer[function] = -static_cast<std::int64_t>(used);
            vm::FrameSlot slot;
            slot.name = "(return buffer)";
            slot.offset = -static_cast<std::int64_t>(used);
            slot.size = info(data_model).pointer_bytes;
            slot.is_parameter = true;
            compiled.slots.push_back(slot);
        }
        for (const Object* param : function->params) place(param);
        for (const Object* local : function->locals) {
            if (local->storage == Storage::Local && local->type->is_complete()) place(local);
        }
        compiled.frame_size = align_up(used, 16);
    }

    for (const Function* function : program.functions) {
        auto found = symbols.functions.find(function);
        if (found == symbols.functions.end()) continue;
        Emitter emitter(program, data_model, symbols, diagnostics, out.functions[found->second]);
        emitter.function_body(*function);
    }

    const Function* main = program.find_function("main");
    if (main == nullptr || main->body == nullptr) {
        diagnostics.error({1, 1}, "the program has no main function: execution starts at main, so define `int main(void)`");
    } else {
        out.main = symbols.functions.at(main);
    }
    return out;
}

}  // namespace memviz::lang

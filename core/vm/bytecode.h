// The bytecode the compiler emits and the VM runs: per function, an array of fixed-size
// instructions for a stack machine whose operand stack holds 64-bit slots, plus what the views
// need to show a frame (its layout) and to step (the line table).
//
// Slots: integers are kept sign- or zero-extended to 64 bits from their C width, pointers are
// simulated addresses, doubles are their IEEE bits (floats are doubles rounded to float
// precision). Every instruction that can go wrong in C's terms names the C width and signedness
// it works in, so wraparound, signed overflow, division by zero and shift range are checked
// exactly where C defines them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mem/data_model.h"
#include "support/diagnostics.h"

namespace memviz::lang {
class Type;
}

namespace memviz::vm {

enum class Op : std::uint8_t {
    // Operand stack
    Const,       // push imm
    Drop,        // pop
    Dup,         // push a copy of the top
    Swap,        // exchange the two top slots
    Over,        // push a copy of the slot below the top
    // Addresses, resolved when the program is loaded
    FrameAddr,   // push fp + imm (imm is negative for locals and parameters)
    GlobalAddr,  // push the address of global a, plus imm
    StringAddr,  // push the address of string literal a (in read-only memory), plus imm
    FuncAddr,    // push the address of function a (its entry in the code segment)
    // Memory: `width` bytes (1, 2, 4, 8); flags: kSigned sign-extends a load, kFloat32 converts
    // a 4-byte float to or from the double in the slot
    Load,        // pop address; push the value stored there
    Store,       // pop value, pop address; store; push the value (assignments are expressions)
    CopyBytes,   // pop source, pop destination; copy imm bytes; push destination
    ZeroBytes,   // pop destination; store imm zero bytes
    CheckBounds, // [address, base, size] -> [address]: the imm bytes at address must lie in the
                 // array object [base, base + size) they were indexed from; a = 0 for a local
                 // array, 1 for a global one (for the message)
    CheckPointer,// [address, base] -> [address]: the imm bytes at address, reached through the
                 // pointer base, must lie in the variable base points into (Vm::check_object_bounds)
    // Integer arithmetic in `width` bytes (4 or 8); kSigned for signed C types
    Add, Sub, Mul, Div, Rem, Shl, Shr, BitAnd, BitOr, BitXor, Neg, BitNot,
    Eq, Ne, Lt, Le, Gt, Ge,  // push 1 or 0; kSigned chooses a signed comparison
    LogNot,      // push 1 if the slot is 0, else 0
    // Double arithmetic
    FAdd, FSub, FMul, FDiv, FNeg,
    FEq, FNe, FLt, FLe, FGt, FGe,
    // Conversions
    IntCast,     // truncate to `width` bytes, then sign- (kSigned) or zero-extend
    IntToFloat,  // the slot is an integer of `width` bytes, kSigned if signed; push it as a double
    FloatToInt,  // truncate toward zero into an integer of `width` bytes, kSigned if signed
    FloatRound,  // round the double to float precision (the value of a float expression)
    // Control
    Jump,        // pc = a
    JumpIfZero,  // pop; jump to a if it is 0
    JumpIfNotZero,
    Call,        // a = function index, imm = argument count; the arguments are the top slots
    CallIndirect,// imm = argument count; pops the function's address, then the arguments
    Builtin,     // a = library function id (vm/libc.h), imm = argument count
    Return,      // kHasValue: pop the return value and push it for the caller
};

std::string_view name(Op op);

// Instruction flags.
inline constexpr std::uint8_t kSigned = 1;
inline constexpr std::uint8_t kFloat32 = 2;
inline constexpr std::uint8_t kHasValue = 4;

struct Instr {
    Op op{};
    std::uint8_t width = 8;
    std::uint8_t flags = 0;
    std::uint32_t a = 0;
    std::int64_t imm = 0;
};
static_assert(sizeof(Instr) == 16);

// Where a source construct begins, for stepping: the VM pauses before the instruction at `pc`
// when the chosen granularity includes this kind of point.
enum class StepKind : std::uint8_t { Statement, Expression };
struct LinePoint {
    std::uint32_t pc = 0;
    SourceLoc loc;
    StepKind kind = StepKind::Statement;
};

// A parameter or local in a frame, for the stack view: what lives where, while which lines run.
struct FrameSlot {
    std::string name;
    const lang::Type* type = nullptr;
    std::int64_t offset = 0;     // from the frame pointer (negative)
    std::uint64_t size = 0;
    bool is_parameter = false;
    // How a parameter's argument slot becomes its bytes: stored as an integer or pointer of
    // `size` bytes, converted from the slot's double to a 4-byte float, or copied from the
    // address the slot holds (structs and unions passed by value).
    enum class Passing : std::uint8_t { Value, Float32, Copy } passing = Passing::Value;
    SourceLoc scope_first;       // the variable is in scope from here...
    SourceLoc scope_last;        // ...to here
};

struct Function {
    std::string name;
    const lang::Type* type = nullptr;  // the function type
    SourceLoc loc;                     // of its definition
    std::vector<Instr> code;
    std::vector<LinePoint> lines;      // in pc order
    std::vector<FrameSlot> slots;      // parameters first, in order, then locals
    std::uint64_t frame_size = 0;      // bytes below the frame pointer, a multiple of 16
    std::uint32_t max_stack = 0;       // deepest operand stack the function needs
};

// A global or static variable: its place in the data segment and its initial bytes.
struct Global {
    std::string name;
    const lang::Type* type = nullptr;
    SourceLoc loc;
    std::uint64_t offset = 0;          // from the start of the data segment
    std::uint64_t size = 0;
    std::vector<std::uint8_t> initial; // the rest up to size is zero (.bss)
    // Addresses stored in the initial bytes are relative to these, fixed up at load time.
    struct Relocation {
        std::uint64_t at = 0;          // byte offset within `initial`
        enum class To : std::uint8_t { Global, String, Function } to{};
        std::uint32_t index = 0;
        std::int64_t addend = 0;
    };
    std::vector<Relocation> relocations;
};

struct Program {
    DataModel data_model = DataModel::LP64;
    std::vector<Function> functions;
    std::vector<Global> globals;
    std::vector<std::string> strings;  // string literals' bytes, without the terminating zero
    std::uint32_t main = 0;            // index of main in functions
};

}  // namespace memviz::vm

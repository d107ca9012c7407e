#include "vm/bytecode.h"

namespace memviz::vm {

std::string_view name(Op op) {
    switch (op) {
        case Op::Const: return "const";
        case Op::Drop: return "drop";
        case Op::Dup: return "dup";
        case Op::Swap: return "swap";
        case Op::Over: return "over";
        case Op::FrameAddr: return "frame_addr";
        case Op::GlobalAddr: return "global_addr";
        case Op::StringAddr: return "string_addr";
        case Op::FuncAddr: return "func_addr";
        case Op::Load: return "load";
        case Op::Store: return "store";
        case Op::CopyBytes: return "copy_bytes";
        case Op::ZeroBytes: return "zero_bytes";
        case Op::CheckBounds: return "check_bounds";
        case Op::CheckPointer: return "check_pointer";
        case Op::Add: return "add";
        case Op::Sub: return "sub";
        case Op::Mul: return "mul";
        case Op::Div: return "div";
        case Op::Rem: return "rem";
        case Op::Shl: return "shl";
        case Op::Shr: return "shr";
        case Op::BitAnd: return "and";
        case Op::BitOr: return "or";
        case Op::BitXor: return "xor";
        case Op::Neg: return "neg";
        case Op::BitNot: return "not";
        case Op::Eq: return "eq";
        case Op::Ne: return "ne";
        case Op::Lt: return "lt";
        case Op::Le: return "le";
        case Op::Gt: return "gt";
        case Op::Ge: return "ge";
        case Op::LogNot: return "lognot";
        case Op::FAdd: return "fadd";
        case Op::FSub: return "fsub";
        case Op::FMul: return "fmul";
        case Op::FDiv: return "fdiv";
        case Op::FNeg: return "fneg";
        case Op::FEq: return "feq";
        case Op::FNe: return "fne";
        case Op::FLt: return "flt";
        case Op::FLe: return "fle";
        case Op::FGt: return "fgt";
        case Op::FGe: return "fge";
        case Op::IntCast: return "int_cast";
        case Op::IntToFloat: return "int_to_float";
        case Op::FloatToInt: return "float_to_int";
        case Op::FloatRound: return "float_round";
        case Op::Jump: return "jump";
        case Op::JumpIfZero: return "jump_if_zero";
        case Op::JumpIfNotZero: return "jump_if_not_zero";
        case Op::Call: return "call";
        case Op::CallIndirect: return "call_indirect";
        case Op::Builtin: return "builtin";
        case Op::Return: return "return";
    }
    return "?";
}

}  // namespace memviz::vm

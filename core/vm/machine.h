// A program loaded and ready to run: its address space laid out for the program's code and data,
// the allocator over its heap, and the VM — built together, in the one order that works.
#pragma once

#include <memory>

#include "alloc/allocator.h"
#include "mem/address_space.h"
#include "support/result.h"
#include "vm/bytecode.h"
#include "vm/library.h"
#include "vm/vm.h"

namespace memviz::vm {

struct MachineConfig {
    std::uint64_t heap_limit = 64ULL << 20;
    std::uint64_t stack_limit = 8ULL << 20;
    alloc::PolicyKind policy = alloc::PolicyKind::Segregated;
};

class Machine {
public:
    // Fails with a message when the limits do not fit the program's data model. `program` and
    // `library` must outlive the machine.
    static Result<std::unique_ptr<Machine>> load(const Program& program, Library& library, const MachineConfig& config = {});

    AddressSpace& memory() { return *m_memory; }
    alloc::Allocator& allocator() { return *m_allocator; }
    Vm& vm() { return *m_vm; }

    // Starts main with `args` and runs until it stops or has taken `max_instructions` steps
    // (Vm::steps_taken: instructions, and the steps charged for their memory work).
    VmState run(const std::vector<std::string>& args, std::uint64_t max_instructions);

private:
    Machine() = default;
    std::unique_ptr<AddressSpace> m_memory;
    std::unique_ptr<alloc::Allocator> m_allocator;
    std::unique_ptr<Vm> m_vm;
};

}  // namespace memviz::vm

#include "vm/machine.h"

namespace memviz::vm {

Result<std::unique_ptr<Machine>> Machine::load(const Program& program, Library& library, const MachineConfig& config) {
    const ImageSizes sizes = image_sizes(program);
    auto layout = Layout::make({.data_model = program.data_model,
                                .code_bytes = sizes.code_bytes,
                                .data_bytes = sizes.data_bytes,
                                .heap_limit = config.heap_limit,
                                .stack_limit = config.stack_limit});
    if (!layout.ok()) return Error{layout.error()};
    std::unique_ptr<Machine> machine(new Machine());
    machine->m_memory = std::make_unique<AddressSpace>(layout.value());
    machine->m_allocator = std::make_unique<alloc::Allocator>(*machine->m_memory, alloc::AllocatorConfig{.policy = config.policy});
    auto image = load_image(program, *machine->m_memory);
    if (!image.ok()) return Error{image.error()};
    machine->m_vm = std::make_unique<Vm>(program, *machine->m_memory, *machine->m_allocator, image.value(), library);
    return machine;
}

VmState Machine::run(const std::vector<std::string>& args, std::uint64_t max_instructions) {
    m_vm->start(args);
    while (m_vm->state() == VmState::Running && m_vm->steps_taken() < max_instructions) m_vm->execute();
    return m_vm->state();
}

}  // namespace memviz::vm

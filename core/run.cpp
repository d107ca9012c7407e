#include "run.h"

#include <memory>

#include "lang/compile.h"
#include "lang/parse.h"
#include "vm/libc.h"
#include "vm/vm.h"

namespace memviz {

RunResult compile_and_run(std::string_view source, const RunOptions& options) {
    RunResult result;
    lang::Program ast = lang::parse_source(source, options.data_model, result.diagnostics);
    if (result.diagnostics.has_errors()) return result;
    const vm::Program program = lang::compile(ast, options.data_model, vm::find_library_function, result.diagnostics);
    if (result.diagnostics.has_errors()) return result;

    const vm::ImageSizes sizes = vm::image_sizes(program);
    auto layout = Layout::make({.data_model = options.data_model,
                                .code_bytes = sizes.code_bytes,
                                .data_bytes = sizes.data_bytes,
                                .heap_limit = options.heap_limit,
                                .stack_limit = options.stack_limit});
    if (!layout.ok()) {
        result.diagnostics.error({}, layout.error());
        return result;
    }
    AddressSpace memory(layout.value());
    alloc::Allocator allocator(memory, {.policy = options.policy});
    auto image = vm::load_image(program, memory);
    if (!image.ok()) {
        result.diagnostics.error({}, image.error());
        return result;
    }
    vm::CLibrary library({.stdin_text = options.stdin_text, .output_limit = options.output_limit});
    vm::Vm machine(program, memory, allocator, image.value(), library);
    std::vector<std::string> args{"main"};
    args.insert(args.end(), options.args.begin(), options.args.end());
    machine.start(args);
    while (machine.state() == vm::VmState::Running && machine.instructions_executed() < options.max_steps) {
        machine.execute();
    }

    result.instructions = machine.instructions_executed();
    result.stdout_text = library.stdout_text();
    result.stderr_text = library.stderr_text();
    switch (machine.state()) {
        case vm::VmState::Exited:
            result.outcome = RunResult::Outcome::Exited;
            result.exit_status = machine.exit_status();
            result.leaks = vm::find_leaks(memory, allocator);
            break;
        case vm::VmState::Faulted:
            result.outcome = RunResult::Outcome::RuntimeError;
            result.error = machine.error();
            break;
        case vm::VmState::Running:
            result.outcome = RunResult::Outcome::StepLimit;
            break;
    }
    return result;
}

}  // namespace memviz

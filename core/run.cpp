#include "run.h"

#include <memory>

#include "lang/compile.h"
#include "lang/parse.h"
#include "vm/libc.h"
#include "vm/machine.h"

namespace memviz {

RunResult compile_and_run(std::string_view source, const RunOptions& options) {
    RunResult result;
    lang::Program ast = lang::parse_source(source, options.data_model, result.diagnostics);
    if (result.diagnostics.has_errors()) return result;
    const vm::Program program = lang::compile(ast, options.data_model, vm::find_library_function, result.diagnostics);
    if (result.diagnostics.has_errors()) return result;

    vm::CLibrary library({.stdin_text = options.stdin_text, .output_limit = options.output_limit});
    auto loaded = vm::Machine::load(program, library,
                                    {.heap_limit = options.heap_limit, .stack_limit = options.stack_limit, .policy = options.policy});
    if (!loaded.ok()) {
        result.diagnostics.error({}, loaded.error());
        return result;
    }
    vm::Machine& machine = *loaded.value();
    std::vector<std::string> args{"main"};
    args.insert(args.end(), options.args.begin(), options.args.end());
    machine.vm().set_keep_going(options.keep_going);
    machine.run(args, options.max_steps);
    const vm::Vm& vm = machine.vm();
    result.reported = vm.reported();

    result.instructions = vm.steps_taken();
    result.stdout_text = library.stdout_text();
    result.stderr_text = library.stderr_text();
    switch (vm.state()) {
        case vm::VmState::Exited:
            result.outcome = RunResult::Outcome::Exited;
            result.exit_status = vm.exit_status();
            result.leaks = vm::find_leaks(machine.memory(), machine.allocator());
            break;
        case vm::VmState::Faulted:
            result.outcome = RunResult::Outcome::RuntimeError;
            result.error = vm.error();
            break;
        case vm::VmState::Running:
            result.outcome = RunResult::Outcome::StepLimit;
            break;
    }
    return result;
}

}  // namespace memviz

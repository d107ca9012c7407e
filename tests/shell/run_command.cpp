#include "run_command.h"

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

CommandResult run_memviz(const std::string& arguments) {
    char err_path[] = "/tmp/memviz-shell-test-XXXXXX";
    int fd = mkstemp(err_path);
    if (fd < 0) throw std::runtime_error("mkstemp failed");
    close(fd);
    std::string command = std::string("'") + MEMVIZ_BINARY + "' " + arguments + " 2>'" + err_path + "'";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("popen failed");
    CommandResult result;
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) result.out.append(buffer, n);
    int status = pclose(pipe);
    result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.err = read_file(err_path);
    std::remove(err_path);
    return result;
}

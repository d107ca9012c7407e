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

// A fresh file in /tmp; the caller removes it.
std::string temporary_file() {
    char path[] = "/tmp/memviz-shell-test-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) throw std::runtime_error("mkstemp failed");
    close(fd);
    return path;
}

}  // namespace

CommandResult run_memviz(const std::string& arguments, const std::string& input) {
    const std::string in_path = temporary_file();
    std::ofstream(in_path, std::ios::binary) << input;
    CommandResult result = run_memviz(arguments + " <'" + in_path + "'");
    std::remove(in_path.c_str());
    return result;
}

CommandResult run_memviz(const std::string& arguments) {
    const std::string err_path = temporary_file();
    std::string command = std::string("'") + MEMVIZ_BINARY + "' " + arguments + " 2>'" + err_path + "'";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("popen failed");
    CommandResult result;
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) result.out.append(buffer, n);
    int status = pclose(pipe);
    result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.err = read_file(err_path);
    std::remove(err_path.c_str());
    return result;
}

std::string c_file(const std::string& suite, const std::string& name, const std::string& source) {
    std::string path = "/tmp/memviz-";
    path.append(suite).append("-test-").append(name).append(".c");
    std::ofstream(path) << source;
    return path;
}

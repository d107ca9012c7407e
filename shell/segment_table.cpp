#include "segment_table.h"

#include <iomanip>
#include <sstream>

#include "support/format.h"

namespace memviz::shell {

std::string permissions_text(const Permissions& p) {
    return std::string(p.read ? "r" : "-") + (p.write ? "w" : "-") + (p.execute ? "x" : "-");
}

std::string segment_row(std::string_view name, Addr first, Addr last, std::string_view permissions) {
    std::ostringstream row;
    row << "  " << std::left << std::setw(12) << name << std::right << std::setw(20) << hex_address(first) << " - "
        << std::left << std::setw(20) << hex_address(last) << std::setw(5) << permissions << human_size(last - first + 1);
    return row.str();
}

}  // namespace memviz::shell

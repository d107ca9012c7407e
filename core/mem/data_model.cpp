#include "mem/data_model.h"

#include <cctype>
#include <string>

namespace memviz {

const DataModelInfo& info(DataModel model) {
    static constexpr DataModelInfo kLp64{"LP64", 8, 8, 16, 64, ~Addr{0}};
    static constexpr DataModelInfo kIlp32{"ILP32", 4, 4, 8, 32, 0xffff'ffffULL};
    return model == DataModel::LP64 ? kLp64 : kIlp32;
}

std::optional<DataModel> parse_data_model(std::string_view text) {
    std::string lower;
    for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "lp64") return DataModel::LP64;
    if (lower == "ilp32") return DataModel::ILP32;
    return std::nullopt;
}

}  // namespace memviz

// std::bit_cast for toolchains whose library lacks it (Emscripten 3.1.6's libc++): the bits of
// one trivially copyable value read as another of the same size.
#pragma once

#include <cstring>
#include <type_traits>

namespace memviz {

template <class To, class From>
To bit_cast(const From& from) {
    static_assert(sizeof(To) == sizeof(From) && std::is_trivially_copyable_v<To> && std::is_trivially_copyable_v<From>);
    To to;
    std::memcpy(&to, &from, sizeof to);
    return to;
}

}  // namespace memviz

// Keys ImGui 1.86 has no name for. Its GLFW backend indexes io.KeysDown by GLFW's key codes, so
// the function keys are GLFW's numbers (GLFW/glfw3.h: GLFW_KEY_F5 is 294); named here so views
// need not include the platform's headers.
#pragma once

namespace memviz::web::keys {

inline constexpr int kF5 = 294;
inline constexpr int kF10 = 299;
inline constexpr int kF11 = 300;

}  // namespace memviz::web::keys

# Turns the example programs (web/examples/*.c, in name order) into a C++ source defining
# `memviz::web::kExamples` and `kExampleCount` (web/examples.h), so the Examples menu needs no
# download. Usage: cmake -DINPUT_DIR=web/examples -DOUTPUT=out.cpp -P embed_examples.cmake
file(GLOB files "${INPUT_DIR}/*.c")
list(SORT files)
set(arrays "")
set(entries "")
set(index 0)
foreach(path IN LISTS files)
  get_filename_component(name "${path}" NAME)
  file(READ "${path}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
  string(APPEND arrays "constexpr unsigned char kSource${index}[] = {\n${bytes}0};\n")
  string(APPEND entries "    {\"${name}\", reinterpret_cast<const char*>(kSource${index})},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUTPUT}"
  "// Generated from ${INPUT_DIR} by cmake/embed_examples.cmake; do not edit.\n"
  "#include \"examples.h\"\n\nnamespace memviz::web {\nnamespace {\n\n${arrays}\n}  // namespace\n\n"
  "extern const Example kExamples[] = {\n${entries}};\n"
  "extern const std::size_t kExampleCount = ${index};\n\n}  // namespace memviz::web\n")

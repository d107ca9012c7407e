# Turns a binary file into a C++ source defining `extern const unsigned char NAME[]` and
# `extern const unsigned int NAME_size`, so a font becomes plain bytes in the wasm data section.
# Usage: cmake -DINPUT=file.ttf -DOUTPUT=out.cpp -DNAME=symbol -P embed_file.cmake
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}"
  "// Generated from ${INPUT} by cmake/embed_file.cmake; do not edit.\n"
  "extern const unsigned char ${NAME}[] = {\n${bytes}};\n"
  "extern const unsigned int ${NAME}_size = ${size};\n")

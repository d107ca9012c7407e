# zlib, for the permalink codec (web/permalink.cpp): Debian's zlib1g-dev natively; under
# Emscripten, Debian's zlib sources compiled here (scripts/fetch-debian-source.sh), since
# Emscripten's own zlib port downloads from elsewhere. Either way the target is memviz_zlib.
if(EMSCRIPTEN)
  enable_language(C)
  set(ZLIB_SOURCE_DIR "${MEMVIZ_DEPS_DIR}/zlib")
  if(NOT EXISTS "${ZLIB_SOURCE_DIR}/zlib.h")
    message(STATUS "Fetching zlib sources with apt-get source into ${ZLIB_SOURCE_DIR}")
    execute_process(COMMAND bash "${CMAKE_SOURCE_DIR}/scripts/fetch-debian-source.sh" zlib "${ZLIB_SOURCE_DIR}"
                    RESULT_VARIABLE fetch_result)
    if(NOT fetch_result EQUAL 0)
      message(FATAL_ERROR "scripts/fetch-debian-source.sh zlib failed; see docs/building.md")
    endif()
  endif()
  # Deflate and inflate only: no gz* file functions.
  add_library(memviz_zlib STATIC
    ${ZLIB_SOURCE_DIR}/adler32.c ${ZLIB_SOURCE_DIR}/crc32.c ${ZLIB_SOURCE_DIR}/deflate.c
    ${ZLIB_SOURCE_DIR}/inflate.c ${ZLIB_SOURCE_DIR}/inftrees.c ${ZLIB_SOURCE_DIR}/inffast.c
    ${ZLIB_SOURCE_DIR}/trees.c ${ZLIB_SOURCE_DIR}/zutil.c)
  target_include_directories(memviz_zlib SYSTEM PUBLIC ${ZLIB_SOURCE_DIR})
else()
  find_package(ZLIB REQUIRED)
  add_library(memviz_zlib INTERFACE)
  target_link_libraries(memviz_zlib INTERFACE ZLIB::ZLIB)
endif()

# Checks what libonoma exports (run with cmake -P):
#  - every exported symbol is an onoma_* function of version node ONOMA_0 (the node's own
#    absolute symbol ONOMA_0 aside): nothing of C++, ICU or Abseil leaks;
#  - the exported functions are exactly those declared ONOMA_API in onoma.h;
#  - the SONAME is the expected one.
# Variables: LIBRARY, HEADER, NM, READELF, EXPECTED_SONAME.
cmake_minimum_required(VERSION 3.25)

foreach(variable LIBRARY HEADER NM READELF EXPECTED_SONAME)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "check_exports.cmake: ${variable} is not set")
  endif()
endforeach()

set(version_node ONOMA_0)
set(problems "")

# --- What the header declares.
file(STRINGS "${HEADER}" api_lines REGEX "^ONOMA_API ")
set(declared "")
foreach(line IN LISTS api_lines)
  if(line MATCHES "^ONOMA_API [^(]*[ *](onoma_[a-z0-9_]+)[ \t]*\\(")
    list(APPEND declared "${CMAKE_MATCH_1}")
  else()
    string(APPEND problems "  cannot parse the declaration: ${line}\n")
  endif()
endforeach()
list(LENGTH declared declared_count)
if(declared_count LESS 10)
  message(FATAL_ERROR "found only ${declared_count} ONOMA_API declarations in ${HEADER}: "
                      "the header parser is broken")
endif()

# --- What the library exports.
execute_process(COMMAND "${NM}" -D --defined-only "${LIBRARY}"
  OUTPUT_VARIABLE nm_output RESULT_VARIABLE nm_result ERROR_VARIABLE nm_error)
if(NOT nm_result EQUAL 0)
  message(FATAL_ERROR "${NM} failed on ${LIBRARY}: ${nm_error}")
endif()
string(REPLACE "\n" ";" nm_lines "${nm_output}")
set(exported "")
foreach(line IN LISTS nm_lines)
  if(line STREQUAL "")
    continue()
  endif()
  if(NOT line MATCHES "^[0-9a-fA-F]* *([A-Za-z]) (.+)$")
    string(APPEND problems "  unexpected nm output: ${line}\n")
    continue()
  endif()
  set(type "${CMAKE_MATCH_1}")
  set(symbol "${CMAKE_MATCH_2}")
  if(symbol STREQUAL version_node AND type STREQUAL "A")
    continue()
  endif()
  if(NOT symbol MATCHES "^(onoma_[a-z0-9_]+)@@${version_node}$")
    string(APPEND problems "  exported symbol outside the API or its version node: ${symbol}\n")
    continue()
  endif()
  set(name "${CMAKE_MATCH_1}")
  if(NOT type STREQUAL "T")
    string(APPEND problems "  ${name} is exported as '${type}', not as a function ('T')\n")
  endif()
  list(APPEND exported "${name}")
endforeach()

foreach(name IN LISTS declared)
  if(NOT name IN_LIST exported)
    string(APPEND problems "  declared ONOMA_API in onoma.h but not exported: ${name}\n")
  endif()
endforeach()
foreach(name IN LISTS exported)
  if(NOT name IN_LIST declared)
    string(APPEND problems "  exported but not declared in onoma.h: ${name}\n")
  endif()
endforeach()

# --- SONAME.
execute_process(COMMAND "${READELF}" -d "${LIBRARY}"
  OUTPUT_VARIABLE readelf_output RESULT_VARIABLE readelf_result ERROR_VARIABLE readelf_error)
if(NOT readelf_result EQUAL 0)
  message(FATAL_ERROR "${READELF} failed on ${LIBRARY}: ${readelf_error}")
endif()
if(readelf_output MATCHES "\\(SONAME\\)[^\n]*\\[([^\n]*)\\]")
  if(NOT CMAKE_MATCH_1 STREQUAL EXPECTED_SONAME)
    string(APPEND problems "  SONAME is ${CMAKE_MATCH_1}, expected ${EXPECTED_SONAME}\n")
  endif()
else()
  string(APPEND problems "  no SONAME in ${LIBRARY}\n")
endif()

list(LENGTH exported exported_count)
if(NOT problems STREQUAL "")
  message(FATAL_ERROR "export check of ${LIBRARY} failed:\n${problems}")
endif()
message(STATUS "${LIBRARY}: ${exported_count} onoma_* functions exported, all declared in "
               "onoma.h (${declared_count}); SONAME ${EXPECTED_SONAME}")

# Install rules: library, header, CMake package (find_package(onoma)), pkg-config file, the
# bundled gazetteer.
include(CMakePackageConfigHelpers)

install(TARGETS onoma onoma_static EXPORT onomaTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/onoma/onoma.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/onoma)

set(ONOMA_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/onoma)
install(EXPORT onomaTargets NAMESPACE onoma:: DESTINATION ${ONOMA_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/onomaConfig.cmake.in
  ${PROJECT_BINARY_DIR}/onomaConfig.cmake INSTALL_DESTINATION ${ONOMA_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/onomaConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/onomaConfig.cmake ${PROJECT_BINARY_DIR}/onomaConfigVersion.cmake
  DESTINATION ${ONOMA_CMAKE_DIR})

# The .pc file finds its prefix relative to itself, so the installed tree can be moved; libdir
# and includedir are relative to that prefix even when CMAKE_INSTALL_LIBDIR/INCLUDEDIR are given
# as absolute paths (as distribution build macros do).
file(RELATIVE_PATH ONOMA_PC_TO_PREFIX
  ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" ONOMA_PC_TO_PREFIX "${ONOMA_PC_TO_PREFIX}")
file(RELATIVE_PATH ONOMA_PC_LIBDIR ${CMAKE_INSTALL_PREFIX} ${CMAKE_INSTALL_FULL_LIBDIR})
file(RELATIVE_PATH ONOMA_PC_INCLUDEDIR ${CMAKE_INSTALL_PREFIX} ${CMAKE_INSTALL_FULL_INCLUDEDIR})
configure_file(${PROJECT_SOURCE_DIR}/pkgconfig/onoma.pc.in ${PROJECT_BINARY_DIR}/onoma.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/onoma.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(FILES ${PROJECT_SOURCE_DIR}/data/gazetteer.jsonl DESTINATION ${CMAKE_INSTALL_DATADIR}/onoma)

if(TARGET onoma_cli)
  install(TARGETS onoma_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

# Install layout (relocatable: the binary finds share/trustdaily from its own
# place, engine/core/data_paths.cpp) and the Debian package (cpack -G DEB).
include(GNUInstallDirs)

set(TRUSTDAILY_APP_ID io.github.trustdaily.TrustDaily)

install(TARGETS trustdaily RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/trustdaily/scenarios
        FILES_MATCHING PATTERN "*.json")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/fonts
        DESTINATION ${CMAKE_INSTALL_DATADIR}/trustdaily)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/${TRUSTDAILY_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/${TRUSTDAILY_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
foreach(size 16 24 32 48 64 128 256 512)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/icons/trustdaily-${size}.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
          RENAME ${TRUSTDAILY_APP_ID}.png)
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/packaging/icons/trustdaily.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${TRUSTDAILY_APP_ID}.svg)

# trustdaily(1), written from the binary's own --help text.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/trustdaily.1.gz
    COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/scripts/make-manpage
            $<TARGET_FILE:trustdaily> ${CMAKE_BINARY_DIR}/trustdaily.1 ${PROJECT_VERSION}
    COMMAND gzip -9nf ${CMAKE_BINARY_DIR}/trustdaily.1
    DEPENDS trustdaily ${PROJECT_SOURCE_DIR}/scripts/make-manpage
    COMMENT "Writing trustdaily(1) from --help")
  add_custom_target(manpage ALL DEPENDS ${CMAKE_BINARY_DIR}/trustdaily.1.gz)
  install(FILES ${CMAKE_BINARY_DIR}/trustdaily.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME trustdaily)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Trust Daily")
set(CPACK_PACKAGE_CONTACT "Trust Daily maintainers <trustdaily@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "daily training game about earning trust without authority")
set(CPACK_PACKAGE_DESCRIPTION
    "One short stakeholder situation a day for product managers, scored against five\n principles, with trust meters, rewind and a debrief; scenario authoring tools.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # trustdaily_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION games)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/trustdaily/trustdaily")
set(CPACK_STRIP_FILES ON)
include(CPack)

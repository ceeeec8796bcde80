# Builds pixelport with cargo and installs what a C user expects into a prefix:
#
#   <prefix>/include/pixelport/...                 headers (Apple include paths)
#   <libdir>/libpixelport.so.X.Y.Z                 shared library
#   <libdir>/libpixelport.so.<soname suffix>       -> libpixelport.so.X.Y.Z
#   <libdir>/libpixelport.so                       -> SONAME link, for -lpixelport
#   <libdir>/libpixelport.a                        static library
#   <libdir>/pkgconfig/pixelport.pc
#   <libdir>/cmake/pixelport/pixelportConfig.cmake (+ pixelportConfigVersion.cmake)
#
# Usage (needs only cargo and cmake):
#
#   cmake [-DPREFIX=/usr/local] [-DLIBDIR=lib] -P cmake/install.cmake
#
#   PREFIX       install prefix (default /usr/local; relative paths are taken
#                from the current directory)
#   LIBDIR       library directory relative to PREFIX: lib (default), lib64,
#                lib/x86_64-linux-gnu, ...
#   CARGO        cargo executable (default: $CARGO, else cargo)
#   CONFIG_ONLY  ON: skip the build and install only pixelport.pc and the
#                CMake package files (tests/packaging.rs uses this)
#   STAGING_DIR  scratch directory (default: <cargo target dir>/pixelport-install)
#
# $DESTDIR is honoured as by `make install`: files go to $DESTDIR<PREFIX>/...
# while the generated files still name PREFIX.
#
# The version, SONAME and file names are derived from Cargo.toml (through
# `cargo metadata`), never written here; the SONAME rule mirrors build.rs and
# CI checks the installed library's SONAME against these links.

cmake_minimum_required(VERSION 3.19) # string(JSON)

get_filename_component(_source_dir "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)

if(NOT DEFINED PREFIX)
  set(PREFIX "/usr/local")
endif()
get_filename_component(PREFIX "${PREFIX}" ABSOLUTE)
if(NOT DEFINED LIBDIR)
  set(LIBDIR "lib")
endif()
if(IS_ABSOLUTE "${LIBDIR}" OR LIBDIR MATCHES "(^|/)\\.\\.?(/|$)" OR LIBDIR STREQUAL "")
  message(FATAL_ERROR "LIBDIR must be a plain path relative to PREFIX (lib, lib64, lib/<multiarch>), got '${LIBDIR}'")
endif()
string(REGEX REPLACE "/+$" "" LIBDIR "${LIBDIR}")
if(NOT DEFINED CARGO)
  if(DEFINED ENV{CARGO})
    set(CARGO "$ENV{CARGO}")
  else()
    set(CARGO "cargo")
  endif()
endif()

function(_run)
  execute_process(COMMAND ${ARGN}
    WORKING_DIRECTORY "${_source_dir}"
    RESULT_VARIABLE _result
    OUTPUT_VARIABLE _output)
  if(NOT _result EQUAL 0)
    string(REPLACE ";" " " _command "${ARGN}")
    message(FATAL_ERROR "`${_command}` failed (${_result})")
  endif()
  set(_output "${_output}" PARENT_SCOPE)
endfunction()

# --- Package facts, all from Cargo ------------------------------------------

_run("${CARGO}" metadata --no-deps --format-version 1 --manifest-path "${_source_dir}/Cargo.toml")
set(_metadata "${_output}")
string(JSON _target_dir GET "${_metadata}" target_directory)
string(JSON _package_count LENGTH "${_metadata}" packages)
math(EXPR _last "${_package_count} - 1")
set(_version "")
foreach(_i RANGE ${_last})
  string(JSON _name GET "${_metadata}" packages ${_i} name)
  if(_name STREQUAL "pixelport")
    string(JSON _version GET "${_metadata}" packages ${_i} version)
  endif()
endforeach()
if(NOT _version MATCHES "^([0-9]+)\\.([0-9]+)\\.([0-9]+)")
  message(FATAL_ERROR "cannot read pixelport's version from cargo metadata (got '${_version}')")
endif()
set(_major "${CMAKE_MATCH_1}")
set(_minor "${CMAKE_MATCH_2}")
set(_patch "${CMAKE_MATCH_3}")

# Same rule as build.rs: 0.x releases break the ABI at every minor version.
if(_major EQUAL 0)
  set(_abi_series "0.${_minor}")
else()
  set(_abi_series "${_major}")
endif()
set(_soname "libpixelport.so.${_abi_series}")
set(_shared_file "libpixelport.so.${_major}.${_minor}.${_patch}")

# The library's pointer width, for the version file's 32/64-bit check. cargo
# builds for the host here, which is what rustc reports.
if(DEFINED ENV{RUSTC})
  set(_rustc "$ENV{RUSTC}")
else()
  set(_rustc "rustc")
endif()
_run("${_rustc}" --print cfg)
if(NOT _output MATCHES "target_pointer_width=\"([0-9]+)\"")
  message(FATAL_ERROR "rustc --print cfg did not report target_pointer_width")
endif()
math(EXPR _sizeof_void_p "${CMAKE_MATCH_1} / 8")

# The pinned static link line (see the file's own comment).
file(STRINGS "${_source_dir}/cmake/native-static-libs.txt" _lines REGEX "^[^#]")
list(LENGTH _lines _count)
if(NOT _count EQUAL 1)
  message(FATAL_ERROR "cmake/native-static-libs.txt must hold exactly one non-comment line")
endif()
string(STRIP "${_lines}" _native_static_libs)
separate_arguments(_static_args UNIX_COMMAND "${_native_static_libs}")
set(_static_link_libs "")
foreach(_arg IN LISTS _static_args)
  string(REGEX REPLACE "^-l" "" _arg "${_arg}")
  list(APPEND _static_link_libs "${_arg}")
endforeach()

# --- Build --------------------------------------------------------------------

set(_release_dir "${_target_dir}/release")
if(NOT CONFIG_ONLY)
  message(STATUS "Building pixelport ${_version} (cargo build --release --locked --lib)")
  execute_process(COMMAND "${CARGO}" build --release --locked --lib
    WORKING_DIRECTORY "${_source_dir}"
    RESULT_VARIABLE _result)
  if(NOT _result EQUAL 0)
    message(FATAL_ERROR "cargo build failed (${_result})")
  endif()
  foreach(_file libpixelport.so libpixelport.a)
    if(NOT EXISTS "${_release_dir}/${_file}")
      message(FATAL_ERROR "cargo build did not produce ${_release_dir}/${_file}")
    endif()
  endforeach()
endif()

# --- Stage the generated files and links, then install everything ------------
#
# file(INSTALL) applies $DESTDIR and keeps symlinks, so everything goes through
# it from a staging directory.

if(NOT DEFINED STAGING_DIR)
  set(STAGING_DIR "${_target_dir}/pixelport-install")
endif()
file(REMOVE_RECURSE "${STAGING_DIR}")
file(MAKE_DIRECTORY "${STAGING_DIR}")

set(PIXELPORT_PREFIX "${PREFIX}")
set(PIXELPORT_LIBDIR "${LIBDIR}")
set(PIXELPORT_VERSION "${_version}")
set(PIXELPORT_CMAKE_VERSION "${_major}.${_minor}.${_patch}")
set(PIXELPORT_ABI_SERIES "${_abi_series}")
set(PIXELPORT_SONAME "${_soname}")
set(PIXELPORT_SHARED_FILE "${_shared_file}")
set(PIXELPORT_SIZEOF_VOID_P "${_sizeof_void_p}")
set(PIXELPORT_NATIVE_STATIC_LIBS "${_native_static_libs}")
set(PIXELPORT_STATIC_LINK_LIBS "${_static_link_libs}")
configure_file("${_source_dir}/cmake/pixelport.pc.in" "${STAGING_DIR}/pixelport.pc" @ONLY)
configure_file("${_source_dir}/cmake/pixelportConfig.cmake.in"
  "${STAGING_DIR}/pixelportConfig.cmake" @ONLY)
configure_file("${_source_dir}/cmake/pixelportConfigVersion.cmake.in"
  "${STAGING_DIR}/pixelportConfigVersion.cmake" @ONLY)

set(_libdir "${PREFIX}/${LIBDIR}")
file(INSTALL "${STAGING_DIR}/pixelport.pc" DESTINATION "${_libdir}/pkgconfig")
file(INSTALL "${STAGING_DIR}/pixelportConfig.cmake" "${STAGING_DIR}/pixelportConfigVersion.cmake"
  DESTINATION "${_libdir}/cmake/pixelport")

if(NOT CONFIG_ONLY)
  file(INSTALL "${_source_dir}/include/pixelport" DESTINATION "${PREFIX}/include")
  file(INSTALL "${_release_dir}/libpixelport.so" DESTINATION "${_libdir}"
    RENAME "${_shared_file}"
    FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                     WORLD_READ WORLD_EXECUTE)
  # The SONAME link is what the loader opens; the bare .so link is what
  # `-lpixelport` finds at link time.
  file(CREATE_LINK "${_shared_file}" "${STAGING_DIR}/${_soname}" SYMBOLIC)
  file(CREATE_LINK "${_soname}" "${STAGING_DIR}/libpixelport.so" SYMBOLIC)
  file(INSTALL "${STAGING_DIR}/${_soname}" "${STAGING_DIR}/libpixelport.so"
    DESTINATION "${_libdir}")
  file(INSTALL "${_release_dir}/libpixelport.a" DESTINATION "${_libdir}")
endif()

message(STATUS "Installed pixelport ${_version} into $ENV{DESTDIR}${PREFIX} (libdir ${LIBDIR})")

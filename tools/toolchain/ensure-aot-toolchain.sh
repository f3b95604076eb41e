#!/usr/bin/env bash
# Makes sure this machine can build the Native AOT trigger binary, before anything is built.
#
# Native AOT links with clang against zlib; the binary checks read it with binutils; the arm64
# (Graviton) binary cross-compiles with Debian's aarch64 gcc, binutils and libc. A fresh machine
# has none of them. Missing packages are installed with apt-get as root, or with `sudo -n` where
# that works without a password; otherwise this stops at once, exit 2, with the exact command.
#
# Sourced by build.sh (function ensure_aot_toolchain) and runnable on its own.
set -euo pipefail

AOT_APT_PACKAGES=(clang zlib1g-dev binutils gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross)

aot_toolchain_missing() {
  local package missing=()
  for package in "${AOT_APT_PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  printf '%s\n' "${missing[@]}"
}

ensure_aot_toolchain() {
  local install_hint="sudo apt-get update && sudo apt-get install -y --no-install-recommends ${AOT_APT_PACKAGES[*]}"
  if ! command -v dpkg >/dev/null 2>&1; then
    # Not Debian or Ubuntu: nothing to install with; say what the build needs if clang is absent.
    command -v clang >/dev/null 2>&1 && return 0
    printf 'build.sh: the Native AOT build needs clang, the zlib headers, binutils and, for arm64 on x64, an aarch64 cross gcc, binutils and libc; install them with your package manager (on Debian or Ubuntu: %s), then run this again.\n' "$install_hint" >&2
    exit 2
  fi

  local missing
  mapfile -t missing < <(aot_toolchain_missing)
  [ "${#missing[@]}" -gt 0 ] && [ -n "${missing[0]}" ] || return 0

  local runner=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
      runner=(sudo -n)
    else
      printf 'build.sh: the Native AOT toolchain is missing (%s) and this user cannot install it: run\n  %s\nthen run this again.\n' "${missing[*]}" "$install_hint" >&2
      exit 2
    fi
  fi

  printf '==> installing the Native AOT toolchain: %s (apt-get)\n' "${missing[*]}"
  local log
  log="$(mktemp)"
  # env after sudo: sudo resets the environment, and apt must not stop to ask questions.
  if ! { "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    printf 'build.sh: installing the Native AOT toolchain failed (apt output above); run\n  %s\nthen run this again.\n' "$install_hint" >&2
    exit 2
  fi
  rm -f "$log"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  ensure_aot_toolchain
fi

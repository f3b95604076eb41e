#!/usr/bin/env bash
# Makes sure this machine can build the Native AOT trigger binary, before anything is built.
#
# Native AOT links with clang against zlib; the binary checks read it with binutils; the arm64
# (Graviton) binary cross-compiles with Debian's aarch64 gcc, binutils and libc. A fresh machine
# has none of them. Missing packages are installed with apt-get as root, or with `sudo -n` where
# that works without a password; otherwise this stops at once, exit 2, with the exact command.
#
# Sourced by build.sh (functions ensure_aot_toolchain, ensure_browser) and runnable on its own.
set -euo pipefail

AOT_APT_PACKAGES=(clang zlib1g-dev binutils gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross)

# The browser the sample web app's test drives (playwright-core launches Debian's chromium).
BROWSER_APT_PACKAGES=(chromium)

# apt_ensure WHAT PACKAGE...: installs the packages dpkg does not have, as root or with `sudo -n`;
# otherwise stops, exit 2, with the command to run. WHAT names them in every message.
apt_ensure() {
  local what="$1"
  shift
  local packages=("$@") package missing=()
  local install_hint="sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages[*]}"
  for package in "${packages[@]}"; do
    # Installed means "install ok installed": a removed package whose configuration files remain
    # ("deinstall ok config-files") is still known to dpkg -s, but its files are gone.
    dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed$' || missing+=("$package")
  done
  [ "${#missing[@]}" -gt 0 ] || return 0

  local runner=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
      runner=(sudo -n)
    else
      printf 'build.sh: %s is missing (%s) and this user cannot install it: run\n  %s\nthen run this again.\n' "$what" "${missing[*]}" "$install_hint" >&2
      exit 2
    fi
  fi

  printf '==> installing %s: %s (apt-get)\n' "$what" "${missing[*]}"
  local log
  log="$(mktemp)"
  # env after sudo: sudo resets the environment, and apt must not stop to ask questions.
  if ! { "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    printf 'build.sh: installing %s failed (apt output above); run\n  %s\nthen run this again.\n' "$what" "$install_hint" >&2
    exit 2
  fi
  rm -f "$log"
}

ensure_aot_toolchain() {
  if ! command -v dpkg >/dev/null 2>&1; then
    # Not Debian or Ubuntu: nothing to install with; say what the build needs if clang is absent.
    command -v clang >/dev/null 2>&1 && return 0
    printf 'build.sh: the Native AOT build needs clang, the zlib headers, binutils and, for arm64 on x64, an aarch64 cross gcc, binutils and libc; install them with your package manager (on Debian or Ubuntu: sudo apt-get install -y --no-install-recommends %s), then run this again.\n' "${AOT_APT_PACKAGES[*]}" >&2
    exit 2
  fi
  apt_ensure "the Native AOT toolchain" "${AOT_APT_PACKAGES[@]}"
}

# Headless Chromium for the browser test of the sample web app.
ensure_browser() {
  if ! command -v dpkg >/dev/null 2>&1; then
    command -v chromium >/dev/null 2>&1 && return 0
    printf 'build.sh: the browser test needs Chromium at /usr/bin/chromium; install it with your package manager, then run this again.\n' >&2
    exit 2
  fi
  apt_ensure "Chromium for the browser test" "${BROWSER_APT_PACKAGES[@]}"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  ensure_aot_toolchain
fi

#!/usr/bin/env bash
# Runs every Trellis test: ./test.sh [step ...]
#
# Steps, in order: actors (rebuild the actor fixtures), java (the Maven reactor: unit tests,
# then the *IT integration tests against real nats-server processes, Spotless, Enforcer),
# go (provider SDK in Go), python (provider SDK in Python). With no argument every step runs.
# A step whose folder does not exist yet is skipped with a message; any other problem fails it.
#
# Before the steps it makes sure JDK 17+, nats-server, redis-server and libsodium are installed,
# installing the Debian packages when run as root on a machine with apt-get, and otherwise saying how.
#
# Extra Maven options go in MAVEN_ARGS (read by Maven itself), e.g. MAVEN_ARGS=-o ./test.sh java
#
# To add a step: write a function step_<name>, add <name> to STEPS and its folder to STEP_DIRS.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
readonly ROOT="$PWD"

readonly STEPS=(docs actors java go python)
declare -A STEP_DIRS=(
  [docs]=docs
  [actors]=actors
  [java]=.
  [go]=provider-sdk-go
  [python]=provider-sdk-python
)

say() { printf '\n==> %s\n' "$*"; }
fail() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- prerequisites

is_root_with_apt() { [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; }

# apt_install <package...>: installs Debian packages, refreshing the package lists only when the
# first attempt fails (they are usually fresh enough and the refresh is slow).
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  say "installing $*"
  if ! apt-get install -y -q --no-install-recommends "$@"; then
    say "install failed; refreshing the package lists and retrying"
    apt-get update -q
    apt-get install -y -q --no-install-recommends "$@"
  fi
}

# find_tool <name>: prints the tool's path; Debian puts servers in /usr/sbin, which is not on an
# ordinary user's PATH.
find_tool() {
  command -v "$1" 2>/dev/null && return 0
  local dir
  for dir in /usr/sbin /usr/local/sbin; do
    if [[ -x "$dir/$1" ]]; then
      echo "$dir/$1"
      return 0
    fi
  done
  return 1
}

java_major() {
  local version
  version="$(java -version 2>&1 | sed -n 's/.*version "\([0-9][0-9.]*\).*/\1/p' | head -n 1)"
  version="${version#1.}"
  echo "${version%%.*}"
}

ensure_java() {
  if command -v java >/dev/null 2>&1 && [[ "$(java_major)" -ge 17 ]]; then
    return 0
  fi
  if is_root_with_apt; then
    apt_install openjdk-17-jdk-headless
  else
    fail "Trellis needs JDK 17 or newer as 'java' on PATH (found: $(command -v java || echo none)).
Install it, e.g. 'sudo apt-get install -y openjdk-17-jdk-headless', then run ./test.sh again."
  fi
}

# find_libsodium: prints where libsodium is, which the Java tests use for Ed25519 (and test against
# BouncyCastle, so they fail without it).
find_libsodium() {
  local ldconfig file
  if ldconfig="$(find_tool ldconfig)"; then
    file="$("$ldconfig" -p 2>/dev/null | sed -n 's/^.*libsodium\.so.* => //p' | head -n 1)"
    [[ -n "$file" ]] && echo "$file" && return 0
  fi
  for file in /usr/lib/*-linux-gnu/libsodium.so* /usr/lib64/libsodium.so* /usr/lib/libsodium.so* \
    /usr/local/lib/libsodium.* /opt/homebrew/lib/libsodium.*; do
    [[ -e "$file" ]] && echo "$file" && return 0
  done
  return 1
}

# ensure_servers: nats-server and redis-server, which the integration tests start as real
# processes, and libsodium. Exports NATS_SERVER_BIN and REDIS_SERVER_BIN so every language's tests
# find them.
ensure_servers() {
  local missing=() pkg
  for pkg in nats-server redis-server; do
    find_tool "$pkg" >/dev/null || missing+=("$pkg")
  done
  find_libsodium >/dev/null || missing+=(libsodium23)
  if [[ ${#missing[@]} -gt 0 ]]; then
    if is_root_with_apt; then
      apt_install "${missing[@]}"
    else
      fail "missing: ${missing[*]}. The integration tests start real nats-server and redis-server
processes, and the Java tests run Ed25519 on libsodium (libsodium23). Install them with
'sudo apt-get install -y ${missing[*]}' (Debian/Ubuntu; elsewhere the libsodium package), or put the
binaries on PATH (or point NATS_SERVER_BIN / REDIS_SERVER_BIN at them), then run ./test.sh again."
    fi
  fi
  NATS_SERVER_BIN="${NATS_SERVER_BIN:-$(find_tool nats-server)}"
  REDIS_SERVER_BIN="${REDIS_SERVER_BIN:-$(find_tool redis-server)}"
  export NATS_SERVER_BIN REDIS_SERVER_BIN
  echo "java:         $(command -v java) ($(java -version 2>&1 | head -n 1))"
  echo "nats-server:  $NATS_SERVER_BIN ($("$NATS_SERVER_BIN" --version 2>&1 | head -n 1))"
  echo "redis-server: $REDIS_SERVER_BIN ($("$REDIS_SERVER_BIN" --version 2>&1 | head -n 1))"
  echo "libsodium:    $(find_libsodium)"
}

# ---------------------------------------------------------------- steps
# Each step runs in a subshell with errexit on, from the repository root.

# The README's provider examples are the files the SDK tests build and run.
step_docs() {
  python3 docs/check-examples.py
}

# The wasm toolchains (Debian's rustc with its wasm32 std and packaged crates, clang + lld, wabt):
# see actors/README.md. Only this step needs them; the Java tests use the committed corpus.
ensure_actor_toolchains() {
  local missing=() pkg
  for pkg in rustc cargo libstd-rust-dev-wasm32 librust-serde-dev librust-serde-derive-dev \
    librust-serde-bytes-dev librust-rmp-serde-dev clang lld wabt; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if is_root_with_apt; then
    apt_install "${missing[@]}"
  else
    fail "rebuilding the actor corpus needs: ${missing[*]}. Install them with
'sudo apt-get install -y ${missing[*]}', or run the other steps only: ./test.sh java go python"
  fi
}

# Rebuilds and re-signs every actor from source, fails if the result differs from the committed
# corpus (the build is reproducible), then checks the modules' shape and behaviour.
step_actors() {
  [[ -x actors/build.sh ]] || fail "actors/ exists but has no executable actors/build.sh to rebuild the fixtures"
  ensure_actor_toolchains
  actors/build.sh
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1 &&
    ! git diff --quiet -- actors/wasm-corpus; then
    git diff --stat -- actors/wasm-corpus
    fail "the rebuilt actor corpus differs from the committed one; commit actors/wasm-corpus"
  fi
  actors/check.sh
}

step_java() {
  ./mvnw -B --no-transfer-progress verify
}

step_go() {
  command -v go >/dev/null 2>&1 || fail "the Go SDK tests need Go on PATH (https://go.dev/dl/)"
  provider-sdk-go/test.sh
}

step_python() {
  provider-sdk-python/test.sh
}

# ---------------------------------------------------------------- driver

declare -A RESULT=() DETAIL=()

run_step() {
  local name="$1" dir="${STEP_DIRS[$1]}" start=$SECONDS rc
  if [[ ! -d "$dir" ]]; then
    RESULT[$name]=SKIP
    DETAIL[$name]="$dir/ does not exist yet"
    say "$name: skipped ($dir/ does not exist yet)"
    return 0
  fi
  say "$name"
  set +e
  (set -euo pipefail; "step_$name")
  rc=$?
  set -e
  if [[ $rc -eq 0 ]]; then
    RESULT[$name]=PASS
  else
    RESULT[$name]=FAIL
  fi
  DETAIL[$name]="$((SECONDS - start)) s"
}

main() {
  local selected=("$@") name
  [[ ${#selected[@]} -gt 0 ]] || selected=("${STEPS[@]}")
  for name in "${selected[@]}"; do
    [[ -n "${STEP_DIRS[$name]+set}" ]] || fail "unknown step '$name'; steps: ${STEPS[*]}"
  done

  say "prerequisites"
  ensure_java
  ensure_servers

  for name in "${selected[@]}"; do
    run_step "$name"
  done

  local failed=()
  printf '\n==== test summary ====\n'
  for name in "${selected[@]}"; do
    printf '  %-8s %-4s  %s\n' "$name" "${RESULT[$name]}" "${DETAIL[$name]}"
    [[ "${RESULT[$name]}" != FAIL ]] || failed+=("$name")
  done
  if [[ ${#failed[@]} -gt 0 ]]; then
    printf '==== FAILED: %s ====\n' "${failed[*]}"
    exit 1
  fi
  printf '==== all steps passed ====\n'
}

main "$@"

#!/usr/bin/env bash
# Builds every sample actor and hostile fixture from source into wasm-corpus/unsigned/, then
# signs them into wasm-corpus/ as listed in signing.json (sign_all).
#
#   ./build.sh              build, then sign (fails until the claims tool is available)
#   ./build.sh --no-sign    build only
#   ./build.sh --verify     rebuild into a temporary directory and compare with the committed
#                           unsigned modules byte for byte (reproducibility check for CI)
#   ./build.sh --out DIR    write to DIR/unsigned (and DIR) instead of wasm-corpus
#   ./build.sh --test       run the Rust SDK's unit tests (on the build machine) and exit
#
# Toolchain (Debian 12, see README.md): Debian's rustc/cargo with the wasm32 std and Debian's
# packaged crates, clang + lld for C, wabt for WAT. Override with RUSTC, CARGO, CLANG, WAT2WASM,
# CRATE_REGISTRY; the claims tool with TRELLIS_CLAIMS_TOOL.
set -euo pipefail

cd "$(dirname "$0")"
ACTORS_DIR=$PWD

RUSTC=${RUSTC:-/usr/bin/rustc}
CARGO=${CARGO:-/usr/bin/cargo}
CLANG=${CLANG:-clang}
WAT2WASM=${WAT2WASM:-wat2wasm}
CRATE_REGISTRY=${CRATE_REGISTRY:-/usr/share/cargo/registry}

OUT=wasm-corpus
SIGN=1
VERIFY=0
TEST=0
while (($#)); do
  case $1 in
    --no-sign) SIGN=0 ;;
    --verify) VERIFY=1 SIGN=0 ;;
    --out) OUT=$2; shift ;;
    --test) TEST=1 ;;
    *) echo "usage: $0 [--no-sign] [--verify] [--test] [--out DIR]" >&2; exit 2 ;;
  esac
  shift
done

# Rust samples: crate (package) name -> module name.
RUST_SAMPLES=(echo-rust kvcounter-rust pinger-rust logger-rust)
# C samples: source file -> module name.
declare -A C_SAMPLES=(
  [samples/echo-c/echo.c]=echo-c
  [samples/kvcounter-c/kvcounter.c]=kvcounter-c
  [samples/ponger-c/ponger.c]=ponger-c
  [hostile/memory-bomb.c]=hostile-memory-bomb
)
# Fixed C flags: MVP wasm32, no libc, size-optimised, no debug info (the name section stays,
# so traps show function names).
C_FLAGS=(--target=wasm32-unknown-unknown -Os -nostdlib -ffreestanding -Wall -Wextra -Werror
  -Isdk-c -Wl,--no-entry -Wl,--strip-debug)
C_SDK=(sdk-c/trellis_actor.c sdk-c/trellis_msgpack.c)

# cargo with Debian's compiler and Debian's packaged crates (offline, as locked).
cargo() {
  RUSTC=$RUSTC "$CARGO" \
    --config 'source.crates-io.replace-with="debian"' \
    --config "source.debian.directory=\"$CRATE_REGISTRY\"" \
    "$@" --locked --offline
}

build_rust() {
  local packages=()
  for crate in "${RUST_SAMPLES[@]}"; do packages+=(-p "$crate"); done
  # Paths baked into panic messages are remapped so the output does not depend on where the
  # checkout or the crate registry lives.
  RUSTFLAGS="--remap-path-prefix=$ACTORS_DIR=actors --remap-path-prefix=$CRATE_REGISTRY=registry" \
    cargo build --release --quiet --target wasm32-unknown-unknown "${packages[@]}"
  for crate in "${RUST_SAMPLES[@]}"; do
    cp "target/wasm32-unknown-unknown/release/${crate//-/_}.wasm" "$OUT/unsigned/$crate.wasm"
  done
}

build_c() {
  for src in "${!C_SAMPLES[@]}"; do
    "$CLANG" "${C_FLAGS[@]}" "${C_SDK[@]}" "$src" -o "$OUT/unsigned/${C_SAMPLES[$src]}.wasm"
  done
}

build_wat() {
  for src in hostile/*.wat; do
    "$WAT2WASM" --debug-names "$src" -o "$OUT/unsigned/hostile-$(basename "$src" .wat).wasm"
  done
}

# Signs every module listed in signing.json (see README.md, "Signing") with the Trellis claims
# tool: TRELLIS_CLAIMS_TOOL is its command line, invoked as
#   $TRELLIS_CLAIMS_TOOL sign-manifest signing.json <unsigned dir> <signed dir>
sign_all() {
  local tool=()
  read -ra tool <<<"${TRELLIS_CLAIMS_TOOL:-$PWD/tools/sign}"
  if ((${#tool[@]} == 0)) || ! command -v "${tool[0]}" >/dev/null 2>&1; then
    echo "signing requires the Trellis claims tool: set TRELLIS_CLAIMS_TOOL to its command" \
      "(unsigned modules are in $OUT/unsigned; ./build.sh --no-sign skips signing)" >&2
    exit 1
  fi
  "${tool[@]}" sign-manifest signing.json "$OUT/unsigned" "$OUT"
}

build_all() {
  mkdir -p "$OUT/unsigned"
  build_rust
  build_c
  build_wat
  chmod 644 "$OUT"/unsigned/*.wasm
}

start=$SECONDS
if ((TEST)); then
  RUSTDOC=${RUSTDOC:-${RUSTC%rustc}rustdoc} cargo test --quiet -p trellis-actor
  exit
fi
if ((VERIFY)); then
  committed=$PWD/wasm-corpus/unsigned
  OUT=$(mktemp -d)
  trap 'rm -rf "$OUT"' EXIT
  build_all
  status=0
  for f in "$OUT"/unsigned/*.wasm; do
    name=$(basename "$f")
    if ! cmp -s "$f" "$committed/$name"; then
      echo "differs from the committed module: wasm-corpus/unsigned/$name" >&2
      status=1
    fi
  done
  for f in "$committed"/*.wasm; do
    [[ -e $OUT/unsigned/$(basename "$f") ]] || { echo "not built any more: $f" >&2; status=1; }
  done
  echo "verified $(ls "$OUT"/unsigned | wc -l) modules in $((SECONDS - start)) s" >&2
  exit $status
fi

build_all
echo "built $(ls "$OUT"/unsigned | wc -l) modules into $OUT/unsigned in $((SECONDS - start)) s" >&2
if ((SIGN)); then
  sign_all
fi

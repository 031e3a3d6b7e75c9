#!/usr/bin/env bash
# CI for the Python provider SDK and the Python providers: creates provider-sdk-python/.venv if
# missing, installs the SDK (with its test extras) and the providers in editable mode, and runs
# each pytest suite. Needs Python >= 3.11 ($PYTHON, default python3) and a nats-server binary
# ($NATS_SERVER_BIN, or on PATH, or /usr/sbin/nats-server). Extra arguments go to pytest.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
VENV="$HERE/.venv"
PYTHON="${PYTHON:-python3}"
SUITES=("$HERE" "$ROOT/providers/keyvalue-sqlite-py")

if [ ! -x "$VENV/bin/python" ]; then
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "failed to create the venv: $PYTHON is $("$PYTHON" -V 2>&1), Python >= 3.11 is needed; set PYTHON" >&2
    exit 1
  fi
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
  -e "$HERE[test]" -e "$ROOT/providers/keyvalue-sqlite-py"

status=0
echo "== ruff"
LINTED=("$HERE/src" "$HERE/tests" "$ROOT/providers/keyvalue-sqlite-py")
"$VENV/bin/ruff" check --config "$HERE/pyproject.toml" "${LINTED[@]}" "$ROOT/providers/keyvalue-sqlite-py/keyvalue-sqlite" || status=1
"$VENV/bin/ruff" format --check --config "$HERE/pyproject.toml" "${LINTED[@]}" "$ROOT/providers/keyvalue-sqlite-py/keyvalue-sqlite" || status=1
for suite in "${SUITES[@]}"; do
  echo "== pytest ${suite#"$ROOT"/}"
  rc=0
  (cd "$suite" && "$VENV/bin/python" -m pytest -q "$@") || rc=$?
  if [ "$rc" -eq 5 ]; then
    echo "failed: pytest collected no tests in ${suite#"$ROOT"/}" >&2
    status=1
  elif [ "$rc" -ne 0 ]; then
    status=$rc
  fi
done
exit "$status"

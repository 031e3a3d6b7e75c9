#!/usr/bin/env bash
# Checks the actor corpus (CI runs this after ./build.sh --verify):
#  1. every module in wasm-corpus/unsigned/ (and every signed one in wasm-corpus/) validates and
#     has the wasmbus shape: imports only from "wasmbus" with the ABI's signatures (modules
#     listed in ALLOW_WASI may also import wasi_snapshot_preview1, ALLOW_ENV_ABORT env.abort),
#     exports `memory` and `__guest_call` of type (i32, i32) -> i32, no start function;
#     signed modules carry exactly one `jwt`/`wasmcloud_jwt` section, as the last section;
#  2. the key files are valid nkey seeds and signing.json is consistent with them and with the
#     corpus;
#  3. the modules behave as README.md says (smoke.mjs), when node is installed.
#
#   ./check.sh [corpus dir]     (default wasm-corpus; needs wabt and python3)
set -euo pipefail
cd "$(dirname "$0")"
CORPUS=${1:-wasm-corpus}

# Modules allowed to import WASI preview1 / env.abort (none of today's; AssemblyScript or
# wasm32-wasi actors would be listed here by module name).
ALLOW_WASI=""
ALLOW_ENV_ABORT=""

modules=("$CORPUS"/unsigned/*.wasm)
signed=()
for f in "$CORPUS"/*.wasm; do [[ -e $f ]] && signed+=("$f"); done

for f in "${modules[@]}" "${signed[@]}"; do
  wasm-validate "$f"
done

python3 - "$ALLOW_WASI" "$ALLOW_ENV_ABORT" "${modules[@]}" -- "${signed[@]}" <<'EOF'
import os, re, subprocess, sys

allow_wasi = set(sys.argv[1].split())
allow_abort = set(sys.argv[2].split())
rest = sys.argv[3:]
split = rest.index("--")
unsigned, signed = rest[:split], rest[split + 1:]

I32x2 = "(i32, i32) -> nil"
ABI = {  # spec dataplane §1.2
    "__guest_request": I32x2,
    "__guest_response": I32x2,
    "__guest_error": I32x2,
    "__host_call": "(i32, i32, i32, i32, i32, i32, i32, i32) -> i32",
    "__host_response": "(i32) -> nil",
    "__host_response_len": "() -> i32",
    "__host_error": "(i32) -> nil",
    "__host_error_len": "() -> i32",
    "__console_log": I32x2,
}

def objdump(path, flag):
    return subprocess.run(["wasm-objdump", flag, path], check=True, capture_output=True,
                          text=True).stdout

def problems(path, is_signed):
    name = os.path.basename(path)[: -len(".wasm")]
    out = objdump(path, "-x")
    types = dict(re.findall(r"^ - type\[(\d+)\] (.*)$", out, re.M))
    sigs = {}
    errs = []
    for idx, sig, mod, field in re.findall(
            r"^ - func\[(\d+)\] sig=(\d+)(?: <[^>]*>)? <- ([^.\s]+)\.(\S+)$", out, re.M):
        sigs[idx] = sig
        if mod == "wasmbus":
            if field not in ABI:
                errs.append(f"imports unknown wasmbus function {field}")
            elif types[sig] != ABI[field]:
                errs.append(f"imports wasmbus.{field} as {types[sig]}, expected {ABI[field]}")
        elif mod == "wasi_snapshot_preview1" and name in allow_wasi:
            pass
        elif mod == "env" and field == "abort" and name in allow_abort:
            pass
        else:
            errs.append(f"imports {mod}.{field}, which no wasmbus host provides")
    for kind in ("memory", "global", "table"):
        for mod, field in re.findall(rf"^ - {kind}\[\d+\].* <- ([^.\s]+)\.(\S+)$", out, re.M):
            errs.append(f"imports {kind} {mod}.{field}; an actor must define its own")
    sigs.update(re.findall(r"^ - func\[(\d+)\] sig=(\d+)(?: <[^>]*>)?$", out, re.M))
    exports = {f: (k, i) for k, i, f in re.findall(r'^ - (\w+)\[(\d+)\].* -> "([^"]+)"$', out, re.M)}
    if exports.get("memory", ("",))[0] != "memory":
        errs.append("does not export its memory as `memory`")
    kind, idx = exports.get("__guest_call", ("", ""))
    if kind != "func":
        errs.append("does not export the function `__guest_call`")
    elif types[sigs[idx]] != "(i32, i32) -> i32":
        errs.append(f"exports __guest_call as {types[sigs[idx]]}, expected (i32, i32) -> i32")
    if re.search(r"^Start:", out, re.M):
        errs.append("has a start function")
    headers = re.findall(r'^\s*(\w+) start=.*?(?:"([^"]*)")?$', objdump(path, "-h"), re.M)
    jwts = [i for i, (sec, cname) in enumerate(headers)
            if sec == "Custom" and cname in ("jwt", "wasmcloud_jwt")]
    if is_signed and (len(jwts) != 1 or jwts[0] != len(headers) - 1):
        errs.append("signed module must carry exactly one jwt section, as its last section")
    if not is_signed and jwts:
        errs.append("unsigned module carries a jwt section")
    return errs

failed = 0
for path, is_signed in [(p, False) for p in unsigned] + [(p, True) for p in signed]:
    errs = problems(path, is_signed)
    size = os.path.getsize(path)
    print(f"{'FAIL' if errs else 'ok  '} {path} ({size} bytes)")
    for e in errs:
        print(f"     {e}")
    failed += bool(errs)
sys.exit(1 if failed else 0)
EOF

# Keys and manifest.
python3 tools/nkeys.py check keys/*.nk >/dev/null
python3 - "$CORPUS" <<'EOF'
import json, os, subprocess, sys
corpus = sys.argv[1]
m = json.load(open("signing.json"))
errs = []
def public(path):
    try:
        out = subprocess.run([sys.executable, "tools/nkeys.py", "public", path], check=True,
                             capture_output=True, text=True).stdout
        return out.split()[1]
    except subprocess.CalledProcessError as e:
        if "cryptography" in e.stderr:
            return None  # the package is missing: skip the derivation check
        raise
acct = public(m["account_key"])
if acct is not None and acct != m["account_public_key"]:
    errs.append(f"account_public_key does not match {m['account_key']}")
seen = set()
for mod in m["modules"]:
    out = mod["output"]
    if out in seen:
        errs.append(f"{out}: listed twice")
    seen.add(out)
    if not os.path.exists(os.path.join(corpus, "unsigned", mod["input"] + ".wasm")):
        errs.append(f"{out}: input {mod['input']} is not in {corpus}/unsigned")
    if mod["variant"] not in ("normal", "bad-signature", "hash-mismatch", "missing-caps"):
        errs.append(f"{out}: unknown variant {mod['variant']}")
    if (mod["variant"] == "missing-caps") != ("lacks" in mod):
        errs.append(f"{out}: `lacks` goes with, and only with, variant missing-caps")
    if any(c in mod["caps"] for c in mod.get("lacks", [])):
        errs.append(f"{out}: caps contain a capability listed in lacks")
    pk = public(mod["module_key"])
    if pk is not None and pk != mod["public_key"]:
        errs.append(f"{out}: public_key does not match {mod['module_key']}")
    if len(mod["jti"]) != 22:
        errs.append(f"{out}: jti must be 22 characters")
for e in errs:
    print(f"FAIL signing.json: {e}")
print(f"{'FAIL' if errs else 'ok  '} signing.json ({len(m['modules'])} modules)")
sys.exit(1 if errs else 0)
EOF

if command -v node >/dev/null 2>&1; then
  node smoke.mjs "$CORPUS/unsigned"
else
  echo "skip smoke.mjs: node is not installed"
fi

#!/usr/bin/env bash
# CI entry point for the Go provider SDK and the Go providers built on it.
# Needs Go (>= 1.22 for the SDK, >= 1.25 for providers/blobstore-fs-go) and a nats-server binary
# on PATH or in NATS_SERVER_BIN (Debian: apt-get install -y nats-server). Modules come from the
# Go module proxy.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
modules=("$here" "$here/../providers/blobstore-fs-go")

if [[ -z "${NATS_SERVER_BIN:-}" ]] && ! command -v nats-server >/dev/null; then
	echo "nats-server not found: install it (apt-get install -y nats-server) or set NATS_SERVER_BIN" >&2
	exit 1
fi

for m in "${modules[@]}"; do
	echo "== $m"
	cd "$m"
	go mod download
	go mod verify
	go vet ./...
	unformatted="$(gofmt -l .)"
	if [[ -n "$unformatted" ]]; then
		echo "gofmt needed on:" >&2
		echo "$unformatted" >&2
		exit 1
	fi
	go test -race -count=1 ./...
done

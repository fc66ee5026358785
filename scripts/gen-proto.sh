#!/usr/bin/env bash
# Regenerates the protobufjs static code from proto/. The output is committed so that `npm ci`
# needs no generator; `npm run proto:check` (run by the tests) fails when it is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-src/protocol/gen}
mkdir -p "$out"
npx --no-install pbjs -t static-module -w es6 --no-beautify --no-delimited --no-verify --no-convert \
  --force-number proto/switchboard.proto -o "$out/switchboard.js"
npx --no-install pbts -o "$out/switchboard.d.ts" "$out/switchboard.js"
# uint64 fields are plain numbers (--force-number): drop the Long import pbts always writes.
sed -i '/^import Long = require("long");$/d' "$out/switchboard.d.ts"

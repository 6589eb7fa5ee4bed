#!/bin/sh
# Installs what the editor tests need, once: Debian's chromium (headless browser for the workbench)
# and code-server 4.100.3 (VS Code 1.100.3 served to that browser) from the npm registry, into the
# git-ignored .editor-test/code-server. A second run finds both and returns at once.
# Needs root for apt-get. @vscode/test-electron cannot be used here: it downloads VS Code from a host
# the CI machines cannot reach.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEST="$ROOT/.editor-test/code-server"
VERSION=4.100.3
CS="$DEST/node_modules/.bin/code-server"

need_apt=""
[ -x /usr/bin/chromium ] || need_apt="$need_apt chromium"
# A CJK font, or the screenshots show boxes instead of Chinese (1.6 MB).
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need_apt="$need_apt fonts-wqy-microhei"
[ -x "$CS" ] || need_apt="$need_apt build-essential python3 pkg-config libkrb5-dev ripgrep"
if [ -n "$need_apt" ]; then
  echo "editor tests: apt-get install$need_apt"
  apt-get update -q >/dev/null
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $need_apt >/dev/null
fi

if [ -x "$CS" ] && grep -q "\"version\": \"$VERSION\"" "$DEST/node_modules/code-server/package.json" 2>/dev/null; then
  echo "editor tests: code-server $VERSION cached in .editor-test/code-server"
  exit 0
fi
echo "editor tests: installing code-server $VERSION into .editor-test/code-server (about 2 minutes, once)"
mkdir -p "$DEST/tmp" && cd "$DEST"
[ -f package.json ] || npm init -y >/dev/null
# @vscode/ripgrep's postinstall downloads rg from api.github.com; seed its cache with Debian's rg.
export TMPDIR="$DEST/tmp"
RGC="$TMPDIR/vscode-ripgrep-cache-1.15.11"; mkdir -p "$RGC" "$TMPDIR/rg"
cp /usr/bin/rg "$TMPDIR/rg/rg"
tar czf "$RGC/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$TMPDIR/rg" rg
# unsafe_perm: code-server's postinstall refuses to run as root without it; yes: node-pty's
# postinstall runs `npx node-gyp`, which must not prompt.
npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --loglevel=error "code-server@$VERSION"
XDG_CONFIG_HOME="$TMPDIR" XDG_DATA_HOME="$TMPDIR" "$CS" --version | tail -1

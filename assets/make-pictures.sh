#!/usr/bin/env bash
# Redraws README's pictures (assets/board.png, assets/shared.png) from tack's own screen renderer,
# on a scratch board. Run after changing the screen: bash assets/make-pictures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cp=$(bench/classpath.sh)
exec java -Djava.awt.headless=true -cp "$cp" dev.tack.tui.Pictures assets

#!/usr/bin/env bash
# What the tests need from Debian, installed with apt when missing: Chromium (Playwright cannot download
# browsers here), poppler-utils (pdftotext) and qpdf to read PDFs back, zbar-tools (zbarimg, to read the
# 処方箋's structured-append QR set back), a Japanese font for the browser.
# Used by `npm test` (scripts/test-all.mjs) and .ci/run. Exits non-zero when it cannot install.
set -uo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
command -v zbarimg >/dev/null 2>&1 || need+=(zbar-tools)
[ -e /usr/share/fonts/opentype/ipafont-gothic ] || [ -e /usr/share/fonts/truetype/fonts-japanese-gothic.ttf ] || need+=(fonts-ipafont-gothic)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing: ${need[*]}"
sudo=()
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo=(sudo)
("${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need[@]}") \
  >/tmp/tebikae-apt.log 2>&1 || { tail -20 /tmp/tebikae-apt.log; exit 1; }

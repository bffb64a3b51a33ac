#!/bin/sh
# Rebuild kg/static/vendor/ from the npm packages pinned in ui/package.json (YASGUI, Leaflet).
# The copies are committed, so the service works offline and neither CI nor users need npm.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here/ui"
npm ci --no-audit --no-fund --silent 2>/dev/null || npm install --no-audit --no-fund --silent
vendor="$here/kg/static/vendor"
rm -rf "$vendor/yasgui" "$vendor/leaflet"
mkdir -p "$vendor/yasgui" "$vendor/leaflet"
cp node_modules/@zazuko/yasgui/build/yasgui.min.js node_modules/@zazuko/yasgui/build/yasgui.min.css "$vendor/yasgui/"
cp node_modules/@zazuko/yasgui/LICENSE* "$vendor/yasgui/" 2>/dev/null || cp node_modules/@zazuko/yasgui/package.json "$vendor/yasgui/package.json"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$vendor/leaflet/"
cp -r node_modules/leaflet/dist/images "$vendor/leaflet/"
cp node_modules/leaflet/LICENSE "$vendor/leaflet/"
echo "kg/static/vendor rebuilt: $(du -sh "$vendor" | cut -f1)"

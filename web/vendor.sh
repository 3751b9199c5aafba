#!/usr/bin/env bash
# Re-vendor the front-end libraries: npm ci from the lockfile, then copy the
# built files and their licences into src/marsad/web/static/vendor/.
# Run by hand when upgrading; the copied files are committed, node_modules is not.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
NM=node_modules
OUT=../src/marsad/web/static/vendor
rm -rf "$OUT" && mkdir -p "$OUT"/{echarts,cytoscape,htmx,topojson-client,world-atlas,noto-naskh-arabic/files}
cp $NM/echarts/dist/echarts.min.js $NM/echarts/LICENSE $NM/echarts/NOTICE "$OUT/echarts/"
cp $NM/cytoscape/dist/cytoscape.min.js $NM/cytoscape/LICENSE "$OUT/cytoscape/"
cp $NM/htmx.org/dist/htmx.min.js $NM/htmx.org/LICENSE "$OUT/htmx/"
cp $NM/topojson-client/dist/topojson-client.min.js $NM/topojson-client/LICENSE "$OUT/topojson-client/"
cp $NM/world-atlas/countries-110m.json $NM/world-atlas/LICENSE "$OUT/world-atlas/"
F=$NM/@fontsource/noto-naskh-arabic
cp $F/LICENSE "$OUT/noto-naskh-arabic/"
for w in 400 700; do
  for s in arabic latin; do
    cp "$F/files/noto-naskh-arabic-$s-$w-normal.woff2" "$OUT/noto-naskh-arabic/files/"
  done
done
for p in echarts cytoscape htmx.org topojson-client world-atlas @fontsource/noto-naskh-arabic; do
  node -p "const j=require('./$NM/$p/package.json'); j.name+' '+j.version+' '+j.license"
done > "$OUT/VERSIONS.txt"
echo "vendored into $OUT"

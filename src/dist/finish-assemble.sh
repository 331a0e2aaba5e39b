#!/usr/bin/env bash
# Finishes what `jreleaser:assemble` made (jreleaser.yml runs it as a hook when the assemble step
# succeeds), for what JReleaser 1.23 cannot be told:
#   - the standalone zip: without lib/server/classes_nocoops.jsa (jlink's --generate-cds-archive
#     writes it for heaps over 32 GB; tack never runs with one: 14 MB);
#   - the .deb: JReleaser writes zstd members, which dpkg before 1.21.18 (Debian 11, Ubuntu 20.04)
#     rejects; it is rebuilt with dpkg-deb -Zxz, with what Debian expects of a package: the
#     command in /usr/bin, the man pages in /usr/share/man/man1, the bash completion in
#     /usr/share/bash-completion/completions, copyright and changelog in /usr/share/doc, md5sums;
#   - the bills of materials in target/dist/sbom: the build's (target/tack.cdx.json, CycloneDX from
#     pom.xml's dist profile) for the Java archive and the jar, and the standalone image's (and the
#     .deb's, the same image), which adds the Java runtime the image carries.
# Every file takes the time JReleaser gives its archives, the last commit's (SOURCE_DATE_EPOCH), so a
# re-run makes the same bytes. Needs zip and dpkg-deb (Debian/Ubuntu: zip, dpkg).
# Usage: finish-assemble.sh VERSION DEB_PACKAGE_NAME (run from the project's folder)
set -euo pipefail
version=$1 package=$2
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH
assemble=target/jreleaser/assemble
for tool in zip dpkg-deb; do
  command -v $tool >/dev/null 2>&1 || { echo "finish-assemble.sh: $tool is needed (apt-get install ${tool%-deb})" >&2; exit 1; }
done

# 1. The standalone zip.
standalone=$assemble/tack-standalone/jlink/tack-standalone-$version-linux-x86_64.zip
if [ -f "$standalone" ]; then
  zip -q -d "$standalone" "*/lib/server/classes_nocoops.jsa" || true
fi

# 2. The .deb, rebuilt.
for deb in "$assemble"/tack-deb/deb/"$package-$version"-*.deb; do
  [ -f "$deb" ] || continue
  work=$(mktemp -d)
  root=$work/root
  dpkg-deb -R "$deb" "$root"
  app=$(find "$root/usr/lib" -mindepth 1 -maxdepth 1 -type d | head -1)   # the image: /usr/lib/PACKAGE
  rm -f "$app/lib/server/classes_nocoops.jsa" "$app/bin/tack.bat" "$root/DEBIAN/preinst"   # (preinst: nothing to do)
  # Temurin's libraries keep their symbol tables: strip them as dh_strip would (lintian's
  # unstripped-binary-or-object; 6 MB less installed)
  if command -v strip >/dev/null 2>&1; then
    find "$app" -type f \( -name '*.so' -o -path "$app/bin/java" -o -name jspawnhelper -o -name jexec \) -print0 \
      | xargs -0 strip --remove-section=.comment --remove-section=.note --strip-unneeded
  fi
  mkdir -p "$root/usr/bin" "$root/usr/share/man/man1" "$root/usr/share/bash-completion/completions" "$root/usr/share/doc/$package"
  ln -s "../lib/${app##*/}/bin/tack" "$root/usr/bin/tack"
  for page in "$app"/man/man1/*.1; do gzip -9n < "$page" > "$root/usr/share/man/man1/${page##*/}.gz"; done
  # (no #! line: bash sources it; lintian's bash-completion-with-hashbang)
  sed '1{/^#!/d}' "$app/completion/tack_completion" > "$root/usr/share/bash-completion/completions/tack"
  rm -rf "$app/man" "$app/completion"
  mv "$app/LICENSE" "$root/usr/share/doc/$package/copyright"
  mv "$app/README.md" "$root/usr/share/doc/$package/README.md"
  {
    echo "$package ($version-1) unstable; urgency=medium"
    echo
    echo "  * Release $version: https://github.com/tack-dev/tack/releases/tag/v$version"
    echo
    echo " -- $(sed -n 's/^Maintainer: //p' "$root/DEBIAN/control")  $(date -u -d "@$SOURCE_DATE_EPOCH" -R)"
  } | gzip -9n > "$root/usr/share/doc/$package/changelog.Debian.gz"
  mkdir -p "$root/usr/share/lintian/overrides"
  cp src/dist/deb/lintian-overrides "$root/usr/share/lintian/overrides/$package"
  # files: 644, folders and programs: 755, as dpkg-deb --root-owner-group records them for root
  find "$root" -path "$root/DEBIAN" -prune -o -type d -exec chmod 755 {} +
  find "$root" -path "$root/DEBIAN" -prune -o -type f -exec chmod 644 {} +
  chmod 755 "$app"/bin/* "$app/lib/jspawnhelper" "$app/lib/jexec" 2>/dev/null || true
  chmod 755 "$root"/DEBIAN/post* "$root"/DEBIAN/pre*
  (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum > DEBIAN/md5sums)
  chmod 644 "$root/DEBIAN/md5sums" "$root/DEBIAN/control"
  size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
  sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$root/DEBIAN/control"
  find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  rm -f "$deb"
  dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
  rm -rf "$work"
done

# 3. The bills of materials. The plugin's JSON is pretty-printed with the top level's components
# at two spaces, so the runtime goes in as the first of them; its serial number is derived from
# the build's, so a re-run gives the same bytes.
bom=target/tack.cdx.json
sbom=target/dist/sbom
if [ -f "$bom" ]; then
  mkdir -p "$sbom"
  cp "$bom" "$sbom/tack-$version.cdx.json"
  if [ -f "$standalone" ]; then
    release=$(unzip -p "$standalone" '*/release')
    field() { printf '%s\n' "$release" | sed -n "s/^$1=\"\\(.*\\)\"\$/\\1/p"; }
    runtime=$(field JAVA_RUNTIME_VERSION) implementor=$(field IMPLEMENTOR) modules=$(field MODULES)
    runtime=${runtime%-LTS}
    purl="pkg:generic/eclipse-temurin@${runtime//+/%2B}?os=linux&arch=x86_64"
    serial=$(sed -n 's/^  "serialNumber" : "urn:uuid:\(.*\)",$/\1/p' "$bom")
    hex=$(printf '%s standalone' "$serial" | md5sum | cut -c1-32)
    uuid="${hex:0:8}-${hex:8:4}-${hex:12:4}-${hex:16:4}-${hex:20:12}"
    component=$(cat <<JSON
    {
      "type" : "platform",
      "bom-ref" : "$purl",
      "supplier" : { "name" : "$implementor" },
      "name" : "eclipse-temurin",
      "version" : "$runtime",
      "description" : "The Java runtime of the standalone image, made by jlink with the modules $modules",
      "licenses" : [ { "expression" : "GPL-2.0-only WITH Classpath-exception-2.0" } ],
      "purl" : "$purl"
    },
JSON
)
    out="$sbom/tack-standalone-$version-linux-x86_64.cdx.json"
    awk -v component="$component" -v serial="$serial" -v uuid="$uuid" '
      { gsub("urn:uuid:" serial, "urn:uuid:" uuid) }
      { print }
      /^  "components" : \[$/ && !done { print component; done = 1 }' "$bom" > "$out"
    grep -q '"name" : "eclipse-temurin"' "$out" || { echo "finish-assemble.sh: the runtime did not go into $out" >&2; exit 1; }
  fi
fi

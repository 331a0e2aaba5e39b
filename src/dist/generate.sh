#!/usr/bin/env bash
# Generates what the distribution ships besides the jars (run by Maven's dist profile, see pom.xml):
#   target/dist/completion/tack_completion   bash and zsh completion (picocli.AutoComplete, plus
#                                             src/dist/completion-names.bash for column/board names)
#   target/dist/adoc/*.adoc                  man pages as AsciiDoc (picocli-codegen's ManPageGenerator);
#                                             the dist profile's asciidoctor-maven-plugin turns them
#                                             into roff in target/dist/man/man1 right after this
#   target/lib/native/<OS>/<arch>/           sqlite-jdbc's native library, unpacked for the common
#                                             platforms (dev.tack.NativeLibrary finds it next to the jar)
#   target/lib-standalone/*.jar              the libraries for the standalone image and the .deb
#                                             (Linux x86_64, glibc): sqlite-jdbc without the native
#                                             libraries inside it (13 MB for 25 platforms), since the
#                                             image carries the one it needs unpacked
# Usage: generate.sh TARGET_DIR CLASSPATH CODEGEN_JAR SQLITE_JAR OUTPUT_TIMESTAMP
set -euo pipefail
target=$1 classpath=$2 codegen=$3 sqlite=$4 timestamp=$5
here=$(cd "$(dirname "$0")" && pwd)
dist=$target/dist
rm -rf "$dist" "$target/lib/native" "$target/lib-standalone"
mkdir -p "$dist/completion" "$dist/adoc" "$dist/man/man1" "$target/lib/native" "$target/lib-standalone"

# 1. Shell completion: picocli's generator, then the names addition.
java -cp "$classpath" picocli.AutoComplete --force -n tack -o "$dist/completion/tack_completion" dev.tack.cli.AllCommands
value_options=$(grep -o "local arg_opts=\".*\"" "$dist/completion/tack_completion" | grep -o "'[^']*'" | tr -d "'" | sort -u | tr '\n' ' ')
grep -v '^complete -F _complete_tack ' "$dist/completion/tack_completion" > "$dist/completion/tack_completion.tmp"
sed "s|@VALUE_OPTIONS@|${value_options% }|" "$here/completion-names.bash" >> "$dist/completion/tack_completion.tmp"
mv "$dist/completion/tack_completion.tmp" "$dist/completion/tack_completion"
bash -n "$dist/completion/tack_completion"

# 2. Man pages, as AsciiDoc (roff: asciidoctor-maven-plugin, pom.xml).
java -cp "$classpath:$codegen" picocli.codegen.docgen.manpage.ManPageGenerator -d "$dist/adoc" dev.tack.cli.AllCommands

# 3. sqlite-jdbc's native library for Linux x86_64/aarch64, Mac x86_64/aarch64, Windows x86_64.
(cd "$target/lib/native" && jar xf "$sqlite" \
  org/sqlite/native/Linux/x86_64 org/sqlite/native/Linux/aarch64 \
  org/sqlite/native/Mac/x86_64 org/sqlite/native/Mac/aarch64 \
  org/sqlite/native/Windows/x86_64 \
  && mv org/sqlite/native/* . && rm -rf org)

# 4. The standalone image's libraries: the same jars, sqlite-jdbc without its native folder.
for jar in "$target"/lib/*.jar; do
  if [ "$jar" = "$sqlite" ]; then
    unpacked=$target/lib-standalone/unpacked
    mkdir "$unpacked"
    (cd "$unpacked" && jar xf "$jar" && rm -rf org/sqlite/native && mv META-INF/MANIFEST.MF ../MANIFEST.MF \
      && jar --create --file "../${jar##*/}" --manifest ../MANIFEST.MF --date "$timestamp" .)
    rm -rf "$unpacked" "$target/lib-standalone/MANIFEST.MF"
  else
    cp "$jar" "$target/lib-standalone/"
  fi
done

echo "generate.sh: $(ls "$dist/adoc" | wc -l) man pages, completion, native libraries for $(cd "$target/lib/native" && find . -type f | wc -l) platforms"

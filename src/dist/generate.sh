#!/usr/bin/env bash
# Generates what the distribution ships besides the jars (run by Maven's dist profile, see pom.xml):
#   target/dist/completion/tack_completion   bash and zsh completion (picocli.AutoComplete, plus
#                                             src/dist/completion-names.bash for column/board names)
#   target/dist/man/man1/*.1                 man pages (picocli-codegen's ManPageGenerator writes
#                                             AsciiDoc; asciidoctor -b manpage turns it into roff)
#   target/lib/native/<OS>/<arch>/           sqlite-jdbc's native library, unpacked for the common
#                                             platforms (dev.tack.NativeLibrary finds it next to the jar)
# Usage: generate.sh TARGET_DIR CLASSPATH CODEGEN_JAR SQLITE_JAR
set -euo pipefail
target=$1 classpath=$2 codegen=$3 sqlite=$4
here=$(cd "$(dirname "$0")" && pwd)
dist=$target/dist
rm -rf "$dist" "$target/lib/native"
mkdir -p "$dist/completion" "$dist/adoc" "$dist/man/man1" "$target/lib/native"

# 1. Shell completion: picocli's generator, then the names addition.
java -cp "$classpath" picocli.AutoComplete --force -n tack -o "$dist/completion/tack_completion" dev.tack.cli.AllCommands
value_options=$(grep -o "local arg_opts=\".*\"" "$dist/completion/tack_completion" | grep -o "'[^']*'" | tr -d "'" | sort -u | tr '\n' ' ')
grep -v '^complete -F _complete_tack ' "$dist/completion/tack_completion" > "$dist/completion/tack_completion.tmp"
sed "s|@VALUE_OPTIONS@|${value_options% }|" "$here/completion-names.bash" >> "$dist/completion/tack_completion.tmp"
mv "$dist/completion/tack_completion.tmp" "$dist/completion/tack_completion"
bash -n "$dist/completion/tack_completion"

# 2. Man pages.
java -cp "$classpath:$codegen" picocli.codegen.docgen.manpage.ManPageGenerator -d "$dist/adoc" dev.tack.cli.AllCommands
if ! command -v asciidoctor >/dev/null 2>&1; then
  echo "generate.sh: asciidoctor is needed for the man pages (apt-get install asciidoctor)" >&2
  exit 1
fi
asciidoctor -b manpage -D "$dist/man/man1" "$dist"/adoc/*.adoc

# 3. sqlite-jdbc's native library for Linux x86_64/aarch64, Mac x86_64/aarch64, Windows x86_64.
(cd "$target/lib/native" && jar xf "$sqlite" \
  org/sqlite/native/Linux/x86_64 org/sqlite/native/Linux/aarch64 \
  org/sqlite/native/Mac/x86_64 org/sqlite/native/Mac/aarch64 \
  org/sqlite/native/Windows/x86_64 \
  && mv org/sqlite/native/* . && rm -rf org)

echo "generate.sh: $(ls "$dist/man/man1" | wc -l) man pages, completion, native libraries for $(cd "$target/lib/native" && find . -type f | wc -l) platforms"

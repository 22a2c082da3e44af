#!/bin/sh
# Seed the fuzz corpora from the repository's .jx files (examples and every
# .jx file under tests/), cut at line boundaries into pieces of at most 4 KB (the
# inputs libFuzzer generates are that long). The corpora are not committed.
set -eu
cd "$(dirname "$0")"
for target in parse check format; do
    mkdir -p "corpus/$target"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find ../examples ../tests -name '*.jx' -type f -not -path '*/target/*' | sort |
while read -r f; do
    name=$(echo "$f" | sed 's|^\.\./||; s|/|_|g')
    split -C 4000 -d -a 3 "$f" "$tmp/$name."
done
for target in parse check format; do
    cp "$tmp"/* "corpus/$target/"
done
echo "seeded $(ls "$tmp" | wc -l) inputs into corpus/{parse,check,format}"

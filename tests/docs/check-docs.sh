#!/usr/bin/env bash
# The manual against the code it describes (ctest check_docs, label unit):
#  1. every relative link in README.md and docs/**/*.md resolves to a file, and its #anchor to a heading
#     (GitHub's slug) or an explicit id in that file;
#  2. every command and every --option that `replipair-cli --help` lists is in docs/cli.md and docs/zh_CN/cli.md;
#  3. every profile field the profile reader reads (models/common/pairprofile.cpp, serverprofile.cpp,
#     profilefields.cpp) has its row in the tables of docs/profile.md and docs/zh_CN/profile.md (`| `field` |` or `| `ssh.field` |`);
#  4. every page of docs/ has its Simplified Chinese twin in docs/zh_CN/;
#  5. every finding code the engine reports is explained in docs/troubleshooting.md and its Chinese twin.
# Usage: check-docs.sh SOURCE_DIR REPLIPAIR_CLI
set -uo pipefail
src=${1:?source dir}
cli=${2:?replipair-cli}
cd "$src" || exit 2
export LANG=C.UTF-8 LC_ALL=C.UTF-8
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# 1. links
pages=(README.md)
while IFS= read -r f; do pages+=("$f"); done < <(find docs -name '*.md' | sort)
while IFS=$'\t' read -r page target; do
    file=${target%%#*}
    anchor=
    [[ $target == *'#'* ]] && anchor=${target#*#}
    if [[ -z $file ]]; then
        resolved=$page
    else
        resolved=$(dirname "$page")/$file
    fi
    if [[ ! -e $resolved ]]; then
        fail "$page: link to $target: no file $resolved"
        continue
    fi
    if [[ -n $anchor && $resolved == *.md ]]; then
        if ! perl -CSDA -ne '
            BEGIN { $want = shift @ARGV; $found = 0 }
            $fence = !$fence if /^\s*```/;
            next if $fence;
            if (/^#{1,6}\s+(.*?)\s*#*\s*$/) {
                my $s = lc $1;
                $s =~ s/[^\p{L}\p{N}\p{M} _-]//g;
                $s =~ s/ /-/g;
                $n{$s}++;
                $found = 1 if $s eq $want || ($n{$s} > 1 && $want eq $s . "-" . ($n{$s} - 1));
            }
            $found = 1 if /\b(?:id|name)="\Q$want\E"/;
            END { exit($found ? 0 : 1) }' "$anchor" "$resolved"; then
            fail "$page: link to $target: no heading or id \"$anchor\" in $resolved"
        fi
    fi
done < <(perl -CSD -ne '
    BEGIN { $fence = 0 }
    $fence = !$fence if /^\s*```/;
    next if $fence;
    s/`[^`]*`//g;
    while (/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g) {
        my $t = $1;
        next if $t =~ m{^[a-z][a-z0-9+.-]*:}i;   # http:, https:, mailto:
        print "$ARGV\t$t\n";
    }' "${pages[@]}")

# 2. the CLI reference
help=$("$cli" --help) || fail "$cli --help exited $?"
[[ -n $help ]] || fail "$cli --help printed nothing"
commands=$(printf '%s\n' "$help" | perl -ne '
    $in = 1, next if /^Commands:/;
    $in = 0 if /^\S/;
    print "$1\n" if $in && /^  ([a-z]+(?: [a-z]+)?)(?= [A-Z]| {2,}|$)/;' | sort -u)
options=$(printf '%s\n' "$help" | grep -oE -- '--[a-z][a-z-]+' | sort -u)
[[ -n $commands ]] || fail "no command found in --help"
[[ -n $options ]] || fail "no option found in --help"
for ref in docs/cli.md docs/zh_CN/cli.md; do
    [[ -f $ref ]] || { fail "$ref missing"; continue; }
    while IFS= read -r c; do
        [[ -z $c ]] && continue
        grep -qF -- "$c" "$ref" || fail "$ref does not describe the command \"$c\""
    done <<<"$commands"
    while IFS= read -r o; do
        [[ -z $o ]] && continue
        grep -qE -- "${o}([^a-z-]|\$)" "$ref" || fail "$ref does not describe the option $o"
    done <<<"$options"
done

# 3. the profile reference
fields=$(perl -ne '
    print "$1\n" while /(?:\bp\.\w+\(\s*\w+,\s*|\.value\()QStringLiteral\("([A-Za-z]+)"\)/g' \
    models/common/pairprofile.cpp models/common/serverprofile.cpp models/common/profilefields.cpp | sort -u)
[[ -n $fields ]] || fail "no profile field found in models/common/pairprofile.cpp"
for ref in docs/profile.md docs/zh_CN/profile.md; do
    [[ -f $ref ]] || { fail "$ref missing"; continue; }
    while IFS= read -r k; do
        [[ -z $k ]] && continue
        grep -qE "^\| \`([a-zA-Z]+(\[\])?\.)*${k}\` \|" "$ref" || fail "$ref does not describe the profile field \"$k\""
    done <<<"$fields"
done

# 5. the troubleshooting page: every finding code the engine reports (the code argument of a Finding, of
#    Preflight's make() and of the switchover guards' error()/ok()/warning())
codes=$(find models -name '*.cpp' -print0 | xargs -0 perl -0777 -ne '
    while (/(?:Finding\s*\{|\b(?:make|error|ok|warning)\()[^;]{0,160}?QStringLiteral\("([a-z0-9]+(?:-[a-z0-9]+)*)"\)\s*(?:,|:\s*QStringLiteral\("([a-z0-9]+(?:-[a-z0-9]+)*)"\)\s*,)/g) {
        print "$1\n"; print "$2\n" if defined $2;
    }' | sort -u)
[[ -n $codes ]] || fail "no finding code found in models/"
for ref in docs/troubleshooting.md docs/zh_CN/troubleshooting.md; do
    [[ -f $ref ]] || { fail "$ref missing"; continue; }
    while IFS= read -r c; do
        [[ -z $c ]] && continue
        grep -qF "\`$c\`" "$ref" || fail "$ref does not explain the finding code \"$c\""
    done <<<"$codes"
done

# 4. every page in both languages
while IFS= read -r f; do
    [[ -f docs/zh_CN/${f#docs/} ]] || fail "$f has no Simplified Chinese twin docs/zh_CN/${f#docs/}"
done < <(find docs -maxdepth 1 -name '*.md' | sort)

echo "checked ${#pages[@]} pages, $(wc -w <<<"$commands") command words, $(wc -l <<<"$options") options, $(wc -l <<<"$fields") profile fields, $(wc -l <<<"$codes") finding codes"
if ((failures)); then
    echo "$failures problem(s)"
    exit 1
fi
echo "the manual agrees with the code"

#!/usr/bin/env bash
# Records what the real expr gives for every case in cases.jsonl, as Guardian evaluates it
# (main.go.tmpl copies pkg/evaluator/expression.go), at each tag the console targets:
#   guardian-1.12 → v1.12.5, guardian-1.15 → v1.15.3, expr-latest → v1.17.8.
# Needs Go (1.19 works) and a local clone of github.com/expr-lang/expr with its tags; no network.
#   EXPR_REPO=/path/to/expr bash src/lib/expr/oracle/record.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="${EXPR_REPO:?set EXPR_REPO to a clone of github.com/expr-lang/expr}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo '{' > "$work/expected.json"
first=1
for tag in v1.12.5 v1.15.3 v1.17.8; do
  module=github.com/antonmedv/expr
  [ "$tag" = v1.17.8 ] && module=github.com/expr-lang/expr
  mkdir -p "$work/src-$tag" "$work/oracle-$tag"
  git -C "$repo" archive "$tag" | tar -x -C "$work/src-$tag"
  sed -i '/^require/,$d' "$work/src-$tag/go.mod" # test-only dependencies, not needed to build
  sed "s#EXPRMOD#$module#" "$here/main.go.tmpl" > "$work/oracle-$tag/main.go"
  printf 'module oracle\n\ngo 1.18\n\nrequire %s v0.0.0\nreplace %s => ../src-%s\n' "$module" "$module" "$tag" > "$work/oracle-$tag/go.mod"
  (cd "$work/oracle-$tag" && GOFLAGS=-mod=mod GOPROXY=off go build -o "$work/bin-$tag" .)
  [ $first = 1 ] || echo ',' >> "$work/expected.json"
  first=0
  printf '"%s": [' "$tag" >> "$work/expected.json"
  "$work/bin-$tag" < "$here/cases.jsonl" | sed '$!s/$/,/' >> "$work/expected.json"
  echo ']' >> "$work/expected.json"
done
echo '}' >> "$work/expected.json"
# One line per outcome: the value's Go type and %v, or the error's first line without its position.
node -e '
const fs = require("fs");
const all = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const lines = [];
for (const [tag, rows] of Object.entries(all)) {
  const slim = rows.map((r) => ("error" in r ? { error: r.error.split("\n")[0].replace(/ \(\d+:\d+\)$/, "") } : { type: r.type, v: r.v }));
  lines.push(`  ${JSON.stringify(tag)}: [\n${slim.map((o) => "    " + JSON.stringify(o)).join(",\n")}\n  ]`);
}
fs.writeFileSync(process.argv[2], `{\n${lines.join(",\n")}\n}\n`);
' "$work/expected.json" "$here/expected.json"
npx --no-install prettier --write "$here/expected.json" >/dev/null 2>&1 || true
echo "wrote $here/expected.json"

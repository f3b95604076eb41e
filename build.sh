#!/usr/bin/env bash
# IdentityStack's one entry point, used by people, the README and CI alike.
#
#   ./build.sh synth                 install what is missing (Native AOT toolchain with apt, Node tools),
#                                    build, synthesize the default stage (dev)
#                                    into cdk.out/, run the template gate, print a summary
#   ./build.sh synth --stage prod    the same for one named stage
#   ./build.sh synth --all           every stage in cdk.json (dev, staging, prod) in one cloud assembly
#   ./build.sh gate                  run the template gate on what is in cdk.out/ now
#   ./build.sh deploy --stage NAME [--assembly] [--yes]  synthesize the stage, gate it, preflight the account, then
#                                    'cdk deploy' that same assembly (outputs in artifacts/NAME/cdk-outputs.json);
#                                    --assembly deploys cdk.out/ as it is (CI's gated artifact), --yes approves
#                                    security-relevant changes without asking (CI)
#   ./build.sh diff --stage NAME [--assembly]  the same synthesis and gate, then 'cdk diff' against the deployed stack
#   ./build.sh saml-handoff --stage NAME --provider NAME [--outputs FILE] [--out DIR]  for a deployed stage: what the
#                                    customer's SAML IdP administrator needs (ACS URL, SP entity id, sign-out URL,
#                                    claims, the signing and encryption certificates as PEM files in
#                                    artifacts/NAME/saml/PROVIDER/) and what decides whether their users sign in
#   ./build.sh new-stage NAME --from STAGE [--domain-prefix PREFIX]  add a stage to cdk.json as a copy of STAGE
#                                    (own domain prefix), synthesize it through the gate, record its stateful
#                                    resources, and print what the AWS account and GitHub still need
#   ./build.sh guard-changes --base REF  synthesize every stage at REF and in the working tree; fail when a
#                                    change would replace or remove user data or hit a Cognito trap
#   ./build.sh preflight --stage NAME  synthesize the stage, then check with your AWS credentials what it
#                                    needs from the account (secrets, SES, certificate, zone, domain, bootstrap)
#   ./build.sh client-config --stage NAME --outputs FILE [--out PATH]  amplify_outputs.json for front-end teams
#                                    from 'cdk deploy --outputs-file' FILE and the stage's template (synthesized
#                                    first when cdk.out/ lacks it); default PATH artifacts/NAME/amplify_outputs.json
#   ./build.sh publish               Native AOT trigger bootstrap for linux-x64 into artifacts/bootstrap/
#   ./build.sh pack [-p:...]         NuGet packages, prebuilt bootstrap inside, into artifacts/packages/
#   ./build.sh e2e                   local end-to-end: cognito-local + the real AOT triggers and API backend,
#                                    and the sample web app in headless Chromium (apt package chromium)
#   ./build.sh test                  everything CI runs (e2e included); the last line is "N passed, N failed"
#   ./build.sh diagram               docs/architecture.md (mermaid) generated from the synthesized dev template
#   ./build.sh bench [--rounds N] [--cold-only]  each handler's cold start as a multiple of a C Runtime API floor, sizes, RSS, warm time
#   ./build.sh mutate                mutation testing of the triggers' decision files (Stryker.NET, a local tool) and the
#                                    hand-applied mutants Stryker cannot compile; fails below 90% (report in artifacts/mutation/)
#
# Exit codes: 0 done; 1 a check or a step failed (gate, tests, deploy); 2 bad usage or a missing prerequisite.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

# jsii (the CDK's bridge from .NET to its JavaScript core) unpacks about 65 MB into the temp folder
# for every process that uses the CDK and never removes it; a test run starts dozens of them (a
# developer machine here had 58 GB of them). Each build.sh run gets a temp folder of its own,
# removed when the run ends; nested runs share the outer one.
if [ -z "${IDENTITYSTACK_TMP:-}" ]; then
  IDENTITYSTACK_TMP="$(mktemp -d "${TMPDIR:-/tmp}/identitystack.XXXXXX")"
  chmod 1777 "$IDENTITYSTACK_TMP"   # like /tmp: tests run parts of the build as another user
  export IDENTITYSTACK_TMP TMPDIR="$IDENTITYSTACK_TMP"
  trap 'rm -rf "$IDENTITYSTACK_TMP"' EXIT
fi

CONFIGURATION=Release
# The cloud assembly: cdk.out/ unless IDENTITYSTACK_CDK_OUT names another folder (the build.sh tests use one).
CDK_OUT="${IDENTITYSTACK_CDK_OUT:-$ROOT/cdk.out}"
APP_DLL="src/IdentityStack.App/bin/$CONFIGURATION/net10.0/IdentityStack.App.dll"
LOGS="$ROOT/artifacts/logs"

# Quiet, offline-friendly tools: no telemetry, no first-run banners, no update checks.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export CDK_DISABLE_CLI_TELEMETRY=true
# jsii (the CDK's bridge from .NET to its JavaScript core) warns on every start under a Node past its
# end of life (Node 20). People see that banner, and a one-line notice from require_tools; only the
# test commands silence it, so that dozens of test processes do not repeat it into the logs.
silence_jsii_node_banner() {
  export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20}"
}
export npm_config_loglevel=error npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

# shellcheck source=tools/toolchain/ensure-aot-toolchain.sh
source "$ROOT/tools/toolchain/ensure-aot-toolchain.sh"

# Every folder of Node tests; ./build.sh test runs them all.
NODE_TEST_DIRS=(tools/template-gate/test/ tools/change-guard/test/ tools/access-matrix/test/ tools/workflows/test/ tools/diagram/test/ tools/toolchain/test/ tools/test-results/test/ tools/preflight/test/ tools/client-config/test/ tools/mutation/test/ tools/stages/test/ tools/saml-handoff/test/)

say() { printf '==> %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 2; }

usage() {
  sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'
}

require_tools() {
  command -v dotnet >/dev/null || die "the .NET SDK is missing: install .NET 10 (https://dot.net), then run this again."
  command -v node >/dev/null || die "Node.js is missing: install Node 20 or newer, then run this again."
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "Node $major is too old: aws-cdk-lib needs Node 20 or newer."
  [ "$major" -ge 22 ] || [ -n "${NODE_NOTICE_SHOWN:-}" ] || {
    printf 'build.sh: Node %s works, but it is past its end of life for jsii, the CDK'"'"'s bridge; install Node 22 (what CI uses).\n' "$major" >&2
    export NODE_NOTICE_SHOWN=1
  }
}

# Node tools (CDK CLI, template gate) exactly as pinned in package-lock.json; reinstalled when the
# lockfile's content changes (its SHA-256 is kept beside the install), not its modification time,
# which a checkout or a copy changes without changing what it pins.
ensure_node_tools() {
  local stamp=node_modules/.identitystack-lock.sha256 digest
  digest="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
    say "installing Node tools from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
    printf '%s\n' "$digest" >"$stamp"
  fi
}

# Refuses arguments for commands that take none (exit 2, with the usage).
no_arguments() {
  local command="$1"; shift
  [ $# -eq 0 ] || { usage >&2; die "'$command' takes no arguments (got '$*')"; }
}

# The value of --stage NAME or --stage=NAME at the front of the arguments: STAGE_ARG and SHIFT_BY.
stage_argument() {
  case "${1:-}" in
    --stage) [ $# -ge 2 ] || die "--stage needs a name, e.g. --stage prod"; STAGE_ARG="$2"; SHIFT_BY=2 ;;
    --stage=*) STAGE_ARG="${1#--stage=}"; SHIFT_BY=1 ;;
    *) return 1 ;;
  esac
}

# A stage of cdk.json, or exit 2 naming the stages there.
require_stage() {
  local stage="$1"
  [ -n "$stage" ] || die "say which stage: --stage NAME (stages: $(stage_names))"
  stage_names | tr ' ' '\n' | grep -qx -- "$stage" || die "unknown stage '$stage'; stages in cdk.json: $(stage_names)"
}

stage_names() {
  node -e 'process.stdout.write(Object.keys(require("./cdk.json").context.stages).join(" "))'
}

build() {
  say "building IdentityStack.sln ($CONFIGURATION)"
  mkdir -p "$LOGS"
  if ! dotnet build IdentityStack.sln -c "$CONFIGURATION" --nologo -v quiet -clp:ErrorsOnly >"$LOGS/build.log" 2>&1; then
    cat "$LOGS/build.log" >&2
    die "build failed (full log: artifacts/logs/build.log)"
  fi
}

# synth STAGE: one stage, or "all"
synth() {
  local stage="$1"
  say "synthesizing stage '$stage' into cdk.out/"
  # Keep built assets (asset.<source hash>): an unchanged trigger binary is not rebuilt.
  [ -d "$CDK_OUT" ] && find "$CDK_OUT" -mindepth 1 -maxdepth 1 ! -name 'asset.*' -exec rm -rf {} +
  node_modules/.bin/cdk synth --app "dotnet $APP_DLL" --context "stage=$stage" --output "$CDK_OUT" \
    --quiet --no-notices >"$LOGS/synth.log" 2>&1 || {
      cat "$LOGS/synth.log" >&2
      die "synthesis failed"
    }
}

# The trigger binaries as Lambda runs them (provided.al2023), for the contract and compatibility tests
# (linux-x64, the default) and for the package (both): the full one in artifacts/bootstrap/RID/, the
# one without the AWS SDK in artifacts/bootstrap/without-aws/RID/, and for linux-x64 handlers.json,
# which maps each handler to the binary that serves it (what the binaries list with --handlers).
# publish_bootstrap [RID]
publish_bootstrap() {
  local rid="${1:-linux-x64}" project out
  say "publishing the Native AOT trigger binaries ($rid)"
  for project in IdentityStack.Triggers IdentityStack.Triggers.WithoutAws; do
    out="$ROOT/artifacts/bootstrap/$rid"
    [ "$project" = IdentityStack.Triggers ] || out="$ROOT/artifacts/bootstrap/without-aws/$rid"
    if ! dotnet publish "lambda-triggers/$project" -c "$CONFIGURATION" -r "$rid" \
        -o "$out" --nologo -v quiet -clp:ErrorsOnly >"$LOGS/publish-$project-$rid.log" 2>&1; then
      cat "$LOGS/publish-$project-$rid.log" >&2
      die "Native AOT publish of $project for $rid failed (needs clang and zlib1g-dev, for arm64 also gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross; full log: artifacts/logs/publish-$project-$rid.log)"
    fi
  done
  [ "$rid" = linux-x64 ] && write_handler_map "$rid"
  return 0
}

# artifacts/bootstrap/RID/handlers.json: { "<handler>": "<binary, relative to this file>" }, the
# binary without the AWS SDK for every handler it serves, the full one for the rest.
write_handler_map() {
  local dir="$ROOT/artifacts/bootstrap/$1"
  node -e '
    const [full, lean, out] = process.argv.slice(1);
    const { execFileSync } = require("node:child_process");
    const list = (b) => execFileSync(b, ["--handlers"], { encoding: "utf8" }).split("\n").filter(Boolean);
    const withoutAws = new Set(list(lean));
    const map = Object.fromEntries(list(full).map((h) => [h, withoutAws.has(h) ? "../without-aws/" + require("node:path").basename(require("node:path").dirname(out)) + "/bootstrap" : "bootstrap"]));
    require("node:fs").writeFileSync(out, JSON.stringify(map, null, 2) + "\n");' \
    "$dir/bootstrap" "$ROOT/artifacts/bootstrap/without-aws/$1/bootstrap" "$dir/handlers.json"
}

# The packaging test packs both architectures. Synthesis has just built the arm64 bootstrap from
# the same sources (cdk.out/asset.<source hash>, the dev triggers' code): reuse it rather than run
# a second arm64 AOT build; publish only when dev's triggers are not arm64.
arm64_bootstrap_for_packaging() {
  local built
  # The full binary serves pre token generation, the one without the AWS SDK pre sign-up.
  built="$(node -e '
    const [out] = process.argv.slice(1);
    const t = require(`${out}/IdentityStack-dev.template.json`);
    const asset = (handler) => Object.values(t.Resources).find((r) => r.Type === "AWS::Lambda::Function"
      && r.Properties.Runtime === "provided.al2023" && (r.Properties.Architectures ?? [])[0] === "arm64" && r.Properties.Handler === handler);
    const full = asset("PreTokenGeneration"), lean = asset("PreSignUp");
    if (full && lean) console.log([full, lean].map((f) => `${out}/asset.${f.Properties.Code.S3Key.replace(/\.zip$/, "")}/bootstrap`).join(" "));' "$CDK_OUT")"
  local full="${built%% *}" lean="${built##* }"
  if [ -n "$built" ] && [ -f "$full" ] && [ -f "$lean" ]; then
    say "reusing synthesis's arm64 binaries for the packaging test"
    mkdir -p "$ROOT/artifacts/bootstrap/linux-arm64" "$ROOT/artifacts/bootstrap/without-aws/linux-arm64"
    cp "$full" "$ROOT/artifacts/bootstrap/linux-arm64/bootstrap"
    cp "$lean" "$ROOT/artifacts/bootstrap/without-aws/linux-arm64/bootstrap"
  else
    publish_bootstrap linux-arm64
  fi
}

# NuGet packages (construct library, contract, runtime client, events) with the prebuilt bootstrap
# for both architectures inside, into artifacts/packages/. Version from the git tag (MinVer).
cmd_pack() {
  ensure_aot_toolchain
  require_tools
  mkdir -p "$LOGS"
  publish_bootstrap linux-x64
  publish_bootstrap linux-arm64
  say "packing into artifacts/packages/"
  rm -rf "$ROOT/artifacts/packages"
  if ! dotnet pack IdentityStack.sln -c "$CONFIGURATION" -o "$ROOT/artifacts/packages" --nologo "$@" >"$LOGS/pack.log" 2>&1; then
    cat "$LOGS/pack.log" >&2
    die "dotnet pack failed (full log: artifacts/logs/pack.log)"
  fi
  ls -1 "$ROOT/artifacts/packages"
}

# The gate on cdk.out/; an assembly without every stage of cdk.json is partial: acknowledgments meant
# for the missing stages are not stale there (the full assembly of ./build.sh test and CI checks them).
gate() {
  say "template gate: CloudFormation schema + cdk-nag AwsSolutions + AWS Control Tower Guard rules"
  local partial=()
  node -e '
    const [out] = process.argv.slice(1);
    const stacks = Object.keys(require(`${out}/manifest.json`).artifacts ?? {});
    const missing = Object.keys(require("./cdk.json").context.stages).filter((s) => !stacks.includes(`IdentityStack-${s}`));
    process.exit(missing.length > 0 ? 1 : 0);' "$CDK_OUT" 2>/dev/null || partial=(--partial)
  node tools/template-gate/gate.mjs --cdk-out "$CDK_OUT" "${partial[@]}"
}

cmd_synth() {
  local stage=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --stage) [ $# -ge 2 ] || die "--stage needs a name, e.g. --stage prod"; stage="$2"; shift 2 ;;
      --stage=*) stage="${1#--stage=}"; shift ;;
      --all) stage=all; shift ;;
      *) die "unknown option '$1' for synth; use --stage NAME or --all" ;;
    esac
  done
  ensure_aot_toolchain
  require_tools
  ensure_node_tools
  build
  synth "${stage:-dev}"
  gate
}

# One gated way to deploy, for people and CI alike: the assembly that passed the gate and the
# preflight is the one deployed (cdk deploy --app cdk.out never synthesizes again).
cmd_deploy() {
  local stage="" assembly=false yes=false
  while [ $# -gt 0 ]; do
    if stage_argument "$@"; then stage="$STAGE_ARG"; shift "$SHIFT_BY"; continue; fi
    case "$1" in
      --assembly) assembly=true; shift ;;
      --yes) yes=true; shift ;;
      *) usage >&2; die "unknown option '$1' for deploy; use --stage NAME [--assembly] [--yes]" ;;
    esac
  done
  require_tools
  require_stage "$stage"
  ensure_node_tools
  gated_assembly "$stage" "$assembly"
  say "preflight: what IdentityStack-$stage needs from the account"
  node tools/preflight/preflight.mjs --cdk-out "$CDK_OUT" --stage "$stage" || { printf 'build.sh: preflight failed: nothing was deployed\n' >&2; return 1; }
  local approval=broadening
  [ "$yes" = true ] && approval=never
  mkdir -p "$ROOT/artifacts/$stage"
  say "deploying IdentityStack-$stage from cdk.out/ (the gated assembly)"
  node_modules/.bin/cdk deploy --app "$CDK_OUT" "IdentityStack-$stage" --require-approval "$approval" \
    --outputs-file "$ROOT/artifacts/$stage/cdk-outputs.json" --no-notices || { printf 'build.sh: cdk deploy of IdentityStack-%s failed\n' "$stage" >&2; return 1; }
  say "outputs: artifacts/$stage/cdk-outputs.json (./build.sh client-config --stage $stage --outputs artifacts/$stage/cdk-outputs.json)"
}

# What a deploy of the stage would change, from the same gated assembly a deploy would use.
cmd_diff() {
  local stage="" assembly=false
  while [ $# -gt 0 ]; do
    if stage_argument "$@"; then stage="$STAGE_ARG"; shift "$SHIFT_BY"; continue; fi
    case "$1" in
      --assembly) assembly=true; shift ;;
      *) usage >&2; die "unknown option '$1' for diff; use --stage NAME [--assembly]" ;;
    esac
  done
  require_tools
  require_stage "$stage"
  ensure_node_tools
  gated_assembly "$stage" "$assembly"
  node_modules/.bin/cdk diff --app "$CDK_OUT" "IdentityStack-$stage" --no-notices
}

# gated_assembly STAGE ASSEMBLY: cdk.out/ holding STAGE and passing the gate; synthesized now unless
# ASSEMBLY is true (then cdk.out/ must already hold the stage).
gated_assembly() {
  local stage="$1" assembly="$2"
  if [ "$assembly" = true ]; then
    [ -f "$CDK_OUT/IdentityStack-$stage.template.json" ] || die "--assembly: cdk.out/ holds no IdentityStack-$stage; synthesize it (./build.sh synth --stage $stage) or leave out --assembly"
  else
    ensure_aot_toolchain
    build
    synth "$stage"
  fi
  gate || { printf 'build.sh: the template gate failed: nothing was deployed\n' >&2; return 1; }
}

# A stage copied from another, through the gate, with its stateful resources recorded.
cmd_new_stage() {
  local name="${1:-}"
  [ -n "$name" ] && [ "${name#-}" = "$name" ] || die "new-stage needs the new stage's name first: ./build.sh new-stage NAME --from STAGE [--domain-prefix PREFIX]"
  shift
  require_tools
  ensure_node_tools
  node tools/stages/new-stage.mjs add "$name" "$@" || exit 2
  ensure_aot_toolchain
  build
  synth "$name"
  gate || { printf 'build.sh: stages.%s is in cdk.json, but its template fails the gate (above); fix the stage or undo with git checkout cdk.json tools/template-gate/acknowledgments.json\n' "$name" >&2; return 1; }
  node tools/change-guard/stateful-ids.mjs --cdk-out "$CDK_OUT" --add
  node tools/stages/new-stage.mjs steps "$name"
}

# The SAML hand-off of a deployed stage: the stage's template is synthesized when cdk.out/ lacks it.
cmd_saml_handoff() {
  local stage="" args=()
  while [ $# -gt 0 ]; do
    if stage_argument "$@"; then stage="$STAGE_ARG"; shift "$SHIFT_BY"; continue; fi
    case "$1" in
      --provider|--outputs|--out) [ $# -ge 2 ] || die "$1 needs a value"; args+=("$1" "$2"); shift 2 ;;
      *) usage >&2; die "unknown option '$1' for saml-handoff; use --stage NAME --provider NAME [--outputs FILE] [--out DIR]" ;;
    esac
  done
  require_tools
  require_stage "$stage"
  ensure_node_tools
  if [ ! -f "$CDK_OUT/IdentityStack-$stage.template.json" ]; then
    ensure_aot_toolchain
    build
    synth "$stage"
  fi
  node tools/saml-handoff/saml-handoff.mjs --cdk-out "$CDK_OUT" --stage "$stage" "${args[@]}"
}

# amplify_outputs.json for the front-end teams: the stage's template is synthesized when cdk.out/ lacks it.
cmd_client_config() {
  local stage="" args=("$@")
  while [ $# -gt 0 ]; do
    case "$1" in
      --stage) stage="${2:-}"; shift $(( $# >= 2 ? 2 : 1 )) ;;
      --stage=*) stage="${1#--stage=}"; shift ;;
      *) shift ;;
    esac
  done
  require_tools
  ensure_node_tools
  if [[ "$stage" =~ ^[a-z][a-z0-9-]{0,15}$ ]] && [ ! -f "$CDK_OUT/IdentityStack-$stage.template.json" ]; then
    build
    synth "$stage"
  fi
  node tools/client-config/client-config.mjs --cdk-out "$CDK_OUT" "${args[@]}"
}

# Before a stage's first deploy: what CloudFormation would otherwise find missing minutes into it.
cmd_preflight() {
  stage_argument "$@" || die "preflight needs the stage to check: ./build.sh preflight --stage NAME"
  local stage="$STAGE_ARG"
  shift "$SHIFT_BY"
  [ $# -eq 0 ] || die "unknown option '$1' for preflight; use --stage NAME"
  require_tools
  require_stage "$stage"
  ensure_aot_toolchain
  ensure_node_tools
  build
  synth "$stage"
  say "preflight: what IdentityStack-$stage needs from the account"
  node tools/preflight/preflight.mjs --cdk-out "$CDK_OUT" --stage "$stage"
}

# Runs every suite, counts its results, and ends with the one summary line CI reads.
cmd_test() {
  silence_jsii_node_banner
  ensure_aot_toolchain
  ensure_browser
  require_tools
  ensure_node_tools
  build
  local status=0

  synth all
  gate || status=1
  publish_bootstrap
  arm64_bootstrap_for_packaging

  say "dotnet tests"
  local results="$ROOT/artifacts/test-results"
  tools/test-results/run-dotnet-tests.sh "$results/dotnet" IdentityStack.sln -c "$CONFIGURATION" --no-build \
    --blame-hang-timeout 5min --blame-hang-dump-type none >"$LOGS/dotnet-test.log" 2>&1
  grep -E '^\s*(Passed|Failed)!|\[FAIL\]|Test Run Aborted' "$LOGS/dotnet-test.log" || true

  # Mutation testing of the triggers' decision files; its verdict is a test of the node suite below.
  run_mutation || true

  say "node tests (template gate, change guard, IAM access matrix, workflows, diagram, toolchain, test counting, preflight, client config, mutation, new stage, build.sh, SAML hand-off)"
  local node_exit=0
  MUTATION_REPORTS="$MUTATION_OUT/triggers/reports/mutation-report.json:$MUTATION_OUT/contract/reports/mutation-report.json" HAND_MUTANT_RESULTS="$MUTATION_OUT/hand-mutants.json" \
  GATE_CDK_OUT="$CDK_OUT" node --test --test-reporter=spec --test-reporter-destination="$LOGS/node-test.log" \
    --test-reporter=junit --test-reporter-destination="$results/node.xml" "${NODE_TEST_DIRS[@]}" || node_exit=$?
  grep -E '^\s*(✔|✖)' "$LOGS/node-test.log" | sed 's/^/  /' || true

  # Counts come from the result files (one TRX per test project of the solution, JUnit for node);
  # an aborted, cancelled, missing or non-zero run fails. The last line is "N passed, N failed".
  node tools/test-results/summarize.mjs --dotnet "$results/dotnet" --node "$results/node.xml" --node-exit "$node_exit" || status=1
  return "$status"
}

# The dev stage on 127.0.0.1: cognito-local seeded from the synthesized template, calling the real
# trigger binary; the synthesized authorizer in front of the real API backend. Nothing is left running.
cmd_e2e() {
  silence_jsii_node_banner
  ensure_aot_toolchain
  ensure_browser
  require_tools
  ensure_node_tools
  build
  synth dev
  publish_bootstrap
  say "end-to-end: sign-up, sign-in, MFA, tokens and the API on cognito-local"
  local status=0
  dotnet test test/IdentityStack.EndToEnd.Tests -c "$CONFIGURATION" --no-build --nologo --blame-hang-timeout 5min \
    --logger "console;verbosity=normal" >"$LOGS/e2e.log" 2>&1 || status=$?
  grep -E '^\s*(Passed|Failed) |^\s*(Total tests|Passed|Failed):' "$LOGS/e2e.log" || true
  [ "$status" -eq 0 ] || die "end-to-end tests failed (full log: artifacts/logs/e2e.log)"
}

# Figures, not assertions: machines here are noisy, so speed is measured, never asserted in tests.
cmd_bench() {
  ensure_aot_toolchain
  require_tools
  build
  publish_bootstrap
  # valgrind's callgrind counts each start's instructions: the figure this noisy machine cannot blur.
  if command -v dpkg >/dev/null 2>&1; then apt_ensure "valgrind for the benchmark's instruction counts" valgrind; fi
  mkdir -p "$LOGS" "$ROOT/artifacts/bench" && : >"$LOGS/bench.log"
  # The floor: a minimal C program that speaks the Runtime API (what any runtime must at least do).
  clang -O2 -Wall -Wextra -Werror -o "$ROOT/artifacts/bench/runtime-api-floor" \
    test/IdentityStack.Triggers.Benchmarks/RuntimeApiFloor/runtime_api_floor.c
  say "benchmark: every handler's cold start against the floor, binary sizes, memory, warm invocations (takes a few minutes)"
  dotnet test/IdentityStack.Triggers.Benchmarks/bin/"$CONFIGURATION"/net10.0/IdentityStack.Triggers.Benchmarks.dll \
    --handlers "$ROOT/artifacts/bootstrap/linux-x64/handlers.json" \
    --floor "$ROOT/artifacts/bench/runtime-api-floor" \
    --jit "$ROOT/lambda-triggers/IdentityStack.Triggers/bin/$CONFIGURATION/net10.0/bootstrap.dll" "$@" \
    | tee -a "$LOGS/bench.log" | grep -E '^(\||cold start:|instructions:|warm:|verdict:)'
}

# Mutation testing: do the tests notice a broken rule? Stryker.NET (pinned in .config/dotnet-tools.json)
# mutates the decision files of the trigger project (tools/mutation/triggers.stryker-config.json) and
# runs IdentityStack.Triggers.Tests against each mutant; tools/mutation/score.mjs prints the score per
# file and fails below the threshold; tools/mutation/hand-mutants.mjs applies the mutants Stryker
# cannot compile and expects their named tests to fail.
MUTATION_THRESHOLD=90
MUTATION_OUT="$ROOT/artifacts/mutation"
MUTATION_PROJECTS=(triggers contract)

# Stryker, the score per file, then the hand-applied mutants; the outcome is in artifacts/mutation/.
run_mutation() {
  mkdir -p "$LOGS" "$ROOT/artifacts/mutation"
  say "restoring the pinned .NET tools (Stryker.NET)"
  dotnet tool restore >"$LOGS/tool-restore.log" 2>&1 || { cat "$LOGS/tool-restore.log" >&2; printf 'build.sh: dotnet tool restore failed (full log: artifacts/logs/tool-restore.log)\n' >&2; return 1; }
  rm -rf "$MUTATION_OUT" && mkdir -p "$MUTATION_OUT"
  : >"$LOGS/mutate.log"
  local project reports=()
  for project in "${MUTATION_PROJECTS[@]}"; do
    say "mutation testing: the $project project's decision files against IdentityStack.Triggers.Tests (a few minutes)"
    (cd test/IdentityStack.Triggers.Tests && dotnet stryker --config-file "../../tools/mutation/$project.stryker-config.json" --output "$MUTATION_OUT/$project") >>"$LOGS/mutate.log" 2>&1 || true
    reports+=(--report "$MUTATION_OUT/$project/reports/mutation-report.json")
    [ -f "$MUTATION_OUT/$project/reports/mutation-report.json" ] || { tail -n 30 "$LOGS/mutate.log" >&2; printf 'build.sh: Stryker wrote no report for %s (full log: artifacts/logs/mutate.log)\n' "$project" >&2; return 1; }
  done
  local status=0
  node tools/mutation/score.mjs "${reports[@]}" --threshold "$MUTATION_THRESHOLD" --root "$ROOT" --markdown "$MUTATION_OUT/scores.md" \
    | tee -a "$LOGS/mutate.log" | grep -v '^  survivor' || status=1
  say "HTML reports: artifacts/mutation/<project>/reports/mutation-report.html; survivors in artifacts/logs/mutate.log"
  say "hand-applied mutants (decisions Stryker cannot compile)"
  node tools/mutation/hand-mutants.mjs --results "$MUTATION_OUT/hand-mutants.json" | tee -a "$LOGS/mutate.log" || status=1
  return "$status"
}

cmd_mutate() {
  silence_jsii_node_banner
  [ $# -eq 0 ] || die "mutate takes no arguments (the files it mutates are in tools/mutation/triggers.stryker-config.json)"
  require_tools
  ensure_node_tools
  run_mutation
}

case "${1:-}" in
  synth) shift; cmd_synth "$@" ;;
  gate) shift; no_arguments gate "$@"; require_tools; ensure_node_tools; gate ;;
  deploy) shift; cmd_deploy "$@" ;;
  diff) shift; cmd_diff "$@" ;;
  new-stage) shift; cmd_new_stage "$@" ;;
  saml-handoff) shift; cmd_saml_handoff "$@" ;;
  guard-changes) shift; require_tools; ensure_node_tools; node tools/change-guard/guard.mjs "$@" ;;
  preflight) shift; cmd_preflight "$@" ;;
  client-config) shift; cmd_client_config "$@" ;;
  publish) shift; no_arguments publish "$@"; ensure_aot_toolchain; require_tools; mkdir -p "$LOGS"; publish_bootstrap ;;
  test) shift; no_arguments test "$@"; cmd_test ;;
  e2e) shift; no_arguments e2e "$@"; cmd_e2e ;;
  pack) shift; cmd_pack "$@" ;;
  diagram) shift; no_arguments diagram "$@"; cmd_synth --stage dev && node tools/diagram/diagram.mjs --cdk-out "$CDK_OUT" --stage dev --out docs/architecture.md ;;
  bench) shift; cmd_bench "$@" ;;
  mutate) shift; cmd_mutate "$@" ;;
  -h|--help|help|"") usage ;;
  *) usage >&2; die "unknown command '$1'" ;;
esac

#!/usr/bin/env bash
# Post-deploy smoke test of a live stage, from `cdk deploy --outputs-file` output:
#   GET {ApiUrl}/health -> 200, GET {ApiUrl}/me without a token -> 401, the hosted sign-in page answers.
# One line per check ("PASS ..." / "FAIL ..."), then a verdict. Exit 0 all passed, 1 a check failed,
# 2 bad input (missing file, stack or output). Token-based checks come with the identity-smoke tool.
set -uo pipefail

usage() { echo "usage: $0 OUTPUTS_JSON STACK_NAME" >&2; exit 2; }
[ $# -eq 2 ] || usage
outputs="$1" stack="$2"
[ -f "$outputs" ] || { echo "smoke: $outputs: no such file; pass the file from 'cdk deploy --outputs-file'." >&2; exit 2; }

output() {
  node -e '
    const [file, stack, key] = process.argv.slice(1);
    const all = JSON.parse(require("fs").readFileSync(file, "utf8"));
    if (!all[stack]) { console.error(`smoke: ${file} has no stack ${stack}; stacks: ${Object.keys(all).join(", ") || "none"}.`); process.exit(2); }
    if (!all[stack][key]) { console.error(`smoke: stack ${stack} has no output ${key}; is the stage configured with it?`); process.exit(2); }
    console.log(all[stack][key]);' "$outputs" "$stack" "$1"
}

api="$(output ApiUrl)" || exit 2
signin="$(output HostedSignInUrl)" || exit 2
failed=0

check() { # name, url, expected status codes (space separated), extra curl args...
  local name="$1" url="$2" expected="$3"; shift 3
  local status
  status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 15 "$@" "$url")" || status="000"
  if [[ " $expected " == *" $status "* ]]; then
    echo "PASS $name: HTTP $status"
  else
    echo "FAIL $name: HTTP $status, expected $expected ($url)"
    failed=$((failed + 1))
  fi
}

check "health is public" "${api%/}/health" "200"
check "me needs a token" "${api%/}/me" "401"
check "hosted sign-in answers" "$signin" "200 302"

if [ "$failed" -eq 0 ]; then echo "smoke: $stack passed"; else echo "smoke: $stack FAILED ($failed checks)"; fi
[ "$failed" -eq 0 ]

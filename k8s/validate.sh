#!/usr/bin/env bash
# Validates k8s/ without a cluster: renders base and every overlay with kustomize, checks each
# rendered document against the Kubernetes JSON schemas (strict: unknown fields fail) and our
# policy (validate.py), checks the job definitions the CronJobs run (jobs/*.yaml, against
# jobs/job-definition.schema.json: validate_jobs.py), then proves the checks bite by running
# the broken cases in tests/, each of which must be rejected with the messages listed in its
# `expect` file.
#
# First run installs its tools into k8s/.tools/ (ignored by git): kustomize through
# `go install` (Go module proxy) and kubernetes-validate, which ships the schemas, through pip
# (PyPI). Later runs reuse them and need no network.
set -euo pipefail

KUSTOMIZE_VERSION=v5.8.1             # v5.8.2 and later need Go >= 1.27
KUBERNETES_VALIDATE_VERSION=1.37.0   # ships schemas for Kubernetes 1.25 .. 1.37
KUBERNETES_VERSIONS=(1.31 1.37)      # oldest supported (podFailurePolicy is GA) and newest

k8s="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$k8s")"
tools="$k8s/.tools"
kustomize="$tools/kustomize-$KUSTOMIZE_VERSION/kustomize"
venv="$tools/venv-kubernetes-validate-$KUBERNETES_VALIDATE_VERSION"
rendered="$tools/rendered"

fail() { echo "k8s/validate.sh: $*" >&2; exit 1; }

install_kustomize() {
    [[ -x "$kustomize" ]] && return
    command -v go >/dev/null || fail "Go is needed to install kustomize $KUSTOMIZE_VERSION (go install); install Go or put kustomize at $kustomize"
    echo "installing kustomize $KUSTOMIZE_VERSION into $(dirname "$kustomize") (once, about 2-3 minutes)" >&2
    mkdir -p "$tools"
    if ! GOBIN="$(dirname "$kustomize")" GOTOOLCHAIN=local GOFLAGS= \
        go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION" > "$tools/go-install.log" 2>&1; then
        cat "$tools/go-install.log" >&2
        fail "go install of kustomize $KUSTOMIZE_VERSION failed (output above)"
    fi
}

install_validator() {
    [[ -x "$venv/bin/python" ]] && return
    command -v python3 >/dev/null || fail "python3 is needed for the schema and policy checks"
    echo "installing kubernetes-validate $KUBERNETES_VALIDATE_VERSION into $venv (once)" >&2
    rm -rf "$venv.partial"
    python3 -m venv "$venv.partial" || fail "python3 -m venv failed"
    "$venv.partial/bin/pip" install --quiet --disable-pip-version-check \
        "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" \
        || fail "pip install kubernetes-validate==$KUBERNETES_VALIDATE_VERSION failed (see above)"
    mv "$venv.partial" "$venv"
}

# render NAME DIR: kustomize build DIR into $rendered/NAME.yaml
render() {
    mkdir -p "$(dirname "$rendered/$1.yaml")"
    "$kustomize" build "$2" > "$rendered/$1.yaml" || fail "kustomize build $2 failed (see above)"
}

check() {
    "$venv/bin/python" "$k8s/validate.py" "$1" "$rendered/$1.yaml" "${KUBERNETES_VERSIONS[@]}"
}

check_jobs() {
    "$venv/bin/python" "$k8s/validate_jobs.py" "$repo/jobs/job-definition.schema.json" "$@"
}

install_kustomize
install_validator

status=0
for target in base overlays/dev overlays/prod; do
    render "$target" "$k8s/$target"
    check "$target" || status=1
done
check_jobs "$repo"/jobs/*.yaml || status=1

# Negative tests: each broken case must fail validation and name every problem in its expect file.
negatives=0
for case_dir in "$k8s"/tests/*/; do
    name="tests/$(basename "$case_dir")"
    if [[ -f "$case_dir/definition.yaml" ]]; then
        output="$(check_jobs "$case_dir/definition.yaml")" && accepted=1 || accepted=0
    else
        render "$name" "$case_dir"
        output="$(check "$name")" && accepted=1 || accepted=0
    fi
    if [[ $accepted -eq 1 ]]; then
        echo "$name: accepted, but it is broken on purpose: the checks no longer catch it" >&2
        status=1
        continue
    fi
    missing=0
    while IFS= read -r expected; do
        [[ -z "$expected" || "$expected" == \#* ]] && continue
        if ! grep -qF -- "$expected" <<<"$output"; then
            echo "$name: rejected, but without the expected message: $expected" >&2
            missing=1
        fi
    done < "$case_dir/expect"
    negatives=$((negatives + 1))
    if [[ $missing -eq 1 ]]; then
        echo "$output" | sed 's/^/    /' >&2
        status=1
    else
        echo "$name: rejected as expected: $(tail -n 1 <<<"$output")"
    fi
done

[[ $negatives -gt 0 ]] || fail "no negative test ran (k8s/tests/*/ is empty)"
if [[ $status -ne 0 ]]; then
    echo "k8s/validate.sh: FAILED" >&2
    exit 1
fi
echo "k8s/validate.sh: base, dev, prod and the job definitions valid; $negatives broken cases rejected"

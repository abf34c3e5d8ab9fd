#!/usr/bin/env bash
# The one test command: installs what the tests need when it is missing, then runs the whole suite.
#
#   ./test.sh              # every test project on SQLite, then tests/Komdir.Web.Tests again on PostgreSQL 15
#   ./test.sh --no-postgres  # skips the PostgreSQL run (and installing PostgreSQL)
#
# Installs (only what is missing; apt-get update at most once): Debian's chromium and fonts-dejavu-core for the
# browser tests, nodejs/npm for axe-core (npm ci), PostgreSQL 15 through .ci/postgres.sh (a throwaway cluster on
# 127.0.0.1:$KOMDIR_PG_PORT, default 5433, stopped again at the end). Installing needs root (or sudo).
# Ends with one line "N passed, N failed, N skipped" summed over every run, and exits non-zero when any test failed
# or a run did not finish.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
repo_root="$(pwd)"
started=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1   # the browser tests use Debian's chromium, never a downloaded one

run_postgres=true
for argument in "$@"; do
    case "$argument" in
        --no-postgres) run_postgres=false ;;
        *) echo "usage: $0 [--no-postgres]" >&2; exit 2 ;;
    esac
done

step() { printf '\n==> [%4ss] %s\n' "$(( $(date +%s) - started ))" "$*"; }

as_root() {
    if [[ $(id -u) == 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -E "$@"
    else
        echo "test.sh: '$*' needs root; install it by hand or run as root" >&2
        return 1
    fi
}

apt_updated=false
apt_install() {
    # apt-get update only once per run, and only when something is missing.
    if [[ $apt_updated == false ]]; then
        step "apt-get update"
        as_root apt-get update -q
        apt_updated=true
    fi
    step "apt-get install $*"
    as_root apt-get install -y -q --no-install-recommends "$@"
}

install_system_packages() {
    local missing=()
    # Browser tests: Debian's chromium (driven by Playwright) and a font so pages render text for axe's contrast checks.
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
    # axe-core comes from npm.
    command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
    if $run_postgres && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
        missing+=(postgresql-15)
    fi
    if ((${#missing[@]})); then
        apt_install "${missing[@]}"
    else
        step "System packages present: $(chromium --version 2>/dev/null | head -1), node $(node --version), npm $(npm --version 2>/dev/null)"
    fi
}

# npm ci wipes and reinstalls node_modules; skip it when it last ran for this very package-lock.json.
npm_ci() {
    local folder="$repo_root/$1" what="$2"
    local stamp="$folder/node_modules/.komdir-package-lock.sha256" wanted
    wanted="$(sha256sum "$folder/package-lock.json" | cut -d' ' -f1)"
    if [[ -f $stamp && $(cat "$stamp") == "$wanted" ]]; then
        step "$what present in $1/node_modules"
        return
    fi
    step "npm ci in $1 ($what, pinned by package-lock.json)"
    (cd "$folder" && npm ci --no-audit --no-fund)
    echo "$wanted" > "$stamp"
}

install_node_packages() {
    npm_ci tests/Komdir.Web.BrowserTests "axe-core"
    # The Delivery API client tests: openapi-typescript, openapi-fetch and tsc.
    npm_ci tests/Komdir.Web.BrowserTests/DeliveryClient "the generated Delivery API client"
}

results="$repo_root/TestResults/test.sh"
rm -rf "$results"
mkdir -p "$results"

# Sums the counters of every TRX file under a folder: prints "total passed failed skipped". A skipped test is in
# "total" but not in "executed"; errors, time-outs and aborted tests count as failed.
trx_counts() {
    local total=0 passed=0 failed=0 skipped=0 file line key value
    local -A counter
    while IFS= read -r -d '' file; do
        line="$(grep -o '<Counters [^>]*>' "$file" | head -1)"
        for key in total executed passed failed error timeout aborted; do
            value="$(sed -n "s/.* $key=\"\([0-9]*\)\".*/\1/p" <<<"$line")"
            counter[$key]="${value:-0}"
        done
        total=$((total + counter[total]))
        passed=$((passed + counter[passed]))
        failed=$((failed + counter[failed] + counter[error] + counter[timeout] + counter[aborted]))
        skipped=$((skipped + counter[total] - counter[executed]))
    done < <(find "$1" -name '*.trx' -print0)
    echo "$total $passed $failed $skipped"
}

all_passed=0 all_failed=0 all_skipped=0 broken_runs=()
run_tests() {
    local name="$1"; shift
    step "$name: dotnet test $*"
    local status=0
    dotnet test "$@" --logger "trx" --logger "console;verbosity=normal" --results-directory "$results/$name" || status=$?
    local total passed failed skipped
    read -r total passed failed skipped < <(trx_counts "$results/$name")
    printf '    %s: %s passed, %s failed, %s skipped\n' "$name" "$passed" "$failed" "$skipped"
    all_passed=$((all_passed + passed)); all_failed=$((all_failed + failed)); all_skipped=$((all_skipped + skipped))
    # A build error or crashed test host fails the run without failed tests in the TRX: count it apart.
    if ((status != 0 && failed == 0)); then
        broken_runs+=("$name (exit $status)")
    fi
}

step "KOMDIR tests in $repo_root (dotnet $(dotnet --version))"
install_system_packages
install_node_packages

if $run_postgres; then
    # A throwaway PostgreSQL 15 with a password made at start; .ci/postgres.sh writes the connection strings to an
    # env file readable only by us, and is stopped again however this script ends.
    step "PostgreSQL 15: start a throwaway cluster"
    pg_env="$(bash "$repo_root/.ci/postgres.sh" start)"
    trap 'bash "$repo_root/.ci/postgres.sh" stop >/dev/null 2>&1 || true' EXIT
fi

step "dotnet tool restore"
dotnet tool restore >/dev/null

# Builds the solution (warnings are errors) and runs every test project, the browser tests included.
run_tests sqlite Komdir.sln

if $run_postgres; then
    # The integration suite again on PostgreSQL: every test host gets its own database on the throwaway server, and
    # the multi-node tests ([PostgresFact]) run. Only the admin connection string is passed on: some tests force SQLite.
    # postgres.runsettings leaves socket completions to the runtime (it says why).
    KOMDIR_TEST_POSTGRES="$(. "$pg_env" && echo "$KOMDIR_TEST_POSTGRES")" \
        run_tests postgresql tests/Komdir.Web.Tests --no-build --settings tests/Komdir.Web.Tests/postgres.runsettings
fi

step "Done in $(( $(date +%s) - started )) s"
for run in "${broken_runs[@]}"; do
    echo "Run did not finish: $run"
done
echo "$all_passed passed, $all_failed failed, $all_skipped skipped"
if ((all_failed > 0 || ${#broken_runs[@]} > 0 || all_passed == 0)); then
    exit 1
fi

#!/usr/bin/env bash
# Continuum's developer commands. Each one first installs whatever is missing
# on a fresh Debian machine that has only rustup and cargo, so a newcomer needs
# nothing else; a second run installs nothing and rebuilds only what changed.
#
#   ./dev.sh run     build the release app and serve it on http://127.0.0.1:8080
#   ./dev.sh test    every test layer, stopping at the first failure
#   ./dev.sh bench   the performance benchmark (see docs/performance.md)
#
# Why a script and not a Makefile: the set-up is conditional (which tool, which
# version) and the test layers must also fail when they ran no test at all,
# which is plain shell either way.
set -euo pipefail
cd "$(dirname "$0")"

TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
ADDRESS=127.0.0.1
PORT=${PORT:-8080}
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

say() { printf '\n== %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# The wasm-bindgen CLI must be exactly the version in Cargo.lock, or the
# generated JavaScript does not match the library compiled into the wasm.
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_target() {
    rustup target list --installed | grep -qx wasm32-unknown-unknown ||
        rustup target add wasm32-unknown-unknown
}

ensure_cargo_tool() { # binary, crate, version, extra install flags...
    local bin=$1 crate=$2 version=$3
    shift 3
    if ! "$bin" --version 2>/dev/null | grep -qw "$version"; then
        say "installing $crate $version (once; several minutes on 2 cores)"
        cargo install "$crate" --version "$version" "$@"
    fi
}

# Splits the release wasm into pieces loaded on demand (tools/split.mjs). It
# has no --version, so cargo's own list of installed crates is asked.
ensure_wasm_split() {
    if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
        say "installing wasm-split-cli $WASM_SPLIT_VERSION (once; about a minute)"
        cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
    fi
}

ensure_node() {
    command -v node >/dev/null && command -v npm >/dev/null && return
    say "installing Node.js and npm"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
}

# wasm-opt from npm's binaryen (Debian's is too old for today's rustc and breaks
# the app silently) and Playwright's library (it drives Debian's Chromium; it
# never downloads a browser of its own).
ensure_node_modules() {
    ensure_node
    if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] ||
        [ ! -d node_modules/puppeteer-core ] || [ ! -d node_modules/selenium-webdriver ] ||
        [ package-lock.json -nt node_modules/.package-lock.json ]; then
        say "installing npm packages (binaryen, playwright-core, puppeteer-core, selenium-webdriver)"
        npm ci --no-audit --no-fund
    fi
}

ensure_build_tools() {
    ensure_wasm_target
    ensure_cargo_tool trunk trunk "$TRUNK_VERSION" --locked
    # Not --locked: the registry mirror can lag behind wasm-bindgen-cli's lock file.
    ensure_cargo_tool wasm-bindgen wasm-bindgen-cli "$(wasm_bindgen_version)"
    ensure_wasm_split
    ensure_node_modules
}

ensure_chromium() {
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
        say "installing Debian's chromium and chromium-driver"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
    fi
    export CHROMEDRIVER
    CHROMEDRIVER=$(command -v chromedriver)
    export CHROMIUM
    CHROMIUM=$(command -v chromium)
}

# The renderer must come from vendor/tachys (its PATCHED.md says why). A path
# dependency has no `source` line in Cargo.lock; a registry one does, which
# would mean the patch silently stopped applying (say, after a Leptos bump).
check_vendored_tachys() {
    if awk '/^name = "tachys"$/ { t = 1; next } t && /^source = / { bad = 1 } /^$/ { t = 0 } END { exit !bad }' Cargo.lock; then
        die "Cargo.lock takes tachys from the registry, not vendor/tachys: the renderer patch no longer applies (see vendor/tachys/PATCHED.md)"
    fi
}

# Firefox ESR and WebKitGTK (MiniBrowser with its WebDriver) for the layer
# that runs the core journeys beyond Chromium; xvfb gives MiniBrowser a display.
ensure_other_browsers() {
    if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null ||
        ! command -v xvfb-run >/dev/null; then
        say "installing Debian's firefox-esr, webkit2gtk-driver and xvfb"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb
    fi
}

build_release() {
    check_vendored_tachys
    say "building the release app into dist/"
    trunk build --release --offline
}

# A browser that stops answering fails its test after four minutes, and the
# run exits even if a driver's socket is still open, instead of hanging CI.
TEST_LIMITS="--test-timeout=240000 --test-force-exit"

# Runs a test command, shows its output, and fails when it failed or when
# the summary it printed counts no passed test at all.
run_counted() { # label, pattern giving the passed count in group 1, command...
    local label=$1 pattern=$2 log
    shift 2
    log=$(mktemp)
    if ! "$@" 2>&1 | tee "$log"; then
        rm -f "$log"
        die "$label failed"
    fi
    local passed
    passed=$(grep -oP "$pattern" "$log" | awk '{ n += $1 } END { print n + 0 }')
    rm -f "$log"
    [ -n "$passed" ] && [ "$passed" -gt 0 ] || die "$label ran no test"
    say "$label: $passed passed"
}

cmd_run() {
    ensure_build_tools
    build_release
    say "Continuum is at http://$ADDRESS:$PORT/ (Ctrl-C stops it)"
    exec node tools/serve.mjs dist "$ADDRESS" "$PORT"
}

cmd_test() {
    ensure_build_tools
    ensure_chromium
    ensure_other_browsers

    say "format"
    cargo fmt --all --check
    check_vendored_tachys
    say "clippy (native)"
    cargo clippy --workspace --all-targets --locked -- -D warnings
    say "clippy (wasm32)"
    cargo clippy -p continuum --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

    say "native tests"
    run_counted "native tests" 'test result: ok\. \K[0-9]+(?= passed)' \
        cargo test --workspace --locked

    say "browser tests (wasm-bindgen-test in headless Chromium)"
    run_counted "browser tests" 'test result: ok\. \K[0-9]+(?= passed)' \
        cargo test --locked --target wasm32-unknown-unknown --test 'browser*'

    build_release
    say "end-to-end tests (Playwright driving headless Chromium)"
    run_counted "end-to-end tests" '^# pass \K[0-9]+' \
        node --test --test-reporter=tap --test-concurrency=1 $TEST_LIMITS tests/e2e/

    say "core journeys in Firefox ESR and WebKit"
    run_counted "Firefox ESR and WebKit journeys" '^# pass \K[0-9]+' \
        xvfb-run -a node --test --test-reporter=tap --test-concurrency=1 $TEST_LIMITS tests/browsers/
}

cmd_bench() {
    ensure_build_tools
    ensure_chromium
    build_release
    node tools/bench.mjs "$@"
}

case "${1:-}" in
run) cmd_run ;;
test) cmd_test ;;
bench) shift; cmd_bench "$@" ;;
*)
    echo "usage: ./dev.sh run | test | bench" >&2
    exit 2
    ;;
esac

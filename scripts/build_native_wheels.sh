#!/usr/bin/env bash
# Build the wheels of textlint's optional compiled module (native/, the distribution
# textlint-native) for Linux, macOS and Windows, from one Linux machine, so that users install
# it with pip and no compiler. The module uses CPython's stable ABI (abi3-py311): one wheel per
# system serves every CPython >= 3.11. docs/native.md tells the rest.
#
#   scripts/build_native_wheels.sh OUT_DIR
#
# Needs rustup (with cargo) and python3 >= 3.11. It adds each Rust target with rustup and
# installs its build tools in a venv of its own (native/target/wheel-venv; never the machine's
# Python), from PyPI:
#   maturin  (MIT OR Apache-2.0)  builds the wheels;
#   ziglang  (MIT)  Zig, the linker of the cross builds (--zig): it brings the glibc 2.17
#                   stubs of manylinux2014, the macOS SDK stubs and mingw-w64's start-up code.
# The wheels hold only textlint-native (MIT) and the crates it is built from (pyo3 and its
# dependencies: MIT, Apache-2.0 or both; `cargo metadata` in native/ lists them), with Rust's
# standard library (MIT OR Apache-2.0), and what the linker adds: for Windows chiefly
# mingw-w64's start-up code (Zope Public License and public domain). libc and Python are
# linked dynamically.
#
# It prints which wheels it built and which targets failed (their logs are in
# native/target/wheel-logs/), and exits non-zero when the wheel of this machine (Linux x86_64,
# built without Zig) failed; the others are reported, not required. The sdist of
# textlint-native is built too (pip builds it with cargo where no wheel fits).
set -uo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 OUT_DIR" >&2
    exit 2
fi
mkdir -p "$1" && out=$(cd "$1" && pwd) || exit 2
repo=$(cd "$(dirname "$0")/.." && pwd)
crate="$repo/native"
venv="$crate/target/wheel-venv"
logs="$crate/target/wheel-logs"
mkdir -p "$logs"

# The build tools; Zig's 0.x releases change what maturin's linker wrapper drives, so raise
# its bound only after building every target with the new one.
if [ ! -x "$venv/bin/maturin" ] || [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" || exit 1
fi
"$venv/bin/python" -m pip install --quiet --upgrade 'maturin>=1.16,<2' 'ziglang>=0.17,<0.18' || exit 1
export PATH="$venv/bin:$PATH"  # maturin finds Zig as `python -m ziglang` of this venv
echo "maturin $(maturin --version | cut -d' ' -f2), zig $(python -m ziglang version)"

# name | Rust target | maturin options
targets=(
    "linux-x86_64|x86_64-unknown-linux-gnu|"
    "linux-x86_64-manylinux2014|x86_64-unknown-linux-gnu|--zig --compatibility manylinux2014"
    "linux-aarch64-manylinux2014|aarch64-unknown-linux-gnu|--zig --compatibility manylinux2014"
    "macos-x86_64|x86_64-apple-darwin|--zig"
    "macos-arm64|aarch64-apple-darwin|--zig"
    "windows-amd64|x86_64-pc-windows-gnu|--zig"
)
required="linux-x86_64"

built=() failed=()
for entry in "${targets[@]}"; do
    IFS="|" read -r name target options <<<"$entry"
    log="$logs/$name.log"
    tmp=$(mktemp -d)
    echo "== $name ($target${options:+ $options})"
    # shellcheck disable=SC2086  # options are words
    if rustup target add "$target" >"$log" 2>&1 &&
        maturin build --release --locked --manifest-path "$crate/Cargo.toml" \
            --target "$target" $options --out "$tmp" >>"$log" 2>&1 &&
        ls "$tmp"/*.whl >/dev/null 2>&1; then
        for wheel in "$tmp"/*.whl; do
            mv -f "$wheel" "$out/" && built+=("$name: $(basename "$wheel")")
        done
    else
        failed+=("$name")
        { grep -i -m 3 'error' "$log" || tail -n 5 "$log"; } | sed 's/^/   | /'
    fi
    rm -rf "$tmp"
done

if maturin sdist --manifest-path "$crate/Cargo.toml" --out "$out" >"$logs/sdist.log" 2>&1; then
    built+=("sdist: $(basename "$(ls -t "$out"/textlint_native-*.tar.gz | head -n 1)")")
else
    failed+=("sdist")
fi

echo
echo "Built into $out:"
for line in "${built[@]}"; do echo "  $line"; done
if [ ${#failed[@]} -gt 0 ]; then
    echo "Failed (logs in $logs): ${failed[*]}"
fi
for name in "${failed[@]}"; do
    if [ "$name" = "$required" ]; then
        echo "The wheel of this machine ($required) failed." >&2
        exit 1
    fi
done

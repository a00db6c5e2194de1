#!/usr/bin/env bash
# The Windows build of Partnership Atlas, checked under Wine (issue 9). Called by .ci/run.
#
#   bash .ci/windows.sh              install what it needs, cross-build the .exe (debug), run it
#                                    under Wine and compare it with the Linux build: sample, new,
#                                    check (same counts, same bytes), two programs on one register
#                                    (a reader reads a consistent copy and names the holder, a second writer is refused; the holder killed, every
#                                    committed edit is there), and the window under Xvfb (stays up,
#                                    screenshot).
#   bash .ci/windows.sh --package    build the portable zip a council IT team deploys (release
#                                    .exe, README, icon, font licences) and print its path.
#   bash .ci/windows.sh --build-only just install and cross-build.
#
# CARGO_TARGET_DIR defaults to ~/.cache/partnership-atlas/target; the Windows artefacts go under
# its x86_64-pc-windows-gnu/. The screenshot and the Wine run's files go to
# $CARGO_TARGET_DIR/windows-smoke/. Everything installed here (Debian packages, the Rust target)
# is installed only if missing, so a second run on the same machine installs nothing.
#
# Wine fact measured here: Debian 12's Wine 8 has no bcryptprimitives.dll, which Rust's standard
# library calls (ProcessPrng), so an unmodified Rust .exe exits at once. A shim of a few lines
# (.ci/bcryptprimitives-shim.c) is built with mingw and put into the test Wine prefix's
# system32 only, so every test .exe finds it. Real Windows 10/11 has the DLL; the shim never goes
# beside a built .exe and never into the package.
#
# Besides the smoke test, the store's and platform's unit tests and tests/shared_drive.rs are
# built for Windows and run under Wine (WINDOWS_TESTS=0 skips them; WINDOWS_GUI=0 skips the
# window).
set -euo pipefail
# Failures inside $(...) stop the script too (bash does not pass -e into them by default).
shopt -s inherit_errexit

cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODE=${1:-test}
TARGET=x86_64-pc-windows-gnu
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/partnership-atlas/target}
SMOKE=$CARGO_TARGET_DIR/windows-smoke

# Messages go to stderr, so they show even where a command's output is captured.
say() { printf '[windows] %s\n' "$*" >&2; }
fail() { printf '[windows] FAILED: %s\n' "$*" >&2; exit 1; }

install_tools() {
    if ! rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
        say "adding the Rust target $TARGET"
        rustup target add "$TARGET" >/dev/null
    fi
    local missing=()
    command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(gcc-mingw-w64-x86-64)
    [ -x /usr/lib/wine/wine64 ] || missing+=(wine64)
    command -v Xvfb >/dev/null || missing+=(xvfb)
    [ -x /usr/bin/import ] || missing+=(imagemagick)
    command -v zip >/dev/null || missing+=(zip)
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

# Times one command; prints "<label>: N s".
timed() {
    local label=$1 start end status=0
    shift
    start=$(date +%s%N)
    "$@" || status=$?
    end=$(date +%s%N)
    local tenths=$(((end - start) / 100000000))
    if [ "$status" -ne 0 ]; then
        fail "$label (exit $status)"
    fi
    say "$label: $((tenths / 10)).$((tenths % 10)) s"
}

# Builds the program and prints the path of the executable that this build made (cargo's own
# record of it, not the shared copy in the target folder that another checkout may overwrite).
build_program() {
    local label=$1 bin=$2 json
    shift 2
    json=$(timed "$label" cargo build --quiet --bin "$bin" --message-format=json "$@")
    printf '%s\n' "$json" | grep '"executable":"' | tail -1 | sed 's/.*"executable":"\([^"]*\)".*/\1/'
}

build_windows() {
    local profile_flag=()
    [ "${1:-debug}" = release ] && profile_flag=(--release)
    WINDOWS_EXE=$(build_program "Windows build (${1:-debug})" partnership-atlas \
        --target "$TARGET" "${profile_flag[@]}")
    [ -f "$WINDOWS_EXE" ] || fail "the Windows build made no .exe"
    # The same window without a console beside it: what the Start menu and a double-click open.
    WINDOW_EXE=$(build_program "Windows window-only build (${1:-debug})" partnership-atlas-window \
        --target "$TARGET" "${profile_flag[@]}")
    [ -f "$WINDOW_EXE" ] || fail "the Windows build made no window-only .exe"
}

# ---- Wine ----------------------------------------------------------------------------------

WINE=/usr/lib/wine/wine64
export WINEPREFIX=${WINEPREFIX:-$HOME/.cache/partnership-atlas/wine-prefix}
export WINEDEBUG=-all
# No Mono or Gecko install dialogs: the program needs neither.
export WINEDLLOVERRIDES="mscoree,mshtml="
# Arguments with non-ASCII letters reach the program as UTF-16 only through a UTF-8 locale.
export LC_ALL=C.UTF-8

wine_run() { "$WINE" "$@"; }

# The Windows path of a Linux path (Wine maps / to Z:).
winpath() { printf 'Z:%s' "${1//\//\\}"; }

prepare_wine() {
    rm -rf "$SMOKE"
    mkdir -p "$SMOKE/bin" "$SMOKE/files" "$SMOKE/Polisi a Phartneriaethau"
    cp "$WINDOWS_EXE" "$SMOKE/bin/partnership-atlas.exe"
    cp "$WINDOW_EXE" "$SMOKE/bin/Partnership Atlas.exe"
    cp "$LINUX_EXE" "$SMOKE/bin/partnership-atlas"
    if [ ! -d "$WINEPREFIX/drive_c/windows/system32" ]; then
        say "creating the Wine prefix (once per machine)"
        "$WINE" wineboot --init >/dev/null 2>&1 || true
        /usr/lib/wine/wineserver -w 2>/dev/null || true
    fi
    [ -d "$WINEPREFIX/drive_c/windows/system32" ] || fail "Wine did not create its prefix"
    x86_64-w64-mingw32-gcc -shared -O2 -Wl,--kill-at -o "$SMOKE/bcryptprimitives.dll" \
        "$ROOT/.ci/bcryptprimitives-shim.c" -ladvapi32
    cp "$SMOKE/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
    EXE=$SMOKE/bin/partnership-atlas.exe
    WINDOW="$SMOKE/bin/Partnership Atlas.exe"
    LINUX=$SMOKE/bin/partnership-atlas
    # Programs started by Windows test binaries are found by their absolute Unix-style paths
    # (CARGO_BIN_EXE_*), which Wine reads on the current drive: work from a Z: folder.
    cd "$SMOKE"
}

# The store's and platform's unit tests and the shared-drive tests, built for Windows and run
# under Wine: drive-letter and UNC paths, owner notes, locks and copies as Windows does them.
windows_tests() {
    say "store, platform and shared-drive tests under Wine"
    local json executable filters
    json=$(cd "$ROOT" && timed "Windows test build" cargo test --quiet --target "$TARGET" \
        --lib --test shared_drive --no-run --message-format=json)
    while read -r executable; do
        case "$executable" in
            */deps/partnership_atlas-*) filters=(store:: platform::) ;;
            */deps/*) filters=() ;;
            *) continue ;; # the program itself, built for the tests to start
        esac
        wine_run "$executable" "${filters[@]}" --test-threads=1 >"$SMOKE/tests.txt" 2>&1 ||
            fail "Windows tests $(basename "$executable"): $(tail -30 "$SMOKE/tests.txt")"
        say "  $(basename "$executable"): $(grep '^test result:' "$SMOKE/tests.txt")"
    done < <(printf '%s\n' "$json" | grep -o '"executable":"[^"]*"' | cut -d'"' -f4)
}

# Export commands compared between the Linux and Windows builds, one an entry: "EXT|WORDS", the
# words after the program's name with REGISTER standing for the sample register and OUT for the
# file to write (OUT gets the extension EXT). Add each export command here as it lands, e.g.
# "svg|export structure REGISTER OUT". Text formats (svg, csv, json, dot, graphml, txt, md) must
# be the same bytes from both builds; other formats must be written by both.
# A "~" in a word stands for a space (view names have spaces).
EXPORT_COMMANDS=(
    "svg|export diagram REGISTER --view LSP~structure --out OUT --data-as-at 2026-11-25"
    "png|export diagram REGISTER --view LSP~structure --out OUT --dpi 150 --data-as-at 2026-11-25"
    "pdf|export diagram REGISTER --view Council~involvement --out OUT --data-as-at 2026-11-25"
    "dot|export graph REGISTER --view LSP~structure --out OUT"
    "json|export graph REGISTER --view LSP~structure --out OUT"
    "graphml|export graph REGISTER --view LSP~structure --out OUT"
    # Force-directed layouts (the membership network) use sin/cos/exp, which the Windows C
    # runtime and glibc round differently in the last bit; many iterations amplify it, so their
    # positions are compared for being written, not byte for byte.
    "png|export diagram REGISTER --view Membership~network --out OUT --dpi 150 --data-as-at 2026-11-25"
    "svg|export matrix REGISTER --out OUT --as-at 2026-11-25"
    "pdf|export matrix REGISTER --out OUT --as-at 2026-11-25"
    "csv|export overview REGISTER --out OUT --as-at 2026-11-25"
)

# Replaces REGISTER and OUT in WORDS, prints one argument a line.
export_arguments() {
    local words=$1 register=$2 out=$3 word
    for word in $words; do
        case "$word" in
            REGISTER) printf '%s\n' "$register" ;;
            OUT) printf '%s\n' "$out" ;;
            *) printf '%s\n' "${word//\~/ }" ;;
        esac
    done
}

compare_exports() {
    local dir=$SMOKE/files entry ext words n=0 linux_out windows_out
    local -a linux_args windows_args
    for entry in "${EXPORT_COMMANDS[@]}"; do
        n=$((n + 1))
        ext=${entry%%|*}
        words=${entry#*|}
        linux_out=$dir/export-$n-linux.$ext
        windows_out=$dir/export-$n-windows.$ext
        mapfile -t linux_args < <(export_arguments "$words" "$dir/linux.atlas" "$linux_out")
        mapfile -t windows_args < <(export_arguments "$words" "$(winpath "$dir/linux.atlas")" "$(winpath "$windows_out")")
        "$LINUX" "${linux_args[@]}" >/dev/null || fail "Linux: $words"
        wine_run "$EXE" "${windows_args[@]}" >/dev/null || fail "Windows: $words"
        [ -s "$linux_out" ] && [ -s "$windows_out" ] || fail "nothing written by: $words"
        case "$ext" in
            svg | csv | json | dot | graphml | txt | md)
                cmp "$linux_out" "$windows_out" || fail "$words: Windows and Linux bytes differ"
                ;;
        esac
    done
    say "  ${#EXPORT_COMMANDS[@]} export commands compared"
}

# `check` output with the register's path taken out: the rest must be the same bytes.
check_body() { sed -e '1s/^Register: .*$/Register: (path)/'; }

compare_cli() {
    local dir=$SMOKE/files welsh="$SMOKE/Polisi a Phartneriaethau/Cyngor Sir Ddinbych – Partneriaethau.atlas"
    say "sample, check and new: Windows (Wine) against Linux"

    "$LINUX" sample "$dir/linux.atlas" >"$dir/linux-sample.txt"
    wine_run "$EXE" sample "$(winpath "$dir/windows.atlas")" >"$dir/windows-sample.txt"
    sed -e "s|$dir/linux.atlas|REGISTER|" "$dir/linux-sample.txt" >"$dir/linux-sample.norm"
    sed -e 's|Z:.*\\windows.atlas|REGISTER|' "$dir/windows-sample.txt" >"$dir/windows-sample.norm"
    cmp "$dir/linux-sample.norm" "$dir/windows-sample.norm" ||
        fail "sample says different things: $(cat "$dir/linux-sample.txt") / $(cat "$dir/windows-sample.txt")"

    # Each binary checks both files: four reports, one body.
    "$LINUX" check "$dir/linux.atlas" | check_body >"$dir/check-linux-linux.txt"
    "$LINUX" check "$dir/windows.atlas" | check_body >"$dir/check-linux-windows.txt"
    wine_run "$EXE" check "$(winpath "$dir/linux.atlas")" | check_body >"$dir/check-windows-linux.txt"
    wine_run "$EXE" check "$(winpath "$dir/windows.atlas")" | check_body >"$dir/check-windows-windows.txt"
    for report in linux-windows windows-linux windows-windows; do
        cmp "$dir/check-linux-linux.txt" "$dir/check-$report.txt" ||
            fail "check counts differ ($report): $(diff "$dir/check-linux-linux.txt" "$dir/check-$report.txt")"
    done
    grep -q '^Integrity: ok$' "$dir/check-windows-windows.txt" || fail "integrity under Wine"
    grep -q '^Partnerships*: [1-9]' "$dir/check-windows-windows.txt" || fail "no partnerships in the sample"

    # A drive-letter path with spaces and Welsh letters, made under Wine, checked by both.
    wine_run "$EXE" new "$(winpath "$welsh")" --council "Cyngor Sir Ddinbych" >"$dir/windows-new.txt"
    grep -qF "Cyngor Sir Ddinbych – Partneriaethau.atlas" "$dir/windows-new.txt" ||
        fail "new did not name the file: $(cat "$dir/windows-new.txt")"
    [ -f "$welsh" ] || fail "new made no file at the Welsh path"
    wine_run "$EXE" check "$(winpath "$welsh")" >"$dir/check-welsh-windows.txt"
    head -1 "$dir/check-welsh-windows.txt" | grep -qF "$(winpath "$welsh")" ||
        fail "check did not show the path unchanged: $(head -1 "$dir/check-welsh-windows.txt")"
    "$LINUX" check "$welsh" | check_body >"$dir/check-welsh-linux.txt"
    check_body <"$dir/check-welsh-windows.txt" | cmp - "$dir/check-welsh-linux.txt" ||
        fail "check of the Welsh register differs"

    # Nothing left beside the registers once closed (no -wal, -shm or owner note).
    local leftovers
    leftovers=$(find "$dir" "$SMOKE/Polisi a Phartneriaethau" -name '*-wal' -o -name '*-shm' -o -name '~$*')
    [ -z "$leftovers" ] || fail "files left beside the registers: $leftovers"
    say "  same output, same counts ($(grep -c ': ' "$dir/check-linux-linux.txt") lines of check)"
}

# Two programs on one register, both under Wine: the holder edits; the second is told who holds
# it; the holder is killed (TerminateProcess: no clean-up, like a crash); the register opens
# again and every edit the holder reported as committed is there.
two_programs() {
    local dir=$SMOKE/files register=$SMOKE/files/shared.atlas holder_pid out=$SMOKE/files/holder.txt
    say "two programs on one register (Wine)"
    "$LINUX" sample "$register" >/dev/null
    wine_run "$EXE" stress-edits "$(winpath "$register")" --count 100000000 >"$out" 2>&1 &
    holder_pid=$!
    for _ in $(seq 1 300); do
        grep -q '^committed 20$' "$out" 2>/dev/null && break
        sleep 0.1
    done
    grep -q '^committed 20$' "$out" || fail "the holder did not start editing: $(cat "$out")"
    [ -f "$dir/~\$shared.atlas.owner" ] || fail "no owner note beside the held register"

    # A reader (check, the exports, a read-only window) reads a consistent copy while the
    # holder keeps committing, and says who holds it; a second writer is refused, told who.
    # Under Wine the holder's commits can keep changing the file through every try; then the
    # reader is refused, and must still be told who holds the register.
    local checked refused
    if checked=$(wine_run "$EXE" check "$(winpath "$register")" 2>&1); then
        echo "$checked" | grep -q "^Open by: .* on .* since .*consistent copy" ||
            fail "check did not say who holds the register: $checked"
        grep -q '^Integrity: ok' <<<"$checked" || fail "check of the held register: $checked"
        say "  check while held: $(grep '^Open by' <<<"$checked")"
    else
        echo "$checked" | grep -q "is open by .* on .* since " ||
            fail "check of a held register failed without naming the holder: $checked"
        say "  check while held, refused: $checked"
    fi
    if refused=$(wine_run "$EXE" stress-edits "$(winpath "$register")" --count 1 2>&1); then
        fail "a second writer wrote to a held register"
    fi
    echo "$refused" | grep -q "is open by .* on .* since " ||
        fail "the second writer was not told who holds it: $refused"
    say "  second writer: $refused"

    wine_run C:\\windows\\system32\\taskkill.exe /F /IM partnership-atlas.exe >/dev/null 2>&1 || true
    wait "$holder_pid" 2>/dev/null || true
    local last entries
    last=$(grep '^committed ' "$out" | tail -1 | cut -d' ' -f2)
    [ -n "$last" ] || fail "the holder reported no committed edit"
    [ -f "$dir/~\$shared.atlas.owner" ] || fail "the killed holder's note should be left behind"

    wine_run "$EXE" check "$(winpath "$register")" >"$dir/after-kill.txt" ||
        fail "the register did not open after its holder was killed"
    grep -q '^Integrity: ok$' "$dir/after-kill.txt" || fail "integrity after the kill"
    entries=$(sed -n 's/^Audit log entries: //p' "$dir/after-kill.txt")
    # Creating the sample, adding the test partnership, then one entry per rename.
    local sample_entries
    sample_entries=$("$LINUX" check "$dir/linux.atlas" | sed -n 's/^Audit log entries: //p')
    [ "$entries" -ge $((sample_entries + 1 + last)) ] ||
        fail "edits lost: the holder reported $last committed, the audit log has $entries entries"

    # The next editor takes the stale note over and leaves no note when it closes.
    wine_run "$EXE" stress-edits "$(winpath "$register")" --count 1 >/dev/null ||
        fail "the register could not be edited after its holder was killed"
    [ ! -e "$dir/~\$shared.atlas.owner" ] || fail "the stale note was not taken over and removed"
    say "  holder killed after reporting $last committed edits; all there ($entries audit entries), stale note taken over"
}

# The window under Xvfb, from the window-only program (no console; what the Start menu opens):
# it must start on the register and stay up; a screenshot is kept.
gui() {
    local display=:$((90 + RANDOM % 9)) xvfb_pid gui_pid shot=$SMOKE/wine-window.png
    say "the window under Xvfb (display $display)"
    Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    sleep 2
    DISPLAY=$display wine_run "$WINDOW" "$(winpath "$SMOKE/files/windows.atlas")" >"$SMOKE/gui.txt" 2>&1 &
    gui_pid=$!
    sleep "${GUI_SECONDS:-12}"
    if ! kill -0 "$gui_pid" 2>/dev/null; then
        kill "$xvfb_pid" 2>/dev/null || true
        fail "the window closed by itself: $(cat "$SMOKE/gui.txt")"
    fi
    DISPLAY=$display import -window root "$shot"
    [ -f "$SMOKE/files/~\$windows.atlas.owner" ] || fail "the window holds the register without an owner note"

    # A second window on the same register: it must stay up and say who holds it (screenshot).
    local second_pid second_shot=$SMOKE/wine-second-window.png
    DISPLAY=$display wine_run "$WINDOW" "$(winpath "$SMOKE/files/windows.atlas")" >"$SMOKE/gui-second.txt" 2>&1 &
    second_pid=$!
    sleep "${GUI_SECONDS:-12}"
    kill -0 "$second_pid" 2>/dev/null || fail "the second window closed by itself: $(cat "$SMOKE/gui-second.txt")"
    DISPLAY=$display import -window root "$second_shot"

    DISPLAY=$display wine_run C:\\windows\\system32\\taskkill.exe /F /IM "Partnership Atlas.exe" >/dev/null 2>&1 || true
    wait "$gui_pid" "$second_pid" 2>/dev/null || true
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
    say "  stayed up ${GUI_SECONDS:-12} s; screenshots: $shot, $second_shot"
}

package() {
    install_tools
    build_windows release
    local version out stage zipfile
    version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
    out=$CARGO_TARGET_DIR/$TARGET/release
    stage=$(mktemp -d)
    mkdir -p "$stage/Partnership Atlas"
    x86_64-w64-mingw32-strip -o "$stage/Partnership Atlas/partnership-atlas.exe" "$WINDOWS_EXE"
    x86_64-w64-mingw32-strip -o "$stage/Partnership Atlas/Partnership Atlas.exe" "$WINDOW_EXE"
    if [ -f README.md ]; then
        # .txt: opens in Notepad on a managed desktop, where .md has no program.
        cp README.md "$stage/Partnership Atlas/README.txt"
    else
        say "warning: no README.md to put in the package"
    fi
    cp assets/icon.png "$stage/Partnership Atlas/partnership-atlas.png"
    # The licences of the fonts embedded in the program, when there are any.
    find assets -type f \( -iname '*licen[cs]e*' -o -iname 'OFL*' -o -iname 'COPYING*' \) |
        while read -r licence; do cp "$licence" "$stage/Partnership Atlas/"; done
    [ -f LICENSE ] && cp LICENSE "$stage/Partnership Atlas/LICENSE.txt"
    zipfile=$out/partnership-atlas-$version-windows-x64.zip
    rm -f "$zipfile"
    (cd "$stage" && zip -q -r -X "$zipfile" "Partnership Atlas")
    rm -rf "$stage"
    say "package: $zipfile ($(du -h "$zipfile" | cut -f1))"
    unzip -l "$zipfile"
}

case "$MODE" in
    --package)
        package
        ;;
    --build-only)
        install_tools
        build_windows debug
        ;;
    test)
        install_tools
        build_windows debug
        LINUX_EXE=$(build_program "Linux build (debug)" partnership-atlas)
        prepare_wine
        compare_cli
        compare_exports
        two_programs
        if [ "${WINDOWS_TESTS:-1}" = 1 ]; then windows_tests; fi
        if [ "${WINDOWS_GUI:-1}" = 1 ]; then gui; fi
        say "Windows checks passed"
        ;;
    *)
        fail "unknown option $MODE (use --package or --build-only)"
        ;;
esac

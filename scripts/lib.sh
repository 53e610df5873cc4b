# Shared by scripts/run and scripts/test: install what is missing, nothing more.
set -euo pipefail

# Debian packages the service and its tests need.
RUNTIME_PACKAGES=(ovn-central ovn-common openvswitch-common libsqlite3-dev libssl-dev pkg-config)
TEST_PACKAGES=(openssl curl wrk python3-pip)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "need root to run: $*" >&2; return 1; fi
}

# ensure_apt PKG...: installs the packages dpkg does not report as installed.
ensure_apt() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing Debian packages: ${missing[*]}" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ensure_pip REQUIREMENTS_FILE: installs Python test peers listed there when any is missing.
ensure_pip() {
    local file=$1
    [ -s "$file" ] || return 0
    if ! python3 - "$file" <<'PY' 2>/dev/null
import sys, importlib.metadata as md, re
for line in open(sys.argv[1]):
    name = re.split(r"[<>=!~ \[]", line.strip())[0]
    if name and not name.startswith("#"):
        md.version(name)
PY
    then
        echo "installing Python test tools from $file" >&2
        python3 -m pip install --quiet --disable-pip-version-check -r "$file"
    fi
}

ensure_swift() {
    command -v swift >/dev/null || { echo "the Swift toolchain (6.x) must be on PATH: https://www.swift.org/install/linux/" >&2; exit 1; }
}

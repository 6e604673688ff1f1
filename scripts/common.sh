# Shared by start.sh and test.sh (sourced, not run): the virtual environment in .venv.

# Python 3.11 or newer, as pyproject.toml requires.
python_for_venv() {
    local candidate
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 \
            && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "error: Python 3.11 or newer is needed (Debian: apt-get install python3)" >&2
    return 1
}

# Run a command as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "error: '$*' needs root and sudo is not available" >&2
        return 1
    fi
}

# Install Debian packages that are missing; apt-get only runs when something is.
apt_install_missing() {
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$package")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    echo "==> installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "${missing[@]}"
}

# Create .venv if needed and install a requirements file when it (or what it includes) changed.
ensure_venv() {
    local requirements="$1" python stamp digest
    if [ ! -x .venv/bin/python ]; then
        python="$(python_for_venv)"
        if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
            # Debian ships venv/ensurepip separately from python3.
            apt_install_missing python3-venv
        fi
        echo "==> creating .venv with $python"
        "$python" -m venv .venv
    fi
    stamp=".venv/.installed-$(basename "$requirements")"
    digest="$(cat requirements*.txt | sha256sum | cut -d' ' -f1)"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
        echo "==> installing $requirements into .venv"
        .venv/bin/python -m pip install -q --disable-pip-version-check -r "$requirements"
        echo "$digest" >"$stamp"
    fi
}

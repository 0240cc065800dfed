# Shared by scripts/run and scripts/test: make .venv if missing and install the project into it.
# Sourced, not executed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"

# Debian packages Qt's xcb/offscreen platform plugins load at run time.
QT_DEBS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 \
libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libnss3 libasound2 fonts-dejavu-core"

ensure_debs() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=""
  for p in $QT_DEBS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = "0" ]; then
    echo "Installerer Debian-pakker for Qt:$missing"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing) >/dev/null
  else
    echo "Qt trenger disse Debian-pakkene. Kjør som root:" >&2
    echo "  sudo apt-get install -y$missing" >&2
  fi
}

ensure_venv() {
  local stamp="$VENV/.installed"
  if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
  fi
  # Reinstall when pyproject.toml changed since the last install.
  if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e "$ROOT[test,dev,postgres]"
    touch "$stamp"
  fi
}

ensure_debs
ensure_venv

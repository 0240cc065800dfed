#!/bin/sh
# Install the one-folder app for the current user, without root:
#   packaging/linux/install-user.sh [dist/Nettverkslogg]
# Copies the app to ~/.local/opt/Nettverkslogg, links both programs into ~/.local/bin, and adds the
# menu entry and icon. The database stays in ~/.local/share/Nettverkslogg (never touched here).
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
SOURCE="${1:-$HERE/../../dist/Nettverkslogg}"
PREFIX="${XDG_DATA_HOME:-$HOME/.local/share}"
TARGET="$HOME/.local/opt/Nettverkslogg"
[ -x "$SOURCE/Nettverkslogg" ] || { echo "Fant ikke programmet i $SOURCE. Bygg det først med pyinstaller build.spec." >&2; exit 2; }
mkdir -p "$HOME/.local/opt" "$HOME/.local/bin" "$PREFIX/applications" "$PREFIX/icons/hicolor/256x256/apps"
rm -rf "$TARGET.new"
cp -R "$SOURCE" "$TARGET.new"
rm -rf "$TARGET"
mv "$TARGET.new" "$TARGET"
ln -sf "$TARGET/Nettverkslogg" "$HOME/.local/bin/Nettverkslogg"
ln -sf "$TARGET/nettverkslogg-cli" "$HOME/.local/bin/nettverkslogg-cli"
cp "$TARGET/_internal/resources/icons/nettverkslogg-256.png" "$PREFIX/icons/hicolor/256x256/apps/nettverkslogg.png"
sed -e "s|^Exec=.*|Exec=$TARGET/Nettverkslogg|" -e "s|^TryExec=.*|TryExec=$TARGET/Nettverkslogg|" \
  "$HERE/no.nettverkslogg.Nettverkslogg.desktop" > "$PREFIX/applications/no.nettverkslogg.Nettverkslogg.desktop"
echo "Nettverkslogg er installert i $TARGET."

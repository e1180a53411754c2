"""What the app remembers between runs: window layout, recent files, language.

Stored with QSettings in INI format. ``RATER_CONFIG_DIR`` moves the file into a
given folder so tests (and portable installs) never touch the real home
folder. Keys are constants here, so a typo cannot silently create a second
setting. A value set to what it already is changes nothing, so quitting without
having moved the window does not rewrite (and sync to disk) the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from ui.qt import QByteArray, QSettings

CONFIG_DIR_ENV = "RATER_CONFIG_DIR"
ORGANISATION = "rater-desktop"
APPLICATION = "rater-desktop"
MAX_RECENT = 10

KEY_GEOMETRY = "mainWindow/geometry"
KEY_STATE = "mainWindow/state"
KEY_RECENT = "files/recent"
KEY_LAST_OPEN = "files/lastOpen"
KEY_LANGUAGE = "ui/language"
KEY_FIRST_RUN_DONE = "ui/firstRunDone"


def open_settings() -> QSettings:
    """The app's settings store, honouring ``RATER_CONFIG_DIR``."""
    folder = os.environ.get(CONFIG_DIR_ENV)
    if folder:
        return QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


class Settings:
    """Typed access to the settings the main window uses."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else open_settings()

    def sync(self) -> None:
        """Write pending changes to disk (QSettings otherwise writes lazily)."""
        self._store.sync()

    # Window layout -------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        value = self._store.value(KEY_GEOMETRY)
        return value if isinstance(value, QByteArray) else None

    def state(self) -> QByteArray | None:
        value = self._store.value(KEY_STATE)
        return value if isinstance(value, QByteArray) else None

    def set_window_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self._put(KEY_GEOMETRY, geometry)
        self._put(KEY_STATE, state)

    def _put(self, key: str, value: object) -> None:
        if self._store.value(key) != value:
            self._store.setValue(key, value)

    # Recent files --------------------------------------------------------

    def recent_files(self) -> list[str]:
        """Most recently used first, at most ``MAX_RECENT``."""
        value = self._store.value(KEY_RECENT, [])
        # An INI file hands a one-element list back as a bare string.
        items = [value] if isinstance(value, str) else list(value or [])
        return [str(item) for item in items if item][:MAX_RECENT]

    def add_recent_file(self, path: str | Path) -> list[str]:
        """Put ``path`` first (once) and return the new list."""
        entry = str(Path(path).resolve())
        files = [entry] + [f for f in self.recent_files() if f != entry]
        return self._set_recent(files[:MAX_RECENT])

    def remove_recent_file(self, path: str | Path) -> list[str]:
        entry = str(Path(path).resolve())
        return self._set_recent([f for f in self.recent_files() if f != entry])

    def _set_recent(self, files: list[str]) -> list[str]:
        if files != self.recent_files():
            self._store.setValue(KEY_RECENT, files)
        return files

    def last_open_file(self) -> str | None:
        """The workbook that was open when the app last quit, if any."""
        value = self._store.value(KEY_LAST_OPEN, "")
        return str(value) or None

    def set_last_open_file(self, path: str | Path | None) -> None:
        self._put(KEY_LAST_OPEN, str(Path(path).resolve()) if path else "")

    # Language and first run ----------------------------------------------

    def language(self) -> str | None:
        """The language the user chose, or None if they never chose one."""
        value = self._store.value(KEY_LANGUAGE, "")
        return str(value) or None

    def set_language(self, code: str) -> None:
        self._put(KEY_LANGUAGE, code)

    def is_first_run(self) -> bool:
        """True until the user has opened any workbook once."""
        return not _as_bool(self._store.value(KEY_FIRST_RUN_DONE, False))

    def set_first_run_done(self) -> None:
        if self.is_first_run():
            self._store.setValue(KEY_FIRST_RUN_DONE, True)


def _as_bool(value: object) -> bool:
    # INI files store booleans as the text "true"/"false".
    if isinstance(value, str):
        return value.lower() == "true"
    return bool(value)

"""The one module the GUI imports Qt names from (as Anki's ``aqt.qt``).

Keeping every Qt import here means a binding or version change touches one
file, and a reader sees at a glance which parts of Qt the app relies on.

Every name is handed out on first use (PEP 562) rather than imported here:
PySide6 builds a class, with all of its enums, the first time it is touched,
from 0.1 ms (``QLabel``) to 3 ms (``QHeaderView``), and ``Qt`` (the namespace
of several hundred enums) costs 25–45 ms, a fifth of a bare window's start-up.
So the window's start-up pays only for the classes its first paint uses; the
tables, tabs and dialogs are built when a module that needs them is imported,
after the first paint. Names are listed explicitly rather than star-imported,
which would build every wrapped type.
"""

from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

_HOMES = {
    QtCore: (
        "QAbstractTableModel",
        "QByteArray",
        "QEvent",
        "QLocale",
        "QModelIndex",
        "QObject",
        "QPersistentModelIndex",
        "QRunnable",
        "QSettings",
        "QSize",
        "QThread",
        "QThreadPool",
        "QTimer",
        "QTranslator",
        "Qt",
        "Signal",
    ),
    QtGui: (
        "QAction",
        "QActionGroup",
        "QCloseEvent",
        "QFont",
        "QKeySequence",
        "QStandardItem",
        "QStandardItemModel",
    ),
    QtWidgets: (
        "QAbstractItemView",
        "QApplication",
        "QComboBox",
        "QFileDialog",
        "QHBoxLayout",
        "QHeaderView",
        "QInputDialog",
        "QLabel",
        "QListView",
        "QMainWindow",
        "QMenu",
        "QMessageBox",
        "QPushButton",
        "QStackedWidget",
        "QTabWidget",
        "QTableView",
        "QVBoxLayout",
        "QWidget",
    ),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = sorted(_HOME_OF)


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value  # built once; later look-ups are plain attribute reads
    return value

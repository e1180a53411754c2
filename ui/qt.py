"""The one module the GUI imports Qt names from (as Anki's ``aqt.qt``).

Keeping every Qt import here means a binding or version change touches one
file, and a reader sees at a glance which parts of Qt the app relies on. Names
are listed explicitly rather than star-imported: star-importing a PySide6
module forces every wrapped type to load, which costs start-up time.

``Qt`` (the namespace of enums) is the exception: PySide6 builds all of its
several hundred enums on first touch, 25–45 ms, a fifth of a bare window's
start-up. It is handed out on first use (PEP 562), so only modules that need it
pay, and those are imported after the first paint.  A few classes that are
slow to hand out and unused before the first paint (the dialogs) are lazy too
(``LAZY``): modules on the start-up path import them inside the functions that
use them.
"""

import importlib
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    QSettings,
    QSize,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFont, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

__all__ = [
    "QAbstractItemView",
    "QAbstractTableModel",
    "QAction",
    "QActionGroup",
    "QApplication",
    "QComboBox",
    "QByteArray",
    "QCloseEvent",
    "QEvent",
    "QFileDialog",
    "QFont",
    "QHBoxLayout",
    "QHeaderView",
    "QInputDialog",
    "QKeySequence",
    "QLabel",
    "QListView",
    "QMainWindow",
    "QMenu",
    "QMessageBox",
    "QModelIndex",
    "QObject",
    "QPersistentModelIndex",
    "QPushButton",
    "QRunnable",
    "QSettings",
    "QSize",
    "QStandardItem",
    "QStandardItemModel",
    "QStackedWidget",
    "QTabWidget",
    "QTableView",
    "QThread",
    "QThreadPool",
    "QTimer",
    "QVBoxLayout",
    "QWidget",
    "Qt",
    "Signal",
]


LAZY = {
    "Qt": "PySide6.QtCore",
    "QCloseEvent": "PySide6.QtGui",
    "QAbstractItemView": "PySide6.QtWidgets",
    "QFileDialog": "PySide6.QtWidgets",
    "QInputDialog": "PySide6.QtWidgets",
    "QMessageBox": "PySide6.QtWidgets",
}
"""names that cost 5–50 ms to hand out and are not needed before the window's first paint"""


def __getattr__(name: str) -> Any:
    if name in LAZY:
        return getattr(importlib.import_module(LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

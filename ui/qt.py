"""The one module the GUI imports Qt names from (as Anki's ``aqt.qt``).

Keeping every Qt import here means a binding or version change touches one
file, and a reader sees at a glance which parts of Qt the app relies on. Names
are listed explicitly rather than star-imported: star-importing a PySide6
module forces every wrapped type to load, which costs start-up time.

``Qt`` (the namespace of enums) is the exception: PySide6 builds all of its
several hundred enums on first touch, 25–45 ms, a fifth of a bare window's
start-up. It is handed out on first use (PEP 562), so only modules that need it
pay, and those are imported after the first paint.
"""

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
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
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


def __getattr__(name: str) -> Any:
    if name == "Qt":
        from PySide6.QtCore import Qt

        return Qt
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""The recent-files list as a Qt list model (welcome page).

Shows each workbook's file name, with the full path as a tooltip and in
``PATH_ROLE`` for whoever opens it.
"""

from __future__ import annotations

from pathlib import Path

from ui.qt import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class RecentFilesModel(QAbstractListModel):
    def __init__(self, paths: list[str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._paths: list[str] = list(paths or [])

    def set_paths(self, paths: list[str]) -> None:
        self.beginResetModel()
        self._paths = list(paths)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._paths)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._paths):
            return None
        path = self._paths[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return Path(path).name
        if role in (Qt.ItemDataRole.ToolTipRole, PATH_ROLE):
            return path
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

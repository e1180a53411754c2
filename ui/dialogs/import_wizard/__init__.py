"""File → Import customer survey…: the wizard, one module per page over one import session.

``wizard.py`` is the frame (pages in order, background work, mapping files);
``file_page``, ``columns_page``, ``scale_page`` and ``check_pages`` each read
and write the :class:`~rater_desktop.sessions.importing.ImportSession`, never
another page or the wizard's widgets.
"""

from ui.dialogs.import_wizard.wizard import ImportWizard

__all__ = ["ImportWizard"]

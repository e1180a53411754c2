"""Customer survey import (DESIGN §6): mapping, sources, presets, values, engine.

Importing this package is cheap: python-calamine, charset-normalizer and
tomli-w are only loaded when a file is actually read or a mapping written.
"""

from rater_desktop.importing.engine import ImportResult, cell_error_text, import_into, run_import
from rater_desktop.importing.errors import CellError, ImportCancelled, SurveyImportError
from rater_desktop.importing.mapping import (
    Mapping,
    ScaleSpec,
    SourceSpec,
    dump_mapping,
    load_mapping,
)
from rater_desktop.importing.presets import PRESETS, guess_preset, preset_source
from rater_desktop.importing.sources import Table, preview, read_table

__all__ = [
    "PRESETS", "CellError", "ImportCancelled", "ImportResult", "Mapping", "ScaleSpec",
    "SourceSpec", "SurveyImportError", "Table", "cell_error_text", "dump_mapping", "guess_preset", "import_into",
    "load_mapping", "preset_source", "preview", "read_table", "run_import",
]

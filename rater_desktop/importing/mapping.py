"""The import mapping (``MAP.toml``, DESIGN §6) as plain frozen records.

The wizard builds a :class:`Mapping`, the engine runs it, and the workbook
keeps its TOML text so a later survey of the same shape maps in one click.
Loading validates everything that can be checked without the survey file, so
a broken mapping is refused with one sentence before any row is read.
"""

from __future__ import annotations

import codecs
import difflib
import math
import tomllib
import unicodedata
from dataclasses import dataclass, field, fields
from pathlib import Path

from rater_desktop.i18n import _
from rater_desktop.importing.errors import SurveyImportError, import_error
from rater_desktop.model import DIMENSION_KEYS, LETTERS

SCALE_TYPES = ("numeric", "letters", "labels")
KPI_KEYS = ("nps", "csat", "fcr")
FORMATS = ("csv", "xlsx")
DELIMITERS = ("auto", ",", ";", "\t")
MAX_HEADER_ROWS = 3
MAX_MAPPING_CHARS = 200_000
"""Longest mapping accepted: what a workbook keeps of one (``storage.values.MAPPING_TEXT``)."""

SCALE_LIMIT = 1_000_000
"""The largest size of a scale's min or max: beyond it no questionnaire's points, and the points
formula (DESIGN §3) could overflow."""
LETTER_LABELS: tuple[str, ...] = LETTERS[::-1]
"""Letters worst first: their index is their points (A=4 ... F=0, DESIGN §3)."""


def fold_answer(text: str) -> str:
    """The form an answer is matched by: NFC, white space collapsed, case folded (" AGREE" = "Agree").

    Typed or edited answers drift in case and spacing; the import reads them
    as one answer, the suggestions count them as one label, and a mapping may
    not list one label twice in two spellings.
    """
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


@dataclass(frozen=True)
class SourceSpec:
    """How to read the file: the ``[source]`` table."""

    format: str | None = None
    """csv or xlsx; None = from the file name"""
    sheet: str | None = None
    """xlsx only; None = the first sheet"""
    encoding: str = "auto"
    delimiter: str = "auto"
    header_rows: int = 1
    """rows above the data (0-3)"""
    header_row: int = 1
    """which of the header rows names the columns (1-based)"""


@dataclass(frozen=True)
class ScaleSpec:
    """How answers become numbers: the ``[scale]`` table."""

    type: str = "numeric"
    min: float = 1
    max: float = 5
    labels: tuple[str, ...] = ()
    """ordered labels, worst first (type = labels)"""
    not_applicable: tuple[str, ...] = ()
    reverse: tuple[str, ...] = ()
    """column references scored the other way round"""
    confirmed: bool = True
    """False when the order of the labels or the range is a guess nobody has checked
    (``suggest`` writes it); such a mapping is not imported until a person confirms it"""

    @property
    def bounds(self) -> tuple[float, float]:
        """The scale ends in the numbers the engine computes with.

        Labels and letters are scored by their index (DESIGN §3), so their
        ends are 0 and k-1.
        """
        if self.type == "labels":
            return 0.0, float(len(self.labels) - 1)
        if self.type == "letters":
            return 0.0, float(len(LETTER_LABELS) - 1)
        return float(self.min), float(self.max)


@dataclass(frozen=True)
class Mapping:
    source: SourceSpec = field(default_factory=SourceSpec)
    scale: ScaleSpec = field(default_factory=ScaleSpec)
    dimensions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """dimension key -> column references (header text or "#N")"""
    expectations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """SERVQUAL expectation (desired service) items per dimension, same form"""
    minimum: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """minimum adequate service items per dimension (zone of tolerance), same form"""
    comments: tuple[str, ...] = ()
    """free-text columns kept as the customers' own words (``[comments] columns``)"""
    kpis: dict[str, str] = field(default_factory=dict)
    """nps / csat / fcr -> one column reference"""


def _fail(text: str, **params: object) -> SurveyImportError:
    return import_error("bad_mapping", text, **params)


def _nearest(key: object, known: tuple[str, ...]) -> str | None:
    """The known name a typo most likely meant ("headerrows" -> "header_rows")."""
    if not isinstance(key, str):
        return None
    folded = {name.replace("_", ""): name for name in known}
    close = difflib.get_close_matches(key.lower().replace("_", "").replace("-", ""), list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


def _refuse_unknown(table: dict, known: tuple[str, ...], part: str) -> None:
    """Refuse a setting the loader would otherwise ignore without a word (a typo is not a default)."""
    for key in table:
        if key in known:
            continue
        guess = _nearest(key, known)
        if guess is not None:
            raise _fail(_("The mapping's [{part}] has an unknown setting \"{key}\"; did you mean \"{guess}\"?"),
                        part=part, key=key, guess=guess)
        raise _fail(_("The mapping's [{part}] has an unknown setting \"{key}\"; it takes {known}."),
                    part=part, key=key, known=", ".join(known))


SOURCE_KEYS = tuple(f.name for f in fields(SourceSpec))
SCALE_KEYS = tuple(f.name for f in fields(ScaleSpec))
"""Settings of [source] and [scale]: the records' own field names, so a new field is known at once."""


def _table(data: dict, name: str) -> dict:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise _fail(_("The mapping's [{name}] part must be a table."), name=name)
    return value


def _int(table: dict, key: str, default: int, part: str) -> int:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(_("The mapping's {part}.{key} must be a whole number."), part=part, key=key)
    return value


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(_("The mapping's {where} must be a list of texts."), where=where)
    return tuple(value)


def _source(data: dict) -> SourceSpec:
    table = _table(data, "source")
    _refuse_unknown(table, SOURCE_KEYS, "source")
    fmt = table.get("format")
    if fmt is not None and fmt not in FORMATS:
        raise _fail(_("The mapping's source format \"{fmt}\" is not csv or xlsx."), fmt=fmt)
    delimiter = table.get("delimiter", "auto")
    if delimiter == "\\t" or delimiter == "tab":
        delimiter = "\t"
    if delimiter not in DELIMITERS:
        raise _fail(_("The mapping's delimiter \"{d}\" is not one of auto , ; or tab."), d=delimiter)
    header_rows = _int(table, "header_rows", 1, "source")
    header_row = _int(table, "header_row", 1 if header_rows else 0, "source")
    if not 0 <= header_rows <= MAX_HEADER_ROWS:
        raise _fail(_("The mapping says {n} header rows; 0 to 3 are supported."), n=header_rows)
    if header_rows and not 1 <= header_row <= header_rows:
        raise _fail(_("The mapping's header_row {row} is not one of the {n} header rows."),
                    row=header_row, n=header_rows)
    sheet = table.get("sheet")
    encoding = table.get("encoding", "auto")
    if not isinstance(encoding, str) or (sheet is not None and not isinstance(sheet, str)):
        raise _fail(_("The mapping's sheet and encoding must be texts."))
    _check_encoding(encoding)
    return SourceSpec(fmt, sheet, encoding, delimiter, header_rows, header_row if header_rows else 0)


def _check_encoding(encoding: str) -> None:
    """A codec Python knows that turns bytes into text ("base64" or "zlib" do not)."""
    if encoding == "auto":
        return
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise _fail(_("The mapping names an unknown encoding \"{enc}\"."), enc=encoding) from None
    if not getattr(info, "_is_text_encoding", True):
        raise _fail(_("The mapping's encoding \"{enc}\" is not a text encoding; use one such as utf-8 or cp1252."),
                    enc=encoding)


def _scale(data: dict) -> ScaleSpec:
    table = _table(data, "scale")
    _refuse_unknown(table, SCALE_KEYS, "scale")
    kind = table.get("type", "numeric")
    if kind not in SCALE_TYPES:
        raise _fail(_("The mapping's scale type \"{kind}\" is not numeric, letters or labels."),
                    kind=kind)
    low, high = table.get("min", 1), table.get("max", 5)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in (low, high)):
        raise _fail(_("The mapping's scale min and max must be numbers (not inf or nan)."))
    if max(abs(low), abs(high)) > SCALE_LIMIT:  # also: (5 - -1e308) * 4 points overflowed to inf
        raise _fail(_("The mapping's scale min and max are too far apart to count with; give the "
                      "questionnaire's lowest and highest points."))
    if kind == "numeric" and not low < high:
        raise _fail(_("The mapping's scale min {low} is not below its max {high}."),
                    low=low, high=high)
    labels = _strings(table.get("labels", []), "scale.labels")
    if kind == "labels":
        _refuse_repeated(labels)
        if len(labels) < 2:
            raise _fail(_("A labels scale needs at least two different labels, worst first."))
    confirmed = table.get("confirmed", True)
    if not isinstance(confirmed, bool):
        raise _fail(_("The mapping's scale.confirmed must be true or false."))
    scale = ScaleSpec(kind, low, high, labels,
                      _strings(table.get("not_applicable", []), "scale.not_applicable"),
                      _strings(table.get("reverse", []), "scale.reverse"), confirmed)
    _refuse_answers_as_no_answer(scale)
    return scale


def _refuse_answers_as_no_answer(scale: ScaleSpec) -> None:
    """A not-applicable code the scale also reads as an answer would silently turn every such answer
    into no answer ("Very satisfied" under both, or "5" on a 1–5 scale): refused, naming it."""
    from rater_desktop.importing.values import codes_read_as_answers  # values builds on this module

    clashes = codes_read_as_answers(scale)
    if clashes:
        raise _fail(_("“{answer}” is under not_applicable but is also an answer on the scale, so every "
                      "“{answer}” would count as no answer; keep it in one place."), answer=clashes[0])


def _refuse_repeated(labels: tuple[str, ...]) -> None:
    """A label given twice, also in another case or spacing (the import could not tell them apart)."""
    spellings: dict[str, list[str]] = {}
    for label in labels:
        spellings.setdefault(fold_answer(label), []).append(label)
    repeated = next((found for found in spellings.values() if len(found) > 1), None)
    if repeated is None:
        return
    if repeated[0] == repeated[1]:
        raise _fail(_("The scale's labels give “{label}” twice; give each label once, worst first."),
                    label=repeated[0])
    raise _fail(_("The scale's labels give one answer twice, as “{first}” and “{again}” (the import reads "
                  "them as the same); give each label once, worst first."), first=repeated[0], again=repeated[1])


def _columns(data: dict, name: str) -> dict[str, tuple[str, ...]]:
    result = {}
    for key, refs in _table(data, name).items():
        if key not in DIMENSION_KEYS:
            guess = _nearest(key, DIMENSION_KEYS)
            if guess is not None:
                raise _fail(_("\"{key}\" in [{name}] is not a RATER dimension; did you mean \"{guess}\"?"),
                            key=key, name=name, guess=guess)
            raise _fail(_("\"{key}\" in [{name}] is not a RATER dimension ({keys})."),
                        key=key, name=name, keys=", ".join(DIMENSION_KEYS))
        columns = _strings(refs, f"{name}.{key}")
        if columns:
            result[key] = columns
    return result


def _kpis(data: dict) -> dict[str, str]:
    table = _table(data, "kpis")
    _refuse_unknown(table, KPI_KEYS, "kpis")
    for key, ref in table.items():
        if not isinstance(ref, str) or not ref:
            raise _fail(_("The mapping's kpis.{key} must name one column."), key=key)
    return dict(table)


def _comments(data: dict) -> tuple[str, ...]:
    table = _table(data, "comments")
    _refuse_unknown(table, ("columns",), "comments")
    return _strings(table.get("columns", []), "comments.columns")


PARTS = ("source", "scale", "dimensions", "expectations", "minimum", "comments", "kpis")
"""The tables a mapping may have (DESIGN §6)."""


def mapping_from_dict(data: dict) -> Mapping:
    """Validate a parsed TOML document and build the mapping it describes."""
    unknown = sorted(str(part) for part in set(data) - set(PARTS))
    if unknown:
        guess = _nearest(unknown[0], PARTS)
        if guess is not None:
            raise _fail(_("The mapping has an unknown part [{part}]; did you mean [{guess}]?"),
                        part=unknown[0], guess=guess)
        raise _fail(_("The mapping has an unknown part [{part}]."), part=unknown[0])
    mapping = Mapping(_source(data), _scale(data), _columns(data, "dimensions"),
                      _columns(data, "expectations"), _columns(data, "minimum"),
                      _comments(data), _kpis(data))
    if not mapping.dimensions and not mapping.kpis:
        raise _fail(_("The mapping maps no column to a dimension or KPI."))
    scored = {ref for refs in (*mapping.dimensions.values(), *mapping.expectations.values(),
                               *mapping.minimum.values())
              for ref in refs}
    stray = [ref for ref in mapping.scale.reverse if ref not in scored]
    if stray:
        raise _fail(_("The reverse-coded column \"{ref}\" is not mapped to a dimension."),
                    ref=stray[0])
    if len(dump_mapping(mapping)) > MAX_MAPPING_CHARS:  # what the workbook will keep of it
        raise _fail(_("The mapping is longer than {limit} characters; a workbook cannot keep it."),
                    limit=MAX_MAPPING_CHARS)
    return mapping


def load_mapping(path_or_text: str | Path) -> Mapping:
    """Read a mapping from a file (a ``Path``, or a one-line ``str`` naming an
    existing file) or from TOML text.

    Files saved by Windows editors are accepted: UTF-8 with or without a BOM,
    UTF-16 with a BOM; anything else gets a sentence saying to save as UTF-8.
    """
    if isinstance(path_or_text, str) and _names_a_file(path_or_text):
        path_or_text = Path(path_or_text)
    text = _read_mapping_file(path_or_text) if isinstance(path_or_text, Path) else path_or_text
    text = text.removeprefix("\ufeff")
    if len(text) > MAX_MAPPING_CHARS:
        raise _fail(_("The mapping is longer than {limit} characters; a workbook cannot keep it."),
                    limit=MAX_MAPPING_CHARS)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(_("The mapping is not valid TOML: {why}."), why=str(exc)) from None
    except RecursionError:
        raise _fail(_("The mapping is nested too deeply to be read.")) from None
    return mapping_from_dict(data)


def _names_a_file(text: str) -> bool:
    if "\n" in text or "\x00" in text or len(text) > 4096:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # a name too long for the system, say
        return False


def _read_mapping_file(path: Path) -> str:
    if not path.is_file():  # a folder, a pipe or a device: reading a pipe would wait for ever
        raise _fail(_("The mapping file {file} does not exist or is not a file."), file=path.name)
    try:
        if path.stat().st_size > 4 * MAX_MAPPING_CHARS + 4:
            raise _fail(_("The mapping is longer than {limit} characters; a workbook cannot keep it."),
                        limit=MAX_MAPPING_CHARS)
        raw = path.read_bytes()
    except OSError as error:
        raise _fail(_("The mapping file {file} could not be read: {why}."), file=path.name,
                    why=error.strerror or str(error)) from None
    try:
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return raw.decode("utf-16")
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _fail(_("The mapping file {file} is not UTF-8 text; save it again choosing the UTF-8 encoding."),
                    file=path.name) from None


def mapping_to_dict(mapping: Mapping) -> dict:
    """The TOML document for a mapping; defaults that mean "unset" are left out."""
    src, scale = mapping.source, mapping.scale
    source = {"encoding": src.encoding, "delimiter": src.delimiter,
              "header_rows": src.header_rows, "header_row": src.header_row}
    if src.format:
        source["format"] = src.format
    if src.sheet:
        source["sheet"] = src.sheet
    scale_table: dict = {"type": scale.type}
    if scale.type == "numeric":
        scale_table.update(min=scale.min, max=scale.max)
    if scale.type == "labels":
        scale_table["labels"] = list(scale.labels)
    scale_table["not_applicable"] = list(scale.not_applicable)
    scale_table["reverse"] = list(scale.reverse)
    if not scale.confirmed:
        scale_table["confirmed"] = False
    doc = {"source": source, "scale": scale_table,
           "dimensions": {k: list(v) for k, v in mapping.dimensions.items()}}
    if mapping.expectations:
        doc["expectations"] = {k: list(v) for k, v in mapping.expectations.items()}
    if mapping.minimum:
        doc["minimum"] = {k: list(v) for k, v in mapping.minimum.items()}
    if mapping.comments:
        doc["comments"] = {"columns": list(mapping.comments)}
    if mapping.kpis:
        doc["kpis"] = dict(mapping.kpis)
    return doc


def dump_mapping(mapping: Mapping) -> str:
    """The mapping as TOML text that :func:`load_mapping` reads back unchanged."""
    import tomli_w

    return tomli_w.dumps(mapping_to_dict(mapping))

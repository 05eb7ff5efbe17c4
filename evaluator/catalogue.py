"""Criteria catalogues (``criteria/*.toml``): areas and criteria with bilingual texts, scales and sources.

A catalogue is checked on load; every problem names the file and the place (``areas[1].criteria[2].scale``).
File format (see README "File formats")::

    [catalogue]
    id = "beter-samenwerken"
    name = { nl = "...", en = "..." }
    version = "1.0"

    [[areas]]
    id = "A"
    name = { nl = "Soevereiniteit", en = "Sovereignty" }
    weight = 30

    [[areas.criteria]]
    id = "A1"
    name = { nl = "...", en = "..." }
    description = { nl = "...", en = "..." }
    framework = "EU CSF SOV-1"
    source = "https://..."
    weight = 20
    minimum = 1            # optional knock-out gate
    scale = { kind = "ordinal", levels = [ { value = 0, label = {...}, descriptor = {...} }, ... ] }
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import InputError
from .i18n import gettext, library_words
from .model import Area, Criterion, Evaluation, frozen_map
from .serial import Reader, criterion_from_data, ident


@dataclass(frozen=True)
class Catalogue:
    id: str
    name: dict[str, str]
    description: dict[str, str]
    version: str
    areas: tuple[Area, ...]
    criteria: tuple[Criterion, ...]
    weights: dict[str, float]  # default points: area id → points, criterion id → points within its area
    sources: tuple[str, ...] = ()
    path: str = ""

    def evaluation(self, title: str = "") -> Evaluation:
        """An empty evaluation on this catalogue's criteria with its default weights."""
        return Evaluation(
            title=title or self.name.get("nl") or self.id,
            catalogue=self.id,
            areas=self.areas,
            criteria=self.criteria,
            weights=frozen_map(self.weights),
        )


def read_toml(path: str | os.PathLike) -> dict[str, Any]:
    from .files import read_bytes

    raw = read_bytes(path)
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(gettext("not UTF-8 text (byte {start})").format(start=exc.start), path) from None
    except tomllib.TOMLDecodeError as exc:
        raise toml_error(exc, path) from None


def toml_error(exc: tomllib.TOMLDecodeError, path: str | os.PathLike | None) -> InputError:
    """The one line for broken TOML: where (line and column, in the user's language) and, in English, tomllib's
    own explanation."""
    text = str(exc)
    at = re.search(r"\s*\(at line (\d+), column (\d+)\)$", text)
    where = gettext("line {line}, column {column}").format(line=at[1], column=at[2]) if at else None
    detail = text[: at.start()] if at else text
    return InputError(library_words(gettext("not valid TOML: {detail}"), detail), path, where)


def parse_catalogue(data: dict[str, Any], file: str | None = None) -> Catalogue:
    top = Reader(data, "", file).allow("catalogue", "areas")
    head = Reader(top.get("catalogue", dict), "catalogue", file).allow(
        "id", "name", "description", "version", "sources"
    )
    areas: list[Area] = []
    criteria: list[Criterion] = []
    weights: dict[str, float] = {}
    seen: set[str] = set()
    area_list = top.get("areas", list)
    if not area_list:
        raise InputError(gettext("a catalogue needs at least one area"), file, "areas")
    for i, raw_area in enumerate(area_list):
        place = f"areas[{i}]"
        r = Reader(raw_area, place, file).allow("id", "name", "description", "weight", "criteria")
        area = Area(ident(r), r.text("name"), r.text("description", {}))
        if area.id in seen:
            raise r.fail("id", gettext("duplicate id {id!r}").format(id=area.id))
        seen.add(area.id)
        weight = r.get("weight", float, 1.0)
        if weight < 0:
            raise r.fail("weight", gettext("must not be negative"))
        areas.append(area)
        weights[area.id] = weight
        crit_list = r.get("criteria", list)
        if not crit_list:
            raise r.fail("criteria", gettext("an area needs at least one criterion"))
        for j, raw_crit in enumerate(crit_list):
            cplace = f"{place}.criteria[{j}]"
            cr = Reader(raw_crit, cplace, file)
            c = criterion_from_data({**raw_crit, "area": area.id}, cplace, file, extra=("weight",))
            if c.id in seen:
                raise cr.fail("id", gettext("duplicate id {id!r}").format(id=c.id))
            seen.add(c.id)
            _bilingual(cr, "name", c.name)
            _bilingual(cr, "description", c.description)
            for k, lv in enumerate(c.scale.levels):
                _bilingual(cr, f"scale.levels[{k}].label", lv.label)
                _bilingual(cr, f"scale.levels[{k}].descriptor", lv.descriptor)
            cw = cr.get("weight", float, 1.0)
            if cw < 0:
                raise cr.fail("weight", gettext("must not be negative"))
            criteria.append(c)
            weights[c.id] = cw
    cat = Catalogue(
        id=ident(head),
        name=dict(head.text("name")),
        description=dict(head.text("description", {})),
        version=str(head.get("version", (str, int, float), "")),
        areas=tuple(areas),
        criteria=tuple(criteria),
        weights=weights,
        sources=tuple(head.get("sources", list, [])),
        path=file or "",
    )
    from .invariants import require

    require(cat.evaluation(), file)
    return cat


def _bilingual(r: Reader, key: str, value: object) -> None:
    """Catalogue texts are shown in both languages: refuse one that lacks Dutch or English."""
    for lang in ("nl", "en"):
        if not (isinstance(value, dict) and isinstance(value.get(lang), str) and value[lang].strip()):
            raise r.fail(
                key, gettext("needs a text in both Dutch and English (missing {lang})").format(lang=lang)
            )


def load_catalogue(path: str | os.PathLike) -> Catalogue:
    return parse_catalogue(read_toml(path), os.fspath(path))


def catalogue_dir() -> Path:
    return Path(str(resources.files("criteria")))


def available() -> dict[str, Path]:
    """Bundled catalogues by id (the file name without ``.toml``)."""
    return {p.stem: p for p in sorted(catalogue_dir().glob("*.toml"))}


def find(name: str) -> Catalogue:
    """A bundled catalogue by id, or a catalogue file by path."""
    cats = available()
    if name in cats:
        return load_catalogue(cats[name])
    p = Path(name)
    if p.suffix == ".toml" and p.exists():
        return load_catalogue(p)
    raise InputError(
        gettext("unknown catalogue {name!r}; bundled: {value}").format(
            name=name, value=", ".join(cats) or "none"
        )
    )


DEFAULT_CATALOGUE = (
    "beter-samenwerken-2026"  # new projects; files naming "beter-samenwerken" (1.0) still open
)

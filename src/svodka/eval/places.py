"""Scoring the geocoder against the place development set (``tests/data/places``).

Each line of ``dev.jsonl`` is one place mention in a NEREL or RuCoCo article, checked by
hand: its country and, for settlements and districts, coordinates. The scorer analyzes
every article with the full pipeline, finds the LOC entity that covers each mention, and
counts a mention right when the country matches and, for a settlement or district, the
place lies within 50 km of the expected point. Figures:

- ``accuracy`` — right among the mentions the pipeline geocoded (the geocoder's quality);
- ``found`` — the share of mentions the pipeline found as a LOC entity and geocoded;
- ``end_to_end`` — right among all mentions (a miss counts as wrong).

The NEREL check (``score_nerel_places``) leaves out the mentions that are not place
entities in the guide's sense (``../shared/gold/GUIDE.md``: a LOC entity is a name):
country adjectives («российской», «Китайская», «российско-» of «российско-американских»)
and places nested inside an organisation's name («России» in «Банк России»). How many
were left out, and why, is in ``PlaceScore.excluded``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from svodka.doc import Document, Entity, Place, Record
from svodka.errors import InputError
from svodka.eval.gold import PLACE_KM, place_km
from svodka.lang.morph import parse

POINT_KINDS = ("city", "district")
UNRESOLVED = "unresolved"  # the method of a LOC entity's explicit «no place»


@dataclass(slots=True)
class PlaceScore:
    mentions: int = 0
    found: int = 0
    right: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    by_kind: Counter = field(default_factory=Counter)  # kind → right among found
    excluded: Counter = field(default_factory=Counter)  # reason → mentions left out

    def figures(self) -> dict[str, float]:
        """accuracy, found and end_to_end, as shares."""
        return {
            "accuracy": self.right / self.found if self.found else 0.0,
            "found": self.found / self.mentions if self.mentions else 0.0,
            "end_to_end": self.right / self.mentions if self.mentions else 0.0,
        }


def load_mentions(path: Path) -> list[dict[str, Any]]:
    """The annotated mentions, one JSON object per line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def read_source(data: Path, mention: dict[str, Any]) -> str:
    """The article text a mention points into, checked against its SHA-256."""
    path = data / mention["source"]
    if not path.is_file():
        raise InputError(str(path), "the article of a place mention is missing")
    raw = path.read_bytes()
    if hashlib.sha256(raw).hexdigest() != mention["sha256"]:
        raise InputError(str(path), "the article has changed since it was annotated")
    with path.open(encoding="utf-8", newline="") as file:
        text = file.read()
    return json.loads(text)["text"] if path.suffix == ".json" else text


def score_places(
    mentions: list[dict[str, Any]],
    data: Path,
    analyze: Callable[[Iterable[Record]], Iterable[Document]],
) -> PlaceScore:
    """Analyze every article once and score each of its mentions."""
    sources = list(dict.fromkeys(m["source"] for m in mentions))
    texts = {s: read_source(data, next(m for m in mentions if m["source"] == s)) for s in sources}
    for mention in mentions:
        if texts[mention["source"]][mention["start"] : mention["stop"]] != mention["text"]:
            raise InputError(mention["source"], f"offsets of {mention['text']!r} do not match")
    docs = dict(zip(sources, analyze(Record(id=s, text=texts[s]) for s in sources), strict=True))
    score = PlaceScore()
    for mention in mentions:
        score_mention(mention, docs[mention["source"]], score)
    return score


def score_mention(mention: dict[str, Any], doc: Document, score: PlaceScore) -> None:
    score.mentions += 1
    entity = covering_entity(doc, mention["start"], mention["stop"])
    place = entity.place if entity else None
    if place is None or place.method == UNRESOLVED:
        score.errors.append({**mention, "got": None})
        return
    score.found += 1
    if is_right(mention, place):
        score.right += 1
        score.by_kind[mention["kind"]] += 1
    else:
        score.errors.append({**mention, "got": {"name": entity.name, **asdict(place)}})


def covering_entity(doc: Document, start: int, stop: int) -> Entity | None:
    """The LOC entity with a mention overlapping [start, stop), the longest overlap first."""
    best, overlap = None, 0
    for entity in doc.entities:
        if entity.type != "LOC":
            continue
        for m in entity.mentions:
            shared = min(stop, m.stop) - max(start, m.start)
            if shared > overlap:
                best, overlap = entity, shared
    return best


def is_right(mention: dict[str, Any], place: Place) -> bool:
    """The right country («» for a place across borders) and, for a point, within 50 km."""
    if (place.country or "") != (mention["country"] or ""):
        return False
    if mention["kind"] in POINT_KINDS and mention.get("lat") is not None:
        return place.lat is not None and place_km(place, mention) <= PLACE_KM
    return True


#: NEREL entity types that name a place on the map.
NEREL_PLACES = ("COUNTRY", "CITY", "STATE_OR_PROVINCE", "DISTRICT", "LOCATION")
#: NEREL entity types whose names hold no place entity of their own («Банк России»).
NEREL_OWNERS = ("ORGANIZATION",)
#: Parts of speech of a one-word mention that is an adjective, not a name.
ADJECTIVES = ("ADJF", "ADJS")


def nerel_country_mentions(
    folder: Path, country_of: Callable[[str], str | None], excluded: Counter | None = None
) -> list[dict[str, Any]]:
    """Place mentions of NEREL documents whose country the annotation itself states.

    A mention counts when its entity carries a Wikidata link and either is a COUNTRY
    (its Wikidata label gives the country, through ``country_of``) or is LOCATED_IN,
    directly or through other places, a linked COUNTRY. Mentions are scored by country
    alone (``kind`` «linked»), in the format of ``tests/data/places/dev.jsonl``. Linked
    mentions that are no place entity in the guide's sense (``not_a_place``) are left
    out and counted by reason in ``excluded``.
    """
    mentions = []
    for path in sorted(folder.glob("*.ann")):
        text_path = path.with_suffix(".txt")
        spans, labels, inside, owners = read_brat(path.read_text(encoding="utf-8"))
        raw = text_path.read_bytes()
        text = raw.decode("utf-8")
        for tid, (kind, start, stop, name) in spans.items():
            country = linked_country(tid, spans, labels, inside, country_of)
            if tid not in labels or not country:
                continue
            reason = not_a_place(text, start, stop, owners)
            if reason:
                if excluded is not None:
                    excluded[reason] += 1
                continue
            mentions.append(
                {
                    "source": f"{folder.name}/{text_path.name}",
                    "sha256": hashlib.sha256(raw).hexdigest(),
                    "start": start,
                    "stop": stop,
                    "text": name,
                    "country": country,
                    "kind": "linked",
                    "nerel": kind,
                }
            )
    return mentions


def not_a_place(text: str, start: int, stop: int, owners: list[tuple[int, int]]) -> str:
    """Why a NEREL place mention is no place entity of the guide, else «»: «organisation»
    for a name inside an organisation's name («России» in «Банк России»), «adjective» for
    a one-word adjective («российской», «Китайская») or the first part of a compound one
    («российско» in «российско-американских»)."""
    if any(o_start <= start and stop <= o_stop for o_start, o_stop in owners):
        return "organisation"
    word = text[start:stop].strip("«»\"„“”' ")
    if " " in word or not word:
        return ""
    if parse(word.lower())[0].tag.POS in ADJECTIVES:
        return "adjective"
    if word[:1].islower() and text[stop : stop + 1] == "-":
        return "adjective"
    return ""


def read_brat(ann: str) -> tuple[dict, dict, dict, list[tuple[int, int]]]:
    """Place spans (id → type, start, stop, text), Wikidata labels, LOCATED_IN pairs, and
    the bounds of the organisations' spans."""
    spans, labels, inside, owners = {}, {}, {}, []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) == 3:
            kind, _, offsets = fields[1].partition(" ")
            if ";" in offsets:
                continue
            start, stop = (int(x) for x in offsets.split())
            if kind in NEREL_PLACES:
                spans[fields[0]] = (kind, start, stop, fields[2])
            elif kind in NEREL_OWNERS:
                owners.append((start, stop))
        elif line.startswith("N") and len(fields) == 3 and "Wikidata:Q" in fields[1]:
            labels[fields[1].split()[1]] = fields[2]
        elif line.startswith("R") and fields[1].startswith("LOCATED_IN"):
            arg1, arg2 = (a.split(":")[1] for a in fields[1].split()[1:3])
            inside.setdefault(arg1, arg2)
    return spans, labels, inside, owners


def linked_country(
    tid: str, spans: dict, labels: dict, inside: dict, country_of: Callable[[str], str | None]
) -> str | None:
    """The country a mention's annotation states: its own label, or a container's."""
    seen = set()
    while tid in spans and tid not in seen:
        seen.add(tid)
        if spans[tid][0] == "COUNTRY" and tid in labels:
            return country_of(labels[tid])
        tid = inside.get(tid, "")
    return None


def score_nerel_places(
    folder: Path,
    analyze: Callable[[Iterable[Record]], Iterable[Document]],
    country_of: Callable[[str], str | None],
) -> PlaceScore:
    """Country of the Wikidata-linked place mentions of a NEREL split (see
    ``nerel_country_mentions``): ``found`` is the coverage, ``accuracy`` the right
    country among the mentions given a place, ``excluded`` the mentions left out."""
    excluded: Counter = Counter()
    mentions = nerel_country_mentions(folder, country_of, excluded)
    score = score_places(mentions, folder.parent, analyze)
    score.excluded = excluded
    return score

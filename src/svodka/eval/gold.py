"""Scoring by the annotation guide (``../shared/gold/GUIDE.md``): every layer, matched by
canonical strings and values, never by offsets.

Both gold sets use the guide's format (``docs/gold.md``): svodka's own
(``tests/data/gold``, looked at while the rules were written) and the shared one
(``../shared/gold/articles``, annotated by others). The matching is the guide scorer's
(``../shared/gold/score.py``), so the figures agree with it: entities, quotes, quote
attribution, amounts and dates are F1; coreference, roles and places are recall over the
gold items, and so is events: a gold event is found when a predicted one has its type
and names all its actors (:data:`svodka.eval.matching.RECALL_LAYERS`).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from svodka.doc import Document, Place, Record
from svodka.errors import InputError
from svodka.eval.events import score_events
from svodka.eval.matching import GoldScore, norm, squash, stems
from svodka.schema import to_dict

#: A place is right when it lies this close to the gold point; countries and regions
#: have no gold point and are scored by country alone.
PLACE_KM = 50.0
SCORED_TYPES = ("PER", "ORG", "LOC")


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    published: date | None
    annotation: dict[str, Any]


def load_gold(folder: Path, root: Path) -> list[GoldArticle]:
    """Every gold article in ``folder``; ``root`` holds the texts its ``doc`` paths name."""
    return [load_article(path, root) for path in sorted(folder.glob("*.json"))]


def load_article(path: Path, root: Path) -> GoldArticle:
    """One gold file and its text; InputError when the text is missing or has changed."""
    annotation = json.loads(path.read_text(encoding="utf-8"))
    source = root / annotation["doc"]
    if not source.is_file():
        raise InputError(str(path), f"{annotation['doc']} not found in {root}")
    raw = source.read_text(encoding="utf-8")
    text = json.loads(raw)["text"] if source.suffix == ".json" else raw
    digest = annotation.get("sha256")
    if digest and hashlib.sha256(text.encode("utf-8")).hexdigest() != digest:
        raise InputError(str(path), f"the text of {annotation['doc']} has changed")
    published = annotation.get("published")
    return GoldArticle(
        id=path.stem,
        text=text,
        published=date.fromisoformat(published) if published else None,
        annotation=annotation,
    )


def score_gold(
    articles: list[GoldArticle],
    analyze: Callable[[Iterable[Record]], Iterable[Document]],
    *,
    show: bool = False,
) -> GoldScore:
    """Analyze every article and score each layer against its annotation; ``show`` keeps
    a line for every miss."""
    records = [Record(id=a.id, text=a.text, published=a.published) for a in articles]
    score = GoldScore(articles=len(articles), misses=[] if show else None)
    for article, doc in zip(articles, analyze(records), strict=True):
        score_article(article.annotation, to_dict(doc), score, article.id)
    return score


def score_article(
    gold: dict[str, Any], pred: dict[str, Any], score: GoldScore, name: str = ""
) -> None:
    """Add one article's counts to every layer; ``pred`` is svodka's JSON output."""
    entities = pred.get("entities") or []
    names = {e.get("id"): norm(e.get("name")) for e in entities}
    score_entities(gold, entities, score, name)
    score_coref(gold, entities, score, name)
    score_roles(gold, entities, names, score, name)
    score_quotes(gold, pred.get("quotes") or [], names, score, name)
    score_amounts(gold, list(pred.get("amounts") or []), score, name)
    score_dates(gold, list(pred.get("dates") or []), score, name)
    score_places(gold, entities, score, name)
    score_events(gold, list(pred.get("events") or []), names, score, name)


def find_entity(entities: list[dict], name: str) -> dict:
    return next((e for e in entities if norm(e.get("name")) == norm(name)), {})


def score_entities(gold: dict, entities: list[dict], score: GoldScore, name: str) -> None:
    """Canonical name + type; names the guide marks optional are neither right nor wrong,
    and a right name with the wrong type is a false positive only."""
    annotated = gold.get("entities", [])
    optional = {norm(g["name"]) for g in annotated if g.get("optional")}
    required = {(g["type"], norm(g["name"])) for g in annotated if not g.get("optional")}
    required_names = {n for _, n in required}
    predicted = {
        (e.get("type"), norm(e.get("name"))) for e in entities if e.get("type") in SCORED_TYPES
    }
    extra = {p for p in predicted - required if p[1] in required_names or p[1] not in optional}
    score.layer("entities").count(len(required & predicted), len(extra), len(required - predicted))
    for item in sorted(required - predicted):
        score.miss(name, f"missed entity {item}")
    for item in sorted(p for p in extra if p[1] not in required_names):
        score.miss(name, f"extra entity {item}")


def score_coref(gold: dict, entities: list[dict], score: GoldScore, name: str) -> None:
    """Every gold mention must be a mention of the entity with the gold canonical name."""
    for g in gold.get("entities", []):
        if g.get("optional"):
            continue
        got = {norm(m.get("text")) for m in find_entity(entities, g["name"]).get("mentions", [])}
        for mention in g.get("mentions", []):
            found = norm(mention) in got
            score.layer("coref").count(tp=int(found), fn=int(not found))
            if not found:
                score.miss(name, f"mention {mention!r} not under {g['name']!r}")


def score_roles(gold: dict, entities: list[dict], names: dict, score: GoldScore, name: str) -> None:
    """A gold role is found when its person has a role whose title head matches (its other
    words may sit in the title or the organisation) and whose organisation matches."""
    for role in gold.get("roles", []):
        said = find_entity(entities, role["person"]).get("roles") or []
        found = any(role_matches(role, r, names) for r in said)
        score.layer("roles").count(tp=int(found), fn=int(not found))
        if not found:
            score.miss(name, f"missed role {role}")


def role_matches(gold: dict, role: dict, names: dict) -> bool:
    of = names.get(role.get("of")) or norm(role.get("of_name"))
    said = stems(role.get("title")) + stems(role.get("of_name")) + stems(of)
    want = stems(gold["title"])
    title_ok = norm(gold["title"]) in norm(role.get("title")) or (
        bool(want) and stems(role.get("title"))[:1] == want[:1] and set(want) <= set(said)
    )
    gold_of = norm(gold.get("of"))
    of_ok = (
        gold.get("of") is None
        or gold_of == of
        or bool(of and (gold_of in of or of in gold_of))
        or bool(stems(gold["of"]) and set(stems(gold["of"])) <= set(said))
    )
    return title_ok and of_ok


def score_quotes(gold: dict, quotes: list[dict], names: dict, score: GoldScore, name: str) -> None:
    """A gold quote is found by a predicted one that contains its first and last words;
    its speaker is right by canonical name or surname. A report by an outlet alone
    (``source``) that claims no gold quote is neither right nor wrong."""
    used: set[int] = set()
    for q in gold.get("quotes", []):
        hit = find_quote(q, quotes, used)
        if hit is None:
            score.layer("quotes").count(fn=1)
            score.layer("quotes_attributed").count(fn=1)
            score.miss(name, f"missed quote {q.get('speaker')} | {q['begins']}")
            continue
        used.add(hit)
        score.layer("quotes").count(tp=1)
        speaker = names.get(quotes[hit].get("speaker")) or norm(quotes[hit].get("speaker_name"))
        right = same_speaker(speaker, norm(q.get("speaker")))
        score.layer("quotes_attributed").count(tp=int(right), fn=int(not right))
        if not right:
            score.miss(name, f"wrong speaker {speaker!r} for {q.get('speaker')!r}")
    extra = sum(1 for i, p in enumerate(quotes) if i not in used and not p.get("source"))
    score.layer("quotes").count(fp=extra)
    score.layer("quotes_attributed").count(fp=extra)


def find_quote(gold: dict, quotes: list[dict], used: set[int]) -> int | None:
    begins, ends = squash(gold["begins"]), squash(gold["ends"])
    for i, p in enumerate(quotes):
        body = squash(p.get("text"))
        if i not in used and begins in body and ends in body:
            return i
    return None


def same_speaker(said: str, want: str) -> bool:
    """The same canonical name, or the same last word (a surname) when both are given."""
    return said == want or bool(said and want and said.split()[-1] == want.split()[-1])


def score_amounts(gold: dict, predicted: list[dict], score: GoldScore, name: str) -> None:
    """By value (a range by its midpoint too) and currency; a count must have no currency."""
    for amount in gold.get("amounts", []):
        hit = next((i for i, p in enumerate(predicted) if amount_matches(amount, p)), None)
        if hit is None:
            score.layer("amounts").count(fn=1)
            score.miss(name, f"missed amount {amount}")
        else:
            predicted.pop(hit)
            score.layer("amounts").count(tp=1)
    score.layer("amounts").count(fp=len(predicted))
    for p in predicted:
        score.miss(name, f"extra amount {p.get('text')} {p.get('value')} {p.get('unit')}")


def amount_matches(gold: dict, amount: dict) -> bool:
    want = float(gold["value"])
    said = (number(amount.get("value")), midpoint(amount.get("range")))
    close = (abs(v - want) <= 1e-6 * max(1.0, abs(want)) for v in said if v is not None)
    if not any(close):
        return False
    gold_unit, unit = gold.get("unit"), amount.get("unit")
    return unit == gold_unit if is_unit(gold_unit) else not is_unit(unit)


def is_unit(unit: Any) -> bool:
    """A currency code or "%": what an amount must agree on."""
    return unit is not None and (unit == "%" or (len(str(unit)) == 3 and str(unit).isupper()))


def number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def midpoint(bounds: Any) -> float | None:
    if isinstance(bounds, list | tuple) and len(bounds) == 2:
        low, high = number(bounds[0]), number(bounds[1])
        if low is not None and high is not None:
            return (low + high) / 2
    return None


def score_dates(gold: dict, predicted: list[dict], score: GoldScore, name: str) -> None:
    """By resolved value, with one text inside the other."""
    for d in gold.get("dates", []):
        want = norm(d["text"])
        hit = next(
            (
                i
                for i, p in enumerate(predicted)
                if str(p.get("value")) == d["value"]
                and (want in norm(p.get("text")) or norm(p.get("text")) in want)
            ),
            None,
        )
        if hit is None:
            score.layer("dates").count(fn=1)
            score.miss(name, f"missed date {d}")
        else:
            predicted.pop(hit)
            score.layer("dates").count(tp=1)
    score.layer("dates").count(fp=len(predicted))


def score_places(gold: dict, entities: list[dict], score: GoldScore, name: str) -> None:
    """The right country, and within PLACE_KM where the gold gives a point."""
    optional = {norm(g["name"]) for g in gold.get("entities", []) if g.get("optional")}
    for g in gold.get("places", []):
        if norm(g["name"]) in optional:
            continue
        place = find_entity(entities, g["name"]).get("place") or {}
        right = str(place.get("country", "")).upper() == g["country"]
        if right and "lat" in g and place.get("lat") is not None:
            right = km(place["lat"], place["lon"], g["lat"], g["lon"]) <= PLACE_KM
        score.layer("places").count(tp=int(right), fn=int(not right))
        if not right:
            score.miss(name, f"wrong place {g['name']} {place}")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def place_km(place: Place, point: dict) -> float:
    """Distance from a geocoded place to a gold ``{lat, lon}`` point."""
    return km(place.lat, place.lon, point["lat"], point["lon"])

"""Roles against NEREL v1.1's WORKS_AS (PERSON → PROFESSION) and WORKPLACE relations.

NEREL dev was not looked at while the rules were written, so these figures are honest.

Referents. NEREL has no coreference chains, so mentions are grouped into referents by
their Wikidata link (``Q76`` joins «Барак Обама», «Обамы» and «Обама»); an unlinked
mention by the crude stem of its last word. A referent's spans are all its mentions of
the same NEREL type with the same key.

- gold pairs: one (person, title) per person referent and title head, from every
  ``WORKS_AS`` PERSON → PROFESSION relation;
- gold triples: the same (person, title) with the set of organisations the annotation
  ties to it — the profession's own ``WORKPLACE`` («президента США» → «США») when it has
  one, else the person's ``WORKPLACE`` nearest to the profession mention in the text
  (a person with several titles and places gets each title paired with the closest one).
  Every WORKPLACE target counts (ORGANIZATION, COUNTRY, CITY …), as svodka's ``of``
  may be a place. A (person, title) with no organisation gives no triple;
- predicted: every role of every PER entity, one pair per (entity, title head), one
  triple per (entity, title head, organisation) when ``of`` or ``of_name`` is set.
  ``past`` is ignored: NEREL tags «экс-президента» as WORKS_AS too;
- a predicted entity is the gold person when one of its mentions overlaps one of the
  person referent's spans; titles match when their heads have the same crude stem; an
  organisation matches when its name shares a crude stem with any name of a gold
  organisation referent, or its entity has a mention overlapping one of their spans.
  Matching is one-to-one, greedy in text order.

Crude stem: a word (letters and inner hyphens) of at least 3 letters, lowercased, ё → е,
one case ending stripped (the longest of :data:`ENDINGS` that leaves 3 letters, so that
«мэр»/«мэра» and «глава»/«главой» meet), a fleeting vowel dropped («певец»/«певца»), then
its first 5 letters. A title's head is its first word of 3+ letters that pymorphy3 does
not parse first as an adjective, participle, numeral or function word and that is not in
:data:`MODIFIERS` («бывший», «врио» …), or an adjective or participle that agrees with no
word after it, being a noun in use («командующего войсками», «ведущий программы»);
«экс-» is dropped; a title with no such word takes its first word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from svodka.doc import Document
from svodka.eval.matching import Counts
from svodka.eval.nerel import BratSpan, NerelDoc
from svodka.lang.text import fold

Bounds = tuple[int, int]

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: Case endings, longest first: only one is stripped, so «президентами» → «президент».
ENDINGS = (
    *("ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими"),
    *("ой", "ей", "ою", "ею", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ый", "ий"),
    *("ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ым", "им", "ую", "юю"),
    *("а", "я", "о", "е", "у", "ю", "ы", "и", "ь", "й"),
)
#: Endings whose vowel drops when the word declines: «певец» → «певца», «посол» → «посла».
FLEETING = ("ец", "ок", "ол")
#: Parts of speech that never head a title («генерального директора» → директора).
NOT_HEADS = {"ADJF", "ADJS", "PRTF", "PRTS", "NUMR", "NPRO", "ADVB", "PREP", "CONJ", "PRCL"}
#: Words that qualify a title without being it («врио губернатора»).
MODIFIER_WORDS = ("бывший", "врио", "временно", "исполняющий", "обязанности", "старший")


@dataclass(frozen=True, slots=True)
class Referent:
    """A person or organisation: its key, every span it is mentioned at, and its stems."""

    key: str
    spans: tuple[Bounds, ...]
    stems: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class GoldRole:
    """A person's title (head stem) with the organisations the annotation ties to it."""

    person: Referent
    head: str
    orgs: tuple[Referent, ...] = ()
    title: Bounds = (0, 0)  # the first profession mention, for error listings


@dataclass(frozen=True, slots=True)
class PredictedRole:
    """One role of a PER entity: the entity's mention spans, title head and organisation."""

    person: tuple[Bounds, ...]
    head: str
    org: Referent | None = None


# ---------------------------------------------------------------- crude stems


def stem(word: str) -> str:
    """«Президента» → «прези», «мэра» → «мэр», «главой» → «глав», «певец» → «певц»."""
    word = fold(word)
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if word.endswith(FLEETING) and len(word) >= 4:
        word = word[:-2] + word[-1]  # the vowel that drops in the other cases: посол|посла
    return word[:5]


#: The stems of MODIFIER_WORDS.
MODIFIERS = frozenset(stem(word) for word in MODIFIER_WORDS)


def words(text: str) -> list[str]:
    """Words of 3+ letters, «экс-» dropped: «экс-президента США» → президента, США."""
    found = (w.lower().removeprefix("экс-") for w in WORD.findall(text))
    return [w for w in found if len(w) >= 3]


def stems(text: str) -> frozenset[str]:
    """The crude stems of a name's words."""
    return frozenset(stem(w) for w in words(text))


def title_head(title: str) -> str:
    """The stem of a title's head: «генерального директора компании» → «директ»; an
    adjective or participle that agrees with no word after it is the head itself:
    «командующего войсками округа» → «коман», «ведущий телеканала» → «ведущ»."""
    from svodka.lang.morph import parse

    candidates = words(title)
    for i, word in enumerate(candidates):
        after = candidates[i + 1] if i + 1 < len(candidates) else ""
        if stem(word) in MODIFIERS:
            continue
        pos = parse(word)[0].tag.POS
        if pos not in NOT_HEADS or (pos in AGREEING and not agrees(word, after)):
            return stem(word)
    return stem(candidates[0]) if candidates else ""


AGREEING = frozenset({"ADJF", "PRTF"})


def agrees(word: str, after: str) -> bool:
    """Whether ``word`` can modify ``after`` — they share a case and number — or ``after``
    is a Russian word the dictionary gives no case («вице»): then it is read as before."""
    from svodka.lang.morph import parse

    def forms(w: str, kinds: frozenset[str]) -> set[tuple[str, str]]:
        return {(p.tag.case, p.tag.number) for p in parse(w) if p.tag.POS in kinds and p.tag.case}

    if not after:
        return False
    theirs = forms(after, AGREEING | {"NOUN"})
    if not theirs:
        return bool(CYRILLIC.search(after))
    return bool(forms(word, AGREEING) & theirs)


CYRILLIC = re.compile(r"[а-яё]")


# ---------------------------------------------------------------- gold roles


def referent_key(doc: NerelDoc, span_id: str) -> str:
    """The Wikidata id of a mention, else ``name:`` and the stem of its last word."""
    link = doc.links.get(span_id, "")
    if link and link != "NULL":
        return link
    names = words(doc.spans[span_id].text)
    return f"name:{stem(names[-1])}" if names else f"id:{span_id}"


def referent(doc: NerelDoc, span_id: str) -> Referent:
    """Every mention of ``span_id``'s type sharing its referent key («Обамы», «Обама»)."""
    key, type_ = referent_key(doc, span_id), doc.spans[span_id].type
    ids = [
        i
        for i, s in doc.spans.items()
        if i == span_id or (s.type == type_ and referent_key(doc, i) == key)
    ]
    spans = tuple(sorted({(doc.spans[i].start, doc.spans[i].stop) for i in ids}))
    names = frozenset().union(*(stems(doc.spans[i].text) for i in ids))
    return Referent(key, spans, names)


def gold_roles(doc: NerelDoc) -> list[GoldRole]:
    """One GoldRole per (person referent, title head), with its organisations."""
    workplaces: dict[str, list[str]] = {}
    for kind, arg1, arg2 in doc.relations:
        if kind == "WORKPLACE" and arg1 in doc.spans and arg2 in doc.spans:
            workplaces.setdefault(arg1, []).append(arg2)
    roles: dict[tuple[str, str], GoldRole] = {}
    for kind, person_id, title_id in doc.relations:
        if kind != "WORKS_AS" or not is_person_title(doc, person_id, title_id):
            continue
        person = referent(doc, person_id)
        head = title_head(doc.spans[title_id].text)
        orgs = workplaces.get(title_id) or nearest_workplace(doc, person, title_id, workplaces)
        old = roles.get((person.key, head))
        known = old.orgs if old else ()
        found = tuple(referent(doc, i) for i in orgs)
        span = old.title if old else (doc.spans[title_id].start, doc.spans[title_id].stop)
        roles[person.key, head] = GoldRole(person, head, unique_referents(known + found), span)
    return list(roles.values())


def is_person_title(doc: NerelDoc, person_id: str, title_id: str) -> bool:
    """Whether a WORKS_AS relation links a PERSON to a PROFESSION, both present."""
    spans = doc.spans
    return (
        person_id in spans
        and title_id in spans
        and spans[person_id].type == "PERSON"
        and spans[title_id].type == "PROFESSION"
    )


def nearest_workplace(
    doc: NerelDoc, person: Referent, title_id: str, workplaces: dict[str, list[str]]
) -> list[str]:
    """The person's own WORKPLACE target closest to the title mention, as a list."""
    person_ids = [
        i for i, s in doc.spans.items() if s.type == "PERSON" and (s.start, s.stop) in person.spans
    ]
    targets = [t for i in person_ids for t in workplaces.get(i, [])]
    if not targets:
        return []
    title = doc.spans[title_id]
    return [min(targets, key=lambda t: (gap(doc.spans[t], title), doc.spans[t].start))]


def gap(a: BratSpan, b: BratSpan) -> int:
    """Characters between two spans; 0 when they touch or overlap."""
    return max(0, max(a.start, b.start) - min(a.stop, b.stop))


def unique_referents(referents: Iterable[Referent]) -> tuple[Referent, ...]:
    """One referent per key, in first-seen order."""
    return tuple({r.key: r for r in referents}.values())


# ---------------------------------------------------------------- predicted roles


def predicted_roles(doc: Document) -> list[PredictedRole]:
    """Every role of every PER entity, one per (entity, title head, organisation)."""
    found: dict[tuple, PredictedRole] = {}
    for entity in doc.entities:
        if entity.type != "PER":
            continue
        person = tuple((m.start, m.stop) for m in entity.mentions)
        for role in entity.roles:
            org = predicted_org(doc, role.of, role.of_name)
            head = title_head(role.title)
            key = (entity.id, head, org.stems if org else None)
            found.setdefault(key, PredictedRole(person, head, org))
    return list(found.values())


def predicted_org(doc: Document, of: str | None, of_name: str | None) -> Referent | None:
    """The organisation of a role: its entity's mentions and name stems, or its name."""
    entity = doc.entity(of) if of else None
    name = of_name or (entity.name if entity else "")
    if not name and entity is None:
        return None
    spans = tuple((m.start, m.stop) for m in entity.mentions) if entity else ()
    return Referent(of or "", spans, stems(name))


# ---------------------------------------------------------------- matching


def overlaps(a: Iterable[Bounds], b: Iterable[Bounds]) -> bool:
    """Whether any span of ``a`` overlaps any span of ``b``."""
    b = list(b)
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


def same_org(predicted: Referent, gold: Referent) -> bool:
    """Names share a crude stem, or the predicted entity is mentioned over a gold span."""
    return bool(predicted.stems & gold.stems) or overlaps(predicted.spans, gold.spans)


def count_roles(
    gold: list[GoldRole], predicted: list[PredictedRole], *, with_org: bool
) -> tuple[int, int, int]:
    """(matched, predicted, gold) for pairs, or for triples when ``with_org``."""
    gold, predicted, matched = match_roles(gold, predicted, with_org=with_org)
    return len(matched), len(predicted), len(gold)


def match_roles(
    gold: list[GoldRole], predicted: list[PredictedRole], *, with_org: bool
) -> tuple[list[GoldRole], list[PredictedRole], dict[int, int]]:
    """The gold and predicted roles that count, and the matches (gold index → predicted
    index), one-to-one, greedy in text order."""
    if with_org:
        gold = [g for g in gold if g.orgs]
        predicted = [p for p in predicted if p.org is not None]
    else:
        predicted = list({(p.person, p.head): p for p in predicted}.values())
    used: dict[int, int] = {}
    for j, p in enumerate(predicted):
        for i, g in enumerate(gold):
            if i not in used and role_matches(p, g, with_org=with_org):
                used[i] = j
                break
    return gold, predicted, used


def role_matches(p: PredictedRole, g: GoldRole, *, with_org: bool) -> bool:
    """Same head, overlapping person and, ``with_org``, one of the gold organisations."""
    if p.head != g.head or not overlaps(p.person, g.person.spans):
        return False
    return not with_org or any(same_org(p.org, o) for o in g.orgs if p.org is not None)


def score_roles(docs: list[NerelDoc], predicted: Iterable[Document]) -> dict[str, Counts]:
    """``title`` and ``title_org`` counts over the documents, in the same order."""
    scores = {"title": Counts(), "title_org": Counts()}
    for doc, analyzed in zip(docs, predicted, strict=True):
        gold, roles = gold_roles(doc), predicted_roles(analyzed)
        scores["title"].add(*count_roles(gold, roles, with_org=False))
        scores["title_org"].add(*count_roles(gold, roles, with_org=True))
    return scores


# ---------------------------------------------------------------- error listing (train only)


def list_errors(doc: NerelDoc, analyzed: Document, *, with_org: bool) -> Iterable[str]:
    """One line per missed gold role and per unmatched prediction, with context."""
    gold, predicted, used = match_roles(
        gold_roles(doc), predicted_roles(analyzed), with_org=with_org
    )
    for i, g in enumerate(gold):
        if i not in used:
            orgs = "|".join(sorted((o.stems and min(o.stems)) or o.key for o in g.orgs))
            yield f"MISS {doc.id} {g.head} [{orgs}] :: {context(doc.text, g.title)}"
    matched = set(used.values())
    for j, p in enumerate(predicted):
        if j not in matched:
            org = "|".join(sorted(p.org.stems)) if p.org else ""
            name = doc.text[p.person[0][0] : p.person[0][1]]
            yield f"EXTRA {doc.id} {name}: {p.head} [{org}] :: {context(doc.text, p.person[0])}"


def context(text: str, bounds: Bounds, width: int = 90) -> str:
    """The text around ``bounds`` on one line, the span in brackets."""
    start, stop = bounds
    left = text[max(0, start - width) : start]
    right = text[stop : stop + width]
    return " ".join(f"{left}[{text[start:stop]}]{right}".split())


def main(argv: list[str]) -> None:
    """``python -m svodka.eval.roles TRAIN_FOLDER [--org]``: list errors on a *train* split
    (dev is for measuring only, so a folder named «dev» is refused)."""
    from pathlib import Path

    from svodka.eval.nerel import analyze_nerel, load_nerel
    from svodka.pipeline import default_pipeline

    folder = Path(argv[0])
    if "dev" in folder.name or "test" in folder.name:
        raise SystemExit("error listings are for train splits only")
    docs = load_nerel(folder)
    analyzed = analyze_nerel(docs, default_pipeline().analyze_many)
    for doc, result in zip(docs, analyzed, strict=True):
        for line in list_errors(doc, result, with_org="--org" in argv):
            print(line)


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])

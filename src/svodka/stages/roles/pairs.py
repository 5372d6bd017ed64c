"""Roles the rules miss, from a pair classifier: each position word in a sentence is paired
with each person mentioned near it, and a logistic model trained on NEREL v1.1 *train*
(``scripts/train_roles.py``) scores whether the person holds that position.

«Бывший актёр и комик 42-летний Марьян Шарец», «Марисса Майер до 2012 года работала в
Google инженером», «жертвами стали сотрудники полиции Люсиль Гарсия и Сорайя Белкакеми»:
one model reads distance, punctuation, the names and titles in between and case agreement
instead of one rule per construction. The weights are data
(``resources/roles/pairs.json``, a feature → weight table; no numpy needed to apply it).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from svodka.doc import Entity, Role
from svodka.lang import morph
from svodka.stages.roles.earlier import earlier_pairs
from svodka.stages.roles.make import make_role
from svodka.stages.roles.predicate import following
from svodka.stages.roles.view import (
    MARKS,
    Found,
    Resources,
    View,
    cases,
    head_of,
    match_position,
    name_cases,
)

MAX_DISTANCE = 20  # tokens between a title and a name that may pair
DASHES = frozenset({"—", "–", "-"})
#: Tokens read as themselves in the features between a title and a name.
SIGNS = frozenset({",", "(", ")", ":", ";", "и", "а", "как", "который", "которая"}) | DASHES


@dataclass(frozen=True, slots=True)
class Pair:
    """A position phrase and a person mention in one sentence."""

    found: Found
    entity: Entity
    first: int  # the mention's tokens [first, last)
    last: int


@dataclass(frozen=True, slots=True)
class Model:
    """Feature weights of the pair classifier, its bias and the probability it must pass."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: list[str]) -> float:
        """The logistic probability that a pair is a role."""
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))


def mentions(view: View, first: int, last: int) -> list[tuple[Entity, int, int]]:
    """The person mentions in tokens ``[first, last)``, in order."""
    found = {view.owner[k] for k in range(first, last) if view.owned(k, "PER") is not None}
    return sorted(found, key=lambda hit: hit[1])


def positions(view: View, first: int, last: int, res: Resources) -> list[Found]:
    """The position phrases of tokens ``[first, last)``, none inside a longer one."""
    found = [
        f
        for k in range(first, last)
        if view.owned(k, "PER") is None and (f := match_position(view, k, res)) is not None
    ]
    return [f for f in found if not any(inside(f, g) for g in found)]


def inside(a: Found, b: Found) -> bool:
    """Whether ``a`` lies strictly within ``b``."""
    return a != b and b.first <= a.first and a.last <= b.last


def features(
    view: View, pair: Pair, titles: list[Found], people: list[tuple], res: Resources
) -> list[str]:
    """The binary features of a pair: each base feature alone and with the direction."""
    found = pair.found
    before = found.last <= pair.first
    gap = range(found.last, pair.first) if before else range(pair.last, found.first)
    side = "B" if before else "A"
    base = [f"dist={bucket(len(gap))}", *between(view, gap)]
    base += grammar(view, pair)
    base += crowd(pair, titles, people, before)
    base += chains(view, gap, titles)
    base += neighbours(view, pair)
    base += kind_of(pair.found, res)
    return [*base, *(f"{side}:{f}" for f in base), side, f"title={pair.found.title}"]


def kind_of(found: Found, res: Resources) -> list[str]:
    """Whether a title is of the hand list (``positions.txt``) or another one, with the
    ending of its first word: «живописец» is «open», «suf=сец»."""
    if found.title in res.hand or found.title.split(" ", 1)[-1] in res.hand:
        return []
    return ["open", f"suf={found.title.split()[0][-3:]}"]


def chains(view: View, gap: range, titles: list[Found]) -> list[str]:
    """«актриса, режиссёр и [сценарист] Имя»: only titles, adjectives and joiners between;
    «актрисы [X], Y»: only names and joiners between."""
    if not gap:
        return []
    inside = {k for t in titles for k in range(t.first, t.last)}
    if inside & set(gap) and not any(view.word(k) in (",", "и", "—") for k in gap):
        return ["nested"]  # «пресс-секретарь [президента] Путина»: the inner title is his
    kinds = set()
    for k in gap:
        word = view.word(k).lower()
        if k in inside:
            kinds.add("title")
        elif view.owned(k, "PER") is not None:
            kinds.add("name")
        elif word in (",", "и") or word in MARKS:
            continue
        elif part_of_speech(word).startswith(("ADJF", "NUMR")) or word[:1].isdecimal():
            kinds.add("adjective")
        else:
            return []
    if kinds <= {"title", "adjective"} and "title" in kinds:
        return ["title_chain"]
    return ["name_chain"] if kinds == {"name"} else []


def neighbours(view: View, pair: Pair) -> list[str]:
    """The word before a title («пост», «должность»), a verb between, and whether the
    title heads another person's name: «[певица] Y» after X."""
    found, out = pair.found, []
    if found.first > 0:
        out.append(f"prev={view.lemma(found.first - 1)}")
    nxt = view.owned(found.last, "PER") if found.last < len(view.doc.tokens) else None
    if nxt is not None and nxt[1] != pair.first:
        out.append("heads_other")
    lo, hi = (
        sorted((found.last, pair.first)) if found.last <= pair.first else (pair.last, found.first)
    )
    for k in range(lo, hi):
        if part_of_speech(view.word(k)) in ("VERB", "PRTS", "INFN"):
            out.append(f"verb={view.lemma(k)}")
    return out


def bucket(n: int) -> str:
    """A token distance as a coarse bucket."""
    for limit in (0, 1, 2, 3, 5, 8, 12):
        if n <= limit:
            return str(limit)
    return "far"


def between(view: View, gap: range) -> list[str]:
    """What lies between a title and a name: signs, entities, verbs, genitives."""
    out: set[str] = set()
    for k in gap:
        word = view.word(k).lower()
        hit = view.owner.get(k)
        if hit is not None:
            out.add(f"has_{hit[0].type}")
        elif word in SIGNS:
            out.add(f"sign_{word}")
        elif word in MARKS:
            out.add("mark")
        else:
            out.add(f"pos_{part_of_speech(view.word(k))}")
    if not gap:
        out.add("adjacent")
    elif out <= {"has_ORG", "has_LOC", "mark", "pos_NOUN_gent", "pos_ADJF_gent"}:
        out.add("only_of")  # «президент [компании «Х»] Имя»
    return sorted(out)


def part_of_speech(word: str) -> str:
    """A word's part of speech, with the case of a noun or adjective: «NOUN_gent»."""
    parse = morph.parse(word.lower())[0]
    pos = str(parse.tag.POS) if parse.tag.POS else "OTHER"
    if pos in ("NOUN", "ADJF", "PRTF"):
        return f"{pos}_{morph.case_of(parse.tag)}"
    return pos


def grammar(view: View, pair: Pair) -> list[str]:
    """Cases of the title's head and of the name, whether they agree, number, capitals."""
    head = view.word(head_of(view, pair.found))
    title_cases = cases(head)
    name = name_cases(view, pair.last)
    out = [f"tcase_{c}" for c in sorted(title_cases)]
    out += [f"ncase_{c}" for c in sorted(name)]
    out.append("agree" if title_cases & name else "disagree")
    if "plur" in morph.parse(head.lower())[0].tag:
        out.append("plural")
    if pair.found.last - pair.found.first > 1:
        out.append("phrase")
    return out


def crowd(pair: Pair, titles: list[Found], people: list[tuple], before: bool) -> list[str]:
    """Whether another title or person lies closer: the nearest pairs are the likely ones."""
    found, out = pair.found, []
    if before:
        if any(found.last <= t.first and t.last <= pair.first for t in titles):
            out.append("title_between")
        if any(found.last <= p[1] and p[2] <= pair.first for p in people):
            out.append("person_between")
    else:
        if any(pair.last <= t.first and t.last <= found.first for t in titles):
            out.append("title_between")
        if any(pair.last <= p[1] and p[2] <= found.first for p in people):
            out.append("person_between")
    return out


def pair_features(
    view: View, res: Resources, rules: dict[str, tuple[Role, ...]]
) -> Iterator[tuple[Pair, list[str]]]:
    """Every pair of the document with its features; «rule» when the rules found it:
    a title with each person named near it in its sentence, and a title with the people
    named in the sentences before it (:mod:`.earlier`)."""
    spans = [(view.index(s.start), view.index(s.stop)) for s in view.doc.sentences]
    for index, (first, last) in enumerate(spans):
        people = mentions(view, first, last)
        if not people and index == 0:
            continue
        titles = positions(view, first, last, res)
        found = [(p, features(view, p, titles, people, res)) for p in pairs_of(titles, people)]
        for title, hit, feats in earlier_pairs(view, spans, index, titles, bool(people), rules):
            found.append((Pair(title, *hit), feats))
        for pair, feats in found:
            if any(covers(role.title, pair.found.title) for role in rules.get(pair.entity.id, ())):
                feats.append("rule")
            yield pair, feats


def pairs_of(titles: list[Found], people: list[tuple[Entity, int, int]]) -> Iterator[Pair]:
    """Each title with each person mention within reach, neither inside the other."""
    for found in titles:
        for entity, start, stop in people:
            near = min(abs(start - found.last), abs(found.first - stop))
            if near <= MAX_DISTANCE and not (start < found.last and found.first < stop):
                yield Pair(found, entity, start, stop)


def covers(held: str, title: str) -> bool:
    """Whether a role already found names this title: «генеральный директор» names
    «директор» (not the other way round: «первый вице-премьер» says more than
    «вице-премьер»); «пресс-секретарь главы правительства» names «глава» as its
    qualifier."""
    if title in held:
        return True
    held_lemmas = " ".join(morph.lemma(w) for w in held.split()[1:])
    return f" {' '.join(morph.lemma(w) for w in title.split())} " in f" {held_lemmas} "


def learned_roles(
    view: View, res: Resources, model: Model, rules: dict[str, tuple[Role, ...]]
) -> dict[str, list[Role]]:
    """Roles the model finds that the rules did not, by entity id. A title in the singular
    has one holder: the rules' holder when they found one, else the likeliest pair.
    «Генеральный прокурор Саудовской Аравии Сауд аль-Моджеб» after a caption naming
    Путин is not Путин's."""
    scored = [
        (pair, feats, model.probability(feats)) for pair, feats in pair_features(view, res, rules)
    ]
    taken = rule_spans((pair, feats) for pair, feats, _ in scored)
    found: dict[str, list[Role]] = {}
    for pair, feats, chance in sorted(scored, key=lambda item: -item[2]):
        if "rule" in feats or "nested" in feats or chance < model.threshold:
            continue
        if span(pair) in taken and "plural" not in feats:
            continue
        taken.add(span(pair))
        known = [*rules.get(pair.entity.id, ()), *found.get(pair.entity.id, [])]
        if not any(covers(role.title, pair.found.title) for role in known):
            found.setdefault(pair.entity.id, []).append(role_of(view, pair.found, res))
    return found


def rule_spans(items: Iterable[tuple[Pair, list[str]]]) -> set[tuple[int, int]]:
    """The title mentions the rules gave their holder: a pair the rules found, near its
    name in its sentence with no other person between — not every «президент» of an
    article whose one president the rules named."""
    return {
        span(pair)
        for pair, feats in items
        if "rule" in feats and not {"X", "person_between", "dist=far"} & set(feats)
    }


def span(pair: Pair) -> tuple[int, int]:
    """The tokens of a pair's title: one title mention, whoever it is paired with."""
    return pair.found.first, pair.found.last


def role_of(view: View, found: Found, res: Resources) -> Role:
    """The role of a title with what follows it: «министром [финансов России]»."""
    of, words = following(view, found.last)
    return make_role(view, found, of, words if of is None or of.type == "LOC" else [], res)

"""Roles: the positions people hold, from titles and appositions around their names.

- before the name: «президент Казахстана Касым-Жомарт Токаев» → президент, of Казахстан;
  «директор компании «Алматинский автоцентр «КамАЗ»» Андрей Ковганов» → директор, of
  the company; «бывший министр …» → a past role; stacked, nested and listed titles
  (:mod:`.before`);
- after the name: «Андрей Ковганов, директор компании …» → директор, of the company
  (:mod:`.after`);
- in a predicate: «Иван Петров назначен начальником управления», «министром обороны
  назначен Сергей Шойгу» (:mod:`.predicate`);
- countries from adjectives and the article: «американский президент» → США;
- a counterpart: «со своим бразильским коллегой X» holds the other's post (:mod:`.counterpart`);
- a title predicated of a pronoun: «Она была помощницей депутата» → the one woman named
  just before (:mod:`.pronoun`);
- then a pair classifier (:mod:`.pairs`) for the pairs the rules miss, a title in its
  sentence and a title with the people named in the sentences before it (:mod:`.earlier`).

Position words are data (``resources/roles/positions.txt`` by hand, ``professions.txt``
from NEREL train by ``scripts/build_role_heads.py``), matched by lemma.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from importlib.resources import files

from svodka.config import Config
from svodka.doc import Document, Entity, Role
from svodka.lang import morph
from svodka.resources import country_names, read_lines, read_table
from svodka.stages.roles.after import role_after
from svodka.stages.roles.before import roles_before
from svodka.stages.roles.counterpart import counterpart_roles
from svodka.stages.roles.pairs import Model, Pair, learned_roles
from svodka.stages.roles.pairs import pair_features as features_of
from svodka.stages.roles.predicate import (
    role_gapped,
    role_heading,
    role_inverted,
    role_object,
    role_predicate,
)
from svodka.stages.roles.pronoun import pronoun_roles
from svodka.stages.roles.view import Resources, View, fold_start

REQUIRES = ("tokens", "entities")
PROVIDES = ("entities.roles",)
#: How many times more the article's country must be named than the next one.
DOMINANCE = 2


def load(config: Config, *, with_model: bool = True) -> Resources:
    """Read the position words, keyed by the lemmas of their words, and the pair model."""
    titles = [*read_lines("roles/professions.txt"), *read_lines("roles/positions.txt")]
    positions = {tuple(morph.lemma(w) for w in p.split()): p for p in titles}
    verb_rows = [line.split() for line in read_lines("roles/predicate_verbs.txt")]
    adjectives = dict(read_table("roles/country_adjectives.tsv"))
    return Resources(
        positions=positions,
        longest=max(len(k) for k in positions),
        past=frozenset(read_lines("roles/past_markers.txt")),
        org_types=frozenset(read_lines("orgs/types.txt")),
        adjectives=adjectives,
        national=frozenset(read_lines("roles/national_titles.txt")),
        bodies=frozenset(read_lines("roles/bodies.txt")) | frozenset(read_lines("orgs/types.txt")),
        tails=frozenset(k[-1] for k in positions),
        prefixes=frozenset(fold_start(k[-1]) for k in positions),
        verbs={verb: "passive" in tags for verb, *tags in verb_rows},
        leaving=frozenset(verb for verb, *tags in verb_rows if "leaves" in tags),
        model=load_model() if with_model else None,
        members=frozenset(read_lines("roles/member_titles.txt")),
        member_markers=frozenset(read_lines("roles/member_markers.txt")),
        modifiers=frozenset(read_lines("roles/title_modifiers.txt")),
        hand=frozenset(read_lines("roles/positions.txt")),
        counterparts=frozenset(read_lines("roles/counterparts.txt")),
        not_titles=frozenset(read_lines("roles/not_titles.txt")),
        heading=dict(read_table("roles/heading_verbs.tsv")),
        countries=frozenset(country_names().values()) | frozenset(adjectives.values()),
        country_aliases=aliases_by_code(),
        not_topics=frozenset(read_lines("roles/not_topics.txt")),
        country_offices=frozenset(read_lines("roles/country_offices.txt")),
        ranks=frozenset(read_lines("roles/ranks.txt")),
        instrumental_heads=frozenset(
            morph.lemma(w) for w in read_lines("roles/instrumental_heads.txt")
        ),
        place_kinds={
            line.split()[0]: line.endswith(" any") for line in read_lines("roles/place_kinds.txt")
        },
    )


def load_model() -> Model | None:
    """The pair classifier's weights (``resources/roles/pairs.json``), or None."""
    path = files("svodka.resources").joinpath("roles/pairs.json")
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(data["weights"], data["bias"], data["threshold"])


def apply(doc: Document, res: Resources) -> Document:
    """Attach roles to the person entities of a document."""
    view = read_view(doc, res)
    found = {e.id: find_roles(view, e, res) for e in doc.entities if e.type == "PER"}
    if res.model is not None and found:
        for entity_id, more in learned_roles(view, res, res.model, found).items():
            found[entity_id] = (*found[entity_id], *more)
    for entity_id, more in counterpart_roles(view, found, res).items():
        found[entity_id] = (*found[entity_id], *more)
    for entity_id, more in pronoun_roles(view, res).items():
        found[entity_id] = tuple(dict.fromkeys((*found[entity_id], *more)))
    found = {key: lent(placed(doc, roles, res), res) for key, roles in found.items()}
    entities = [replace(e, roles=found[e.id]) if found.get(e.id) else e for e in doc.entities]
    return replace(doc, entities=tuple(entities))


def placed(doc: Document, roles: tuple[Role, ...], res: Resources) -> tuple[Role, ...]:
    """A national office of no place takes the one place the person's other national
    offices are of: «вице-премьер» beside «заместитель председателя правительства» of
    Чеченская Республика is of it too."""
    places = {
        (r.of, r.of_name)
        for r in roles
        if r.of and is_national(r.title, res) and (e := doc.entity(r.of)) and e.type == "LOC"
    }
    if len(places) != 1:
        return roles
    of, of_name = places.pop()
    return tuple(
        replace(r, of=of, of_name=of_name)
        if r.of is None and r.of_name is None and is_national(r.title, res)
        else r
        for r in roles
    )


def lent(roles: tuple[Role, ...], res: Resources) -> tuple[Role, ...]:
    """Roles of no organisation take the one the person's other roles name: a rank
    (``ranks.txt``) the first one, any other title only where that is the one named.
    «командующий войсками округа генерал-полковник Имя» → генерал-полковник of the округ;
    «Имя, министр финансов Чили … экономист» → экономист of Чили."""
    placed = [r for r in roles if r.of or r.of_name]
    if not placed or len(placed) == len(roles):
        return roles
    first, one = placed[0], len({(r.of, r.of_name) for r in placed}) == 1
    return tuple(
        replace(r, of=first.of, of_name=first.of_name)
        if not (r.of or r.of_name) and (one or is_rank(r.title, res))
        else r
        for r in roles
    )


def is_rank(title: str, res: Resources) -> bool:
    """«генерал-лейтенант полиции», «контр-адмирал»: a rank."""
    return any(word in res.ranks for word in title.split())


def is_national(title: str, res: Resources) -> bool:
    """Whether a title is or qualifies a national office: «вице-премьер», «заместитель
    председателя правительства», «заместитель премьер-министра»."""
    words = " ".join(morph.lemma(w) for w in title.split())
    return any(f" {office} " in f" {words} " for office in national_lemmas(res.national))


@lru_cache(maxsize=4)
def national_lemmas(national: frozenset[str]) -> frozenset[str]:
    """The national offices as lemmas: «председатель правительства» → «председатель
    правительство»."""
    return frozenset(" ".join(morph.lemma(w) for w in office.split()) for office in national)


def pair_features(doc: Document, res: Resources) -> Iterator[tuple[View, Pair, list[str]]]:
    """The pairs of a document with their features, the rules' roles marked (for training)."""
    view = read_view(doc, res)
    found = {e.id: find_roles(view, e, res) for e in doc.entities if e.type == "PER"}
    for pair, feats in features_of(view, res, found):
        yield view, pair, feats


def read_view(doc: Document, res: Resources) -> View:
    """The document as the role finders read it, with its countries."""
    countries = country_entities(doc, res)
    return View(doc, main_country(countries), countries)


def aliases_by_code() -> dict[str, tuple[str, ...]]:
    """ISO country code → the names the place aliases give it: US → («США», «Америка», …)."""
    names: dict[str, list[str]] = {}
    for name, code in read_table("places/aliases.tsv"):
        if len(code) == 2:
            names.setdefault(code, []).append(name)
    return {code: tuple(found) for code, found in names.items()}


def country_entities(doc: Document, res: Resources) -> dict[str, Entity]:
    """Any name of a country (the place aliases') → the document's entity of that country:
    by its name, else by the country it was geocoded to, so that «американский президент»
    finds the entity the text calls «Соединенные Штаты»."""
    by_code: dict[str, Entity] = {}
    named: dict[str, Entity] = {}
    for e in sorted(doc.entities, key=lambda e: -len(e.mentions)):
        if e.type != "LOC":
            continue
        if e.name in res.countries:
            named.setdefault(e.name, e)
        if e.place and e.place.kind == "country" and e.place.country:
            by_code.setdefault(e.place.country, e)
    aliases = {name: e for code, e in by_code.items() for name in res.country_aliases.get(code, ())}
    return aliases | {e.name: e for e in by_code.values()} | named


def main_country(countries: dict[str, Entity]) -> str | None:
    """The country an article is about: its most mentioned country when named clearly
    more often than any other, else None."""
    counts = Counter({e.name: len(e.mentions) for e in countries.values()})
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] < DOMINANCE * ranked[1][1]):
        return None  # «Чавес … с президентом Бушем» in an article on Cuba: not Cuba's
    return ranked[0][0]


def find_roles(view: View, entity: Entity, res: Resources) -> tuple[Role, ...]:
    """Every distinct role found around the entity's mentions, in order."""
    roles: list[Role] = []
    for m in entity.mentions:
        first, last = view.index(m.start), view.index(m.stop)
        after = (
            role_after(view, last, res)
            or role_predicate(view, last, res)
            or role_object(view, first, last, res)
            or role_heading(view, last, res)
        )
        inverted = role_inverted(view, first, last, res) if not after else None
        gapped = role_gapped(view, first, last, res) if not (after or inverted) else None
        found = [*roles_before(view, first, last, res), after, inverted, gapped]
        for role in filter(None, found):
            if role not in roles:
                roles.append(role)
    return tuple(roles)

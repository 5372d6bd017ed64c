"""A role from a found position and the words between it and the name."""

from __future__ import annotations

from svodka.doc import Entity, Role
from svodka.lang import morph
from svodka.lang.names import normalize
from svodka.stages.roles.view import EX_PREFIX, MARKS, Found, Resources, View

#: «премьер-министр страны», «глава государства» are of the article's country.
COUNTRY_WORDS = frozenset({"страна", "государство"})


def make_role(
    view: View,
    found: Found,
    of: Entity | None,
    words: list[str],
    res: Resources,
    of_text: str = "",
) -> Role:
    """A role from a found position and what lies between it and the name.

    - nothing, or a kind of organisation before its name («директор компании «КамАЗ»»,
      «редактор газеты Wall Street Journal»): the role is of the entity, by its name;
    - a field before a place («министр торговли США»): the field joins the title;
    - a field alone («министр финансов»): it joins the title too;
    - a unit of an organisation («глава бюджетного комитета Госдумы»): linked to the
      entity, named by the whole phrase in the nominative, «бюджетный комитет Госдумы»;
    - an abbreviation the NER missed («глава МИД России»): named, not linked;
    - a country adjective («американский президент»), «страны» or a national office
      alone («премьер Путин»): of the country.
    """
    past = is_past(view, found, res)
    plain = [w for w in words if w not in MARKS]
    if any(w.isupper() and len(w) > 1 for w in plain):
        of_name = " ".join(plain + ([of.name] if of else []))
        return Role(title=found.title, of=None, of_name=of_name, past=past)
    if of is None and len(plain) == 1 and (region := named_region(view, plain[0], res)):
        return Role(title=found.title, of=region.id, of_name=region.name, past=past)
    if of is None and len(plain) == 1 and (body := named_body(view, plain[0], res)):
        return Role(title=found.title, of=body.id, of_name=body.name, past=past)
    country = None
    if plain and morph.lemma(plain[-1]) in COUNTRY_WORDS and of is None:
        plain, words, country = plain[:-1], words[:-1], view.country
    kind = [w for w in plain if morph.lemma(w) not in res.org_types]
    field = not any(is_pronoun(w) or morph.lemma(w) in res.bodies for w in plain)
    unit = not field and len(plain) > 1  # «глава администрации президента (России)»
    if kind and len(plain) == len(words) and not unit and (of.type == "LOC" if of else field):
        # «министр торговли США», «министр финансов»: the field belongs to the title
        title = " ".join([found.title, *(kind if of else plain)])
        country = country or adjective_country(view, found, res)
        if country is None and of is None and found.title in res.national:
            country = view.country  # «министр печати» in a Russian article → Россия
        return place_role(view, title, of, past, country)
    if kind and of is not None:
        # «глава бюджетного комитета Госдумы»: a unit of the organisation, named in full,
        # a topic after it: «комитета Госдумы [по экономической политике]»
        topic = kind.index("по") if "по" in kind else len(kind)
        of_name = normalize(" ".join([*kind[:topic], of_text, *kind[topic:]]), "ORG")
        return Role(title=found.title, of=of.id, of_name=of_name, past=past)
    if of is not None:
        return Role(title=found.title, of=of.id, of_name=of.name, past=past)
    if kind and unit:
        # «глава администрации президента»: a unit with no entity, named in full
        return Role(title=found.title, of_name=normalize(" ".join(plain), "ORG"), past=past)
    if len(plain) > 1 and not field and not any(is_pronoun(w) for w in plain):
        # «пресс-секретарь красноярского суда», «глава правительства»: a body no entity names
        return Role(title=found.title, of_name=normalize(" ".join(plain), "ORG"), past=past)
    if len(plain) == 1 and is_lone_body(plain[0], res):
        # «сотрудники полиции», «глава администрации»: the body, unnamed, stays the role's
        return Role(title=found.title, of_name=normalize(plain[0], "ORG"), past=past)
    country = country or adjective_country(view, found, res)
    if country is None and found.title in res.national and not plain:
        country = view.country  # «премьер Путин» in a Russian article → Россия
    return place_role(view, found.title, None, past, country)


def is_lone_body(word: str, res: Resources) -> bool:
    """A public body after a title that no other word qualifies: «полиции», «парламента»;
    not a kind of place («области»: a region the article does not name) nor a kind of
    organisation («компании», «клуба»: one the article names elsewhere)."""
    lemma = morph.lemma(word.lower())
    return (
        word.islower()
        and lemma in res.bodies
        and lemma not in res.place_kinds
        and lemma not in res.org_types
    )


def named_region(view: View, word: str, res: Resources) -> Entity | None:
    """The region a bare kind word stands for: «губернатор [области]» in an article on
    «Калининградская область» → that entity, the most mentioned of its kind; «глава
    [региона]» → the one region of any kind the article names; none when another of
    the kind is named more than half as often."""
    kind = morph.lemma(word.lower())
    if kind not in res.place_kinds or not word.islower():
        return None
    generic = res.place_kinds[kind]
    kinds = {k for k, v in res.place_kinds.items() if not v} if generic else {kind}
    regions = [
        e
        for e in view.doc.entities
        if e.type == "LOC" and kinds & {morph.lemma(w.lower()) for w in e.name.split()}
    ]
    ranked = sorted(regions, key=lambda e: -len(e.mentions))
    if not ranked or (len(ranked) > 1 and (generic or ranked_close(ranked))):
        return lead_region(view, regions)  # several regions named about as often
    return ranked[0]


def lead_region(view: View, regions: list[Entity]) -> Entity | None:
    """The region the article is about when it names several: the one its first
    sentence (with the headline, when no full stop ends it) names, when no other is
    named there too."""
    if not view.doc.sentences or not regions:
        return None
    stop = view.doc.sentences[0].stop
    early = [e for e in regions if min(m.start for m in e.mentions) < stop]
    return early[0] if len(early) == 1 else None


def named_body(view: View, word: str, res: Resources) -> Entity | None:
    """The organisation a bare kind word stands for: «вице-президент [банка]» in an
    article on the «Европейский банк реконструкции и развития» → that entity, when it is
    the one organisation of the kind the article names (or named twice as often as any
    other)."""
    kind = morph.lemma(word.lower())
    if kind not in res.org_types or not word.islower():
        return None
    bodies = [
        e
        for e in view.doc.entities
        if e.type == "ORG" and kind in {morph.lemma(w.lower()) for w in e.name.split()}
    ]
    ranked = sorted(bodies, key=lambda e: -len(e.mentions))
    if not ranked or (len(ranked) > 1 and ranked_close(ranked)):
        return None
    return ranked[0]


def ranked_close(ranked: list[Entity]) -> bool:
    """Whether the second most mentioned entity is named more than half as often."""
    return len(ranked[0].mentions) < 2 * len(ranked[1].mentions)


def place_role(view: View, title: str, of: Entity | None, past: bool, country: str | None) -> Role:
    """A role of a place entity, else of a country named by the text or implied."""
    if of is not None:
        return Role(title=title, of=of.id, of_name=of.name, past=past)
    if country is None:
        return Role(title=title, past=past)
    entity = view.countries.get(country)
    if entity is None:
        return Role(title=title, of_name=country, past=past)
    return Role(title=title, of=entity.id, of_name=entity.name, past=past)


def is_pronoun(word: str) -> bool:
    """«этого», «своей»: no field of a title («обозреватель этого журнала»)."""
    return morph.parse(word)[0].tag.POS == "NPRO" or "Apro" in morph.parse(word)[0].tag


def before_title(view: View, found: Found, res: Resources) -> list[str]:
    """The lowercase lemmas of up to two words before a position: «бывший американский»."""
    first = max(found.first - 2, 0)
    return [morph.lemma(view.word(k).lower()) for k in range(first, found.first)]


def is_past(view: View, found: Found, res: Resources) -> bool:
    """«экс-министр», «бывший (американский) президент»."""
    if view.word(found.first).lower().startswith(EX_PREFIX):
        return True
    return any(w in res.past for w in before_title(view, found, res))


def adjective_country(view: View, found: Found, res: Resources) -> str | None:
    """«американский президент» → США, «бывший абхазский президент» → Абхазия; none for
    a title no country holds: «японский писатель» says where he is from."""
    if not holds_for_country(found.title, res):
        return None
    for lemma in reversed(before_title(view, found, res)):
        if lemma in res.adjectives:
            return res.adjectives[lemma]
    return None


def holds_for_country(title: str, res: Resources) -> bool:
    """Whether a title is an office held for a country (``country_offices.txt`` and the
    national offices): «президент», «первый вице-премьер», «посол»; not «писатель»."""
    offices = res.national | res.country_offices
    return title in offices or any(word in offices for word in title.split())

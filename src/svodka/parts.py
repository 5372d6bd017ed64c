"""Huge texts in parts: cut at paragraph ends, analyzed one part at a time, joined back.

A text longer than ``Config.part_chars`` (a book, a transcript, a 10 MB dump) would hold
every token of it in memory at once, and the document-wide steps (coreference, places,
roles) compare every mention with every other. :meth:`svodka.pipeline.Pipeline.analyze_many`
therefore cuts such a record into parts, each at most ``part_chars`` long and ending at a
paragraph end where there is one (else a sentence end, else a space), analyzes the parts
as records of their own and joins their documents: memory and time follow the part, not
the text. Joining shifts every offset into the whole text, renumbers entities, quotes
and events, and makes one entity of the same type and name found in several parts, and
one person of a surname alone («Путин») and the one full name with that surname.
The joined document keeps no tokens (the parts' tokens would be most of its memory);
sentences and spans stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from svodka.doc import Document, Entity, Record, ToneSummary

#: Where a part may end, best first: a paragraph, a sentence, a word.
BREAKS = (re.compile(r"\n\s*"), re.compile(r"[.!?…]\s+"), re.compile(r"\s+"))


def split_text(text: str, limit: int) -> list[tuple[int, int]]:
    """The ``[start, stop)`` bounds of the parts of ``text``, each at most ``limit``
    characters, ending after the last paragraph break (else sentence end, else space) in
    its second half; a run with none is cut at the limit."""
    bounds, start = [], 0
    while len(text) - start > limit:
        stop = start + limit
        for pattern in BREAKS:
            ends = [m.end() for m in pattern.finditer(text, start + limit // 2, stop)]
            if ends:
                stop = ends[-1]
                break
        bounds.append((start, stop))
        start = stop
    bounds.append((start, len(text)))
    return bounds


def split_record(record: Record, limit: int) -> list[tuple[int, Record]]:
    """A record's parts as records of their own (ids «id#1», «id#2»…), each with its offset
    in the whole text."""
    return [
        (start, replace(record, id=f"{record.id}#{n}", text=record.text[start:stop]))
        for n, (start, stop) in enumerate(split_text(record.text, limit), start=1)
    ]


def join_parts(record: Record, parts: Iterable[tuple[int, Document]]) -> Document:
    """One document of ``record`` from its parts' documents, each with its offset; each
    part is read once, as it comes, so a stream of them is never all in memory."""
    entities: dict[tuple[str, str], Entity] = {}
    sentences, spans, quotes, amounts, dates, durations, events, tones = ([] for _ in range(8))
    for offset, doc in parts:
        ids = {e.id: join_entity(entities, e, offset) for e in doc.entities}
        for entity in doc.entities:
            add_roles(entities, entity, ids)
        first_quote = len(quotes)
        sentences += [shift(s, offset) for s in doc.sentences]
        spans += [shift(s, offset) for s in doc.spans]
        quotes += [shift(q, offset, speaker=ids.get(q.speaker, q.speaker)) for q in doc.quotes]
        amounts += [shift(a, offset) for a in doc.amounts]
        dates += [shift(d, offset) for d in doc.dates]
        durations += [shift(d, offset) for d in doc.durations]
        events += [
            shift(
                e,
                offset,
                id=f"v{len(events) + n}",
                quote=f"q{int(e.quote[1:]) + first_quote}" if e.quote else None,
                **actors_of(e, ids),
            )
            for n, e in enumerate(doc.events, start=1)
        ]
        tones.append(doc.tone)
    owners = surname_owners(entities.values())
    return replace(
        Document.from_record(record),
        sentences=tuple(sentences),
        spans=tuple(spans),
        entities=join_surnames(list(entities.values()), owners),
        quotes=tuple(replace(q, speaker=owners.get(q.speaker, q.speaker)) for q in quotes),
        amounts=tuple(amounts),
        dates=tuple(dates),
        durations=tuple(durations),
        events=tuple(replace(e, **actors_of(e, owners)) for e in events),
        tone=join_tones(tones),
    )


#: The fields of an event that hold an entity id.
ACTORS = ("source", "target", "place")


def actors_of(event, ids: dict[str, str]) -> dict[str, str]:
    """The event's entity ids that ``ids`` maps to others, by field, mapped."""
    held = {field: getattr(event, field) for field in ACTORS}
    return {field: ids[id_] for field, id_ in held.items() if id_ in ids}


def surname_owners(entities: Iterable[Entity]) -> dict[str, str]:
    """A person named by a surname alone in some part («Путин»), by the id of the one
    person named in full with that surname in another («Владимир Путин»); a surname two
    full names share («Кастро») stays apart."""
    full: dict[str, list[str]] = {}
    for entity in entities:
        words = entity.name.lower().split()
        if entity.type == "PER" and len(words) > 1:
            full.setdefault(words[-1], []).append(entity.id)
    return {
        e.id: ids[0]
        for e in entities
        if e.type == "PER" and len(ids := full.get(e.name.lower(), [])) == 1
    }


def join_surnames(entities: list[Entity], owners: dict[str, str]) -> tuple[Entity, ...]:
    """Fold each surname-only person into its owner: mentions in text order, roles once;
    every role's ``of`` follows."""
    by_id = {e.id: e for e in entities}
    for short, owner in owners.items():
        a, b = by_id.pop(short), by_id[owner]
        by_id[owner] = replace(
            b,
            mentions=tuple(sorted(b.mentions + a.mentions, key=lambda m: m.start)),
            roles=b.roles + tuple(r for r in a.roles if r not in b.roles),
            tone=join_tones([b.tone, a.tone]),
        )
    return tuple(
        replace(e, roles=tuple(replace(r, of=owners.get(r.of, r.of)) for r in e.roles))
        for e in by_id.values()
    )


def shift(item, offset: int, **changes):
    """``item`` with ``start``/``stop`` moved by ``offset`` and ``changes`` made."""
    return replace(item, start=item.start + offset, stop=item.stop + offset, **changes)


def join_entity(entities: dict[tuple[str, str], Entity], entity: Entity, offset: int) -> str:
    """Add a part's entity, without its roles, to ``entities`` (by type and name), joined
    to one of the same type and name from an earlier part; its id in the whole document."""
    mentions = tuple(shift(m, offset) for m in entity.mentions)
    key = (entity.type, entity.name)
    old = entities.get(key)
    if old is None:
        entities[key] = replace(entity, id=f"e{len(entities) + 1}", mentions=mentions, roles=())
        return entities[key].id
    entities[key] = replace(
        old,
        mentions=old.mentions + mentions,
        place=old.place or entity.place,
        key=old.key or entity.key,
        wikidata=old.wikidata or entity.wikidata,
        tone=join_tones([old.tone, entity.tone]),
    )
    return old.id


def add_roles(entities: dict[tuple[str, str], Entity], entity: Entity, ids: dict[str, str]):
    """Give a part's entity's roles to its joined entity, their ``of`` in the whole
    document's ids, each role once."""
    key = (entity.type, entity.name)
    roles = [replace(r, of=ids.get(r.of, r.of)) if r.of else r for r in entity.roles]
    held = entities[key].roles
    entities[key] = replace(entities[key], roles=held + tuple(r for r in roles if r not in held))


def join_tones(tones: Iterable[ToneSummary | None]) -> ToneSummary | None:
    """One summary of several: counts added, means weighted by their counts."""
    known = [t for t in tones if t is not None]
    if not known:
        return None
    counts = [t.negative + t.neutral + t.positive for t in known]
    return ToneSummary(
        negative=sum(t.negative for t in known),
        neutral=sum(t.neutral for t in known),
        positive=sum(t.positive for t in known),
        mean=round(sum(t.mean * n for t, n in zip(known, counts, strict=True)) / sum(counts), 3)
        if sum(counts)
        else 0.0,
    )

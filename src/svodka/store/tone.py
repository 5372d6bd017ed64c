"""A document's tones as the store's rows (``document_tones``, ``entity_tones``,
``mention_tones``, ``quote_tones``, see ``schema.py``), and as the GKG-like tone cell of
``svodka export --format gkg``.

The tones are read from the document as the ``tone`` stage left them (``svodka.doc.Tone``,
``ToneSummary``); a document analyzed before the stage, or a mention the model did not
see, has none and gives no row. This module imports no table, so that the schema's
migration can use it.
"""

from __future__ import annotations

from svodka.doc import Document, ToneSummary


def tabulate_tones(doc: Document) -> dict[str, list[dict]]:
    """The document's tone rows, by table name; every list is empty for a document
    without tones."""
    keys = {e.id: e.key for e in doc.entities}
    return {
        "document_tones": document_tone_rows(doc),
        "entity_tones": entity_tone_rows(doc),
        "mention_tones": mention_tone_rows(doc),
        "quote_tones": quote_tone_rows(doc, keys),
    }


def summary_cells(summary: ToneSummary) -> dict:
    """The columns a tone summary fills: the three counts and the mean."""
    return {
        "negative": summary.negative,
        "neutral": summary.neutral,
        "positive": summary.positive,
        "mean": summary.mean,
    }


def document_tone_rows(doc: Document) -> list[dict]:
    """One row with the document's tone, or none."""
    if doc.tone is None:
        return []
    where = {"published": doc.published, "source": doc.source}
    return [{"doc_id": doc.id, **summary_cells(doc.tone), **where}]


def entity_tone_rows(doc: Document) -> list[dict]:
    """One row per entity of the document that has a tone summary."""
    where = {"published": doc.published, "source": doc.source}
    return [
        {"doc_id": doc.id, "local_id": e.id, "key": e.key, **summary_cells(e.tone), **where}
        for e in doc.entities
        if e.tone is not None
    ]


def mention_tone_rows(doc: Document) -> list[dict]:
    """One row per mention that has a tone."""
    return [
        {
            "doc_id": doc.id,
            "local_id": e.id,
            "key": e.key,
            "start": m.start,
            "stop": m.stop,
            "label": m.tone.label,
            "score": m.tone.score,
        }
        for e in doc.entities
        for m in e.mentions
        if m.tone is not None
    ]


def quote_tone_rows(doc: Document, keys: dict[str, str]) -> list[dict]:
    """One row per quote that has a tone; the speaker (a local id) becomes a key."""
    return [
        {
            "doc_id": doc.id,
            "start": q.start,
            "stop": q.stop,
            "speaker_key": keys.get(q.speaker) if q.speaker else None,
            "label": q.tone.label,
            "score": q.tone.score,
        }
        for q in doc.quotes
        if q.tone is not None
    ]


def gkg_tone(doc: Document) -> str:
    """The document's tone in the seven comma-separated numbers of GKG's V1.5TONE (the
    column BigQuery calls ``V2Tone``): tone, positive score, negative score, polarity,
    activity and self/group reference densities, word count. svodka counts sentences where
    GDELT counts words, on the same −100…100 scale: tone is 100 × the mean sentence score;
    the positive and negative scores are the percentages of positive and negative
    sentences, polarity their sum. It measures no reference densities: those two stay
    empty. "" for a document without a tone."""
    tone = doc.tone
    if tone is None:
        return ""
    sentences = tone.negative + tone.neutral + tone.positive
    positive = 100 * tone.positive / sentences if sentences else 0.0
    negative = 100 * tone.negative / sentences if sentences else 0.0
    numbers = [100 * tone.mean, positive, negative, positive + negative]
    cells = [f"{n:.4f}".rstrip("0").rstrip(".") or "0" for n in numbers]
    return ",".join([*cells, "", "", str(len(doc.text.split()))])

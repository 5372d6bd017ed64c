"""Referents: the gazetteer of places, identity keys, the optional Wikidata knowledge base."""

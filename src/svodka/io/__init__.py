"""Readers that make records, writers that print documents."""

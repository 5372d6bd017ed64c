"""Scorers and benchmarks that measure svodka against data."""

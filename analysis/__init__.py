"""Analyses over the warehouse, read-only: the HTML report."""

"""Judging extraction against gold: the scorer of claims-spec.md and the gold sets."""

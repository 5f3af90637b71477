"""Territorial control: who holds what, when, according to the events (from_events), reference
control maps such as DeepState's (reference), and the claims checked against them (check)."""

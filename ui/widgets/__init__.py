"""Reusable widgets the panels are built from (detail fields, photos, timeline...)."""

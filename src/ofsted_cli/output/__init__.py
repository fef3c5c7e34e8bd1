"""Rendering of charts, text timelines and the static HTML report from plain data."""

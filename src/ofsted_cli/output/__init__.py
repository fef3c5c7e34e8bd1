"""Output: text for terminals and pipes, tables, CSV, charts and a static site."""

"""The compiled store: validated data as an indexed SQLite file, rebuilt when it changes."""

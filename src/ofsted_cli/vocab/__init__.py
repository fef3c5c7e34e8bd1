"""The project's vocabularies, each written out once: data kinds, grades, frameworks, names."""

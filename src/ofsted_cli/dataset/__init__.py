"""The data model and its validation: YAML files -> located problems and valid records."""

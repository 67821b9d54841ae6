"""Vale projects: ``.vale.ini``, its styles, vocabularies and ignores (docs/vale.md)."""

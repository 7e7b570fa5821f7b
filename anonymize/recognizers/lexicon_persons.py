"""The common part of the recognizers that find persons with the names-dataset lexicon (``name_evidence``,
``lower_names``, ``inverted_names``): one supported entity, the lexicon the caller loaded, the country names
that are never a person's name."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from anonymize.gazetteer import country_names
from anonymize.name_lexicon import NameLexicon


class LexiconPersonRecognizer(EntityRecognizer):
    """A PERSON recognizer over a loaded ``NameLexicon``; subclasses write ``analyze``."""

    def __init__(self, lexicon: NameLexicon, name: str) -> None:
        super().__init__(supported_entities=["PERSON"], name=name)
        self.lexicon = lexicon
        self.countries = country_names()

    def load(self) -> None:  # the lexicon is loaded by the caller
        return None

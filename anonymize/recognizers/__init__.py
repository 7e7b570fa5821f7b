"""Recognizers Presidio lacks, by family: addresses, phones, identifiers, dates, places, organizations and
names (by cue words, by lexicon evidence). ``registry.builtin_recognizers`` lists those registered by default;
``identifiers.custom_recognizers`` builds the configured organization-specific ones."""

from anonymize.recognizers.identifiers import CustomIdentifier, custom_recognizers
from anonymize.recognizers.registry import builtin_recognizers

__all__ = ["CustomIdentifier", "builtin_recognizers", "custom_recognizers"]

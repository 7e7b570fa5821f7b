"""The Presidio analyzer privrag runs: a slim local spaCy pipeline, a faster context enhancer, privrag's
recognizers (``anonymize.recognizers``) next to Presidio's own."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

from anonymize.offline import go_offline

go_offline()  # Presidio's email recognizer uses tldextract, which otherwise downloads the suffix list

from presidio_analyzer import (  # noqa: E402
    AnalyzerEngine,
    EntityRecognizer,
    PatternRecognizer,
    RecognizerResult,
)
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer  # noqa: E402
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine  # noqa: E402
from spacy.attrs import IDX, LOWER  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from anonymize import name_lexicon, parser_steps  # noqa: E402
from anonymize.detector_config import DetectorConfig  # noqa: E402
from anonymize.recognizers import builtin_recognizers, custom_recognizers  # noqa: E402
from anonymize.recognizers.caps_in_line import CapsInLineRecognizer  # noqa: E402
from anonymize.recognizers.honorific_names import SuffixedNameRecognizer  # noqa: E402
from anonymize.recognizers.inverted_names import InvertedNameRecognizer  # noqa: E402
from anonymize.recognizers.lower_names import LowerCaseNameRecognizer  # noqa: E402
from anonymize.recognizers.name_evidence import NameEvidenceRecognizer  # noqa: E402
from anonymize.recognizers.places import CapitalsPlaceRecognizer  # noqa: E402
from anonymize.spacy_models import model_location  # noqa: E402

# spaCy labels -> Presidio entities; numbers, money, products and the like are not personal data.
_NER_MAPPING = {
    "PERSON": "PERSON",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "ORG": "ORGANIZATION",
    "NORP": "NRP",
    "DATE": "DATE_TIME",
    "TIME": "DATE_TIME",
}
_NER_IGNORED = (
    "CARDINAL",
    "ORDINAL",
    "QUANTITY",
    "MONEY",
    "PERCENT",
    "LAW",
    "PRODUCT",
    "WORK_OF_ART",
    "EVENT",
    "LANGUAGE",
)

# Pipeline components the detector does not need: Presidio uses the entities and, for context words, the
# lemmas; context words match as substrings ("call" in "calling"), so lower-cased tokens serve as lemmas and
# the tagger, attribute ruler and lemmatizer (and the tok2vec only they listen to) can go.
_UNUSED_COMPONENTS = ("parser", "senter", "tagger", "morphologizer", "attribute_ruler", "lemmatizer")


class SlimSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine with only the components NER needs, its entity recognizer run step by step
    (``anonymize.parser_steps``); lower-cased tokens as lemmas."""

    def load(self) -> None:
        super().load()
        assert self.nlp is not None  # set by load()
        for nlp in self.nlp.values():
            slim_pipeline(nlp)

    def process_batch(  # type: ignore[override]
        self,
        texts: Iterable[str] | Iterable[tuple[str, object]],
        language: str,
        batch_size: int = 1,
        n_process: int = 1,
        as_tuples: bool = False,
    ) -> Iterator[tuple[Any, ...]]:
        """Presidio's batch processing, the entity recognizer run with the GIL held
        (``anonymize.parser_steps``: same entities, about 60% of its time)."""
        assert self.nlp is not None  # set by load()
        if n_process != 1 or as_tuples:
            yield from super().process_batch(texts, language, batch_size, n_process, as_tuples)
            return
        for doc in parser_steps.pipe(self.nlp[language], (str(text) for text in texts), batch_size):
            yield doc.text, self._doc_to_nlp_artifact(doc, language)

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        if doc.has_annotation("LEMMA"):
            return super()._doc_to_nlp_artifact(doc, language)
        # One array read instead of a Python object per token (the costliest step after the model itself).
        table = doc.to_array([LOWER, IDX])
        strings = doc.vocab.strings
        lemmas = [strings[h] for h in table[:, 0].tolist()] if len(doc) else []
        entities, scores = self._get_updated_entities(
            self._get_entities(doc), self._get_scores_for_entities(doc)
        )
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=table[:, 1].tolist() if len(doc) else [],
            lemmas=lemmas,
            nlp_engine=self,
            language=language,
            scores=scores,
        )


class FastLemmaContextAwareEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer with the token of a match found by bisection.

    The stock enhancer walks the whole document (one spaCy ``Token`` object per token) for every result;
    on a long text that walk costs more than the NER model itself.
    """

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """Presidio's enhancement, given only the results it may raise: those of a recognizer with context
        words, not raised yet. Presidio deep-copies every result it is given, which cost more than the
        enhancement; the others come back as they are, in the same order."""
        if nlp_artifacts is None:
            return super().enhance_using_context(text, raw_results, nlp_artifacts, recognizers, context)
        by_id = {recognizer.id: recognizer for recognizer in recognizers}  # as Presidio's: the last one wins
        with_context = {key for key, recognizer in by_id.items() if recognizer.context}
        chosen = [
            i
            for i, r in enumerate(raw_results)
            if r.recognition_metadata
            and r.recognition_metadata.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY) in with_context
            and not r.recognition_metadata.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY)
        ]
        results = list(raw_results)
        if chosen:
            enhanced = super().enhance_using_context(
                text, [raw_results[i] for i in chosen], nlp_artifacts, recognizers, context
            )
            for i, result in zip(chosen, enhanced, strict=True):
                results[i] = result
        return results

    @staticmethod
    def _find_index_of_match_token(word: str, start: int, tokens: Doc, tokens_indices: list[int]) -> int:
        if not len(tokens_indices):
            raise ValueError(f"Did not find word '{word}' in the list of tokens")
        # The first token that starts at ``start`` or covers it, else the next one (same rule as Presidio's).
        i = max(bisect_right(tokens_indices, start) - 1, 0)
        if tokens_indices[i] != start and start >= tokens_indices[i] + len(tokens[i]):
            i += 1
        if i >= len(tokens_indices):
            raise ValueError(f"Did not find word '{word}' in the list of tokens")
        return i


class GroupingAnalyzerEngine(AnalyzerEngine):
    """Presidio's analyzer, with each recognizer's results grouped in one pass before the context step.

    Presidio filters all results once per recognizer (twice: its own and the others') to hand each its own
    for a recognizer-level enhancement that no recognizer here implements (``EntityRecognizer``'s returns
    them as they are); that filtering grew with recognizers x results. Same results, same order: grouped by
    recognizer in the registry's order, then Presidio's enhancer.
    """

    def _enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
        own: dict[str, list[RecognizerResult]] = {}
        for result in raw_results:
            own.setdefault(result.recognition_metadata[key], []).append(result)
        results: list[RecognizerResult] = []
        for recognizer in recognizers:
            mine = own.get(recognizer.id, [])
            if type(recognizer).enhance_using_context is not EntityRecognizer.enhance_using_context:
                mine = recognizer.enhance_using_context(
                    text=text,
                    raw_recognizer_results=list(mine),
                    other_raw_recognizer_results=[
                        r for r in raw_results if r.recognition_metadata[key] != recognizer.id
                    ],
                    nlp_artifacts=nlp_artifacts,
                    context=context,
                )
            results.extend(mine)
        return self.context_aware_enhancer.enhance_using_context(
            text=text,
            raw_results=results,
            nlp_artifacts=nlp_artifacts,
            recognizers=recognizers,
            context=context,
        )


def slim_pipeline(nlp: Language) -> None:
    """Disable the components that NER does not listen to."""
    for name in _UNUSED_COMPONENTS:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    if "tok2vec" in nlp.pipe_names:
        listeners = set(getattr(nlp.get_pipe("tok2vec"), "listening_components", []))
        if not listeners & set(nlp.pipe_names):
            nlp.disable_pipe("tok2vec")


def build_analyzer(config: DetectorConfig, lexicon: name_lexicon.NameLexicon | None = None) -> AnalyzerEngine:
    """Presidio AnalyzerEngine with the local spaCy model, extra recognizers and the lemma enhancer."""
    nlp_engine = SlimSpacyNlpEngine(
        models=[{"lang_code": "en", "model_name": model_location(config.spacy_model)}],
        ner_model_configuration=NerModelConfiguration(
            model_to_presidio_entity_mapping=_NER_MAPPING,
            labels_to_ignore=list(_NER_IGNORED),
            low_score_entity_names=[],
        ),
    )
    nlp_engine.load()
    analyzer = GroupingAnalyzerEngine(
        nlp_engine=nlp_engine,
        supported_languages=["en"],
        context_aware_enhancer=FastLemmaContextAwareEnhancer(context_prefix_count=5, context_suffix_count=5),
        default_score_threshold=0.0,
    )
    # libphonenumber's matcher is the slowest recognizer by far; GenericPhoneRecognizer and the format
    # recognizers cover the same numbers (and more formats).
    analyzer.registry.remove_recognizer("PhoneRecognizer")
    for recognizer in builtin_recognizers() + custom_recognizers(config.custom):
        analyzer.registry.add_recognizer(recognizer)
    lexicon = lexicon or name_lexicon.load()
    analyzer.registry.add_recognizer(NameEvidenceRecognizer(lexicon))
    analyzer.registry.add_recognizer(InvertedNameRecognizer(lexicon))
    analyzer.registry.add_recognizer(CapsInLineRecognizer(lexicon))
    analyzer.registry.add_recognizer(LowerCaseNameRecognizer(lexicon))
    analyzer.registry.add_recognizer(SuffixedNameRecognizer(lexicon))
    analyzer.registry.add_recognizer(CapitalsPlaceRecognizer(lexicon))
    for entity_type, words in config.deny_list.items():
        analyzer.registry.add_recognizer(
            PatternRecognizer(supported_entity=entity_type, name=f"Deny{entity_type}", deny_list=words)
        )
    return analyzer

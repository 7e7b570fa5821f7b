"""spaCy's named-entity recognizer run one transition at a time with the GIL held: the same entities as its
own greedy parse, in about 60% of the time.

spaCy's greedy parse (``Parser.greedy_parse``) releases the GIL for its C loop, and in the spaCy wheel
installed here (3.8, built with Cython 3.3) each state method that loop calls (``StateC.B_``, asked for every
action's validity at every token) takes the GIL back and releases it again, twice: two mutex round trips per
call made more than half of the recognizer's time. Driven from Python, the loop is spaCy's own beam-search
loop with a beam of one: the step model scores the unfinished states (the same feature sums, maxout and
matrix product as the C loop) and ``Parser.transition_states`` takes the best valid action of each (the same
C code as the greedy loop's, called with the GIL held, so the state methods find it and keep it). Same
scores, same argmax, same entities (``tests/anonymize/test_parser_steps.py`` compares them with spaCy's).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc
from spacy.util import minibatch
from thinc.api import set_dropout_rate

# The spaCy internals ``parse`` calls (spaCy 3.8's ``Parser``); without one, spaCy runs its own loop.
_INTERNALS = ("transition_states", "_ensure_labels_are_added", "set_annotations", "moves")


def steps_apply(component: object) -> bool:
    """Whether ``component`` is a greedy (beam width 1) entity recognizer this module can run: a spaCy whose
    parser lacks one of the internals ``parse`` calls runs its own greedy parse instead."""
    return (
        isinstance(component, EntityRecognizer)
        and component.cfg.get("beam_width") == 1
        and all(hasattr(component, name) for name in _INTERNALS)
    )


def parse(recognizer: EntityRecognizer, docs: list[Doc]) -> list[object]:
    """The parse states of ``docs`` (for ``recognizer.set_annotations``), as ``recognizer.predict`` finds
    them with a greedy parse."""
    if not any(len(doc) for doc in docs):
        return list(recognizer.moves.init_batch(docs))
    recognizer._ensure_labels_are_added(docs)  # as the greedy parse: labels preset on the docs
    set_dropout_rate(recognizer.model, 0.0)
    batch = recognizer.moves.init_batch(docs)
    model = recognizer.model.predict(docs)
    states = [state for state in batch if not state.is_final()]
    while states:
        states = recognizer.transition_states(states, model.predict(states))
    model.clear_memory()
    return list(batch)


def recognize(recognizer: EntityRecognizer, docs: Iterable[Doc], batch_size: int) -> Iterator[Doc]:
    """``recognizer.pipe(docs, batch_size=...)`` with ``parse``: the same batches, each parsed in sub-batches
    of similar lengths (as ``Parser.pipe``), the docs back in order."""
    for batch in minibatch(docs, size=batch_size):
        in_order = list(batch)
        by_length = sorted(in_order, key=len)
        for sub_batch in minibatch(by_length, size=max(batch_size // 4, 2)):
            sub_batch = list(sub_batch)
            recognizer.set_annotations(sub_batch, parse(recognizer, sub_batch))
        yield from in_order


def pipe(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """``nlp.pipe(texts, batch_size=batch_size)`` in this process, with each greedy entity recognizer run by
    ``recognize``; the other enabled components run as spaCy runs them."""
    docs: Iterable[Doc] = (nlp.make_doc(text) for text in texts)
    for _, component in nlp.pipeline:
        if steps_apply(component):
            docs = recognize(component, docs, batch_size)
        elif hasattr(component, "pipe"):
            docs = component.pipe(docs, batch_size=batch_size)
        else:
            docs = map(component, docs)
    return iter(docs)

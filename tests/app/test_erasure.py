"""The erasure's redactor: surrogates and the value in clear (any case, any spacing), JSON value by value."""

from __future__ import annotations

import json

from app.erasure import Redactor


def test_surrogates_and_the_value_in_clear_are_replaced() -> None:
    redact = Redactor.build("Jane  Doe", ["<PERSON_3>"], None)
    assert (
        redact("<PERSON_3> met jane doe and <PERSON_31>.")
        == "<PERSON_ERASED> met <PERSON_ERASED> and <PERSON_31>."
    )
    assert redact("Janet Doeson") == "Janet Doeson"  # whole words only
    assert redact.needles() == ["<PERSON_3>", "Jane"]


def test_json_is_redacted_value_by_value() -> None:
    redact = Redactor.build("Zoë Brandt", [], "PERSON")
    stored = json.dumps([{"text": "Zoë Brandt signed", "n": 1}])  # escaped: \u00eb
    assert "Zo\\u00eb" in stored
    assert json.loads(redact.redact_json(stored)) == [{"text": "<PERSON_ERASED> signed", "n": 1}]


def test_a_value_without_surrogates_gets_a_generic_marker() -> None:
    assert Redactor.build("4111 1111", [], None)("card 4111 1111") == "card <VALUE_ERASED>"

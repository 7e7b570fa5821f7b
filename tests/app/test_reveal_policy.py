"""The one reveal decision: wanted and permitted (role and the token's scope), else refused by name."""

from __future__ import annotations

import pytest

from app.reveal_policy import RevealRefused, authorize_reveal
from app.stores.users import User


def test_a_reveal_needs_the_permission_of_role_and_token() -> None:
    officer = User("olga", "privacy_officer", ["hr"])
    assert authorize_reveal(officer, True) is True
    assert authorize_reveal(officer, False) is False  # not asked: never shown
    chat_only = User("olga", "privacy_officer", ["hr"], scope=frozenset({"chat"}))  # a token without reveal
    with pytest.raises(RevealRefused, match="role 'privacy_officer' lacks the 'reveal' permission"):
        authorize_reveal(chat_only, True)


def test_an_employee_is_refused_and_the_local_operator_is_not() -> None:
    employee = User("eve", "employee", ["sales"])
    with pytest.raises(RevealRefused) as refused:
        authorize_reveal(employee, True)
    assert refused.value.role == "employee"
    assert authorize_reveal(employee, False) is False
    assert authorize_reveal(None, True) is True  # the CLI without --user: the home's own operator

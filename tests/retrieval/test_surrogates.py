from retrieval.surrogates import sparse_text


def test_surrogates_are_exact_tokens_for_bm25() -> None:
    text = "Ask <PERSON_12> or <US_DRIVER_LICENSE_3>; unseen: <PERSON_NEW1>."
    assert sparse_text(text).split() == [
        "Ask",
        "person12",
        "or",
        "usdriverlicense3",
        ";",
        "unseen:",
        "personnew1",
        ".",
    ]

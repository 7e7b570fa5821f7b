"""Names in a GEDCOM family-tree export (``anonymize.gedcom_names``, session 28): the name tags' values are
persons whatever their words, the tags are nothing; look-alike text is not read as GEDCOM. Names of none of
the evaluation corpora."""

from __future__ import annotations

import pytest

from anonymize.detector import PiiDetector

TREE = """0 HEAD
1 SOUR PAF
1 GEDC
2 VERS 5.5.1
1 CHAR UTF-8
0 @U1@ SUBM
1 NAME Mele Tupou /Fifita/
0 @I1@ INDI
1 NAME Siaosi /Havili/
2 GIVN Siaosi
2 SURN Havili
2 NICK Joe
1 SEX M
1 BIRT
2 DATE 12 MAR 1948
2 PLAC Nukuʻalofa, Tongatapu
1 FAMS @F1@
0 @I2@ INDI
1 NAME Guadalupe /de la Cruz Quispe/
2 _MARNM Havili
2 _AKA Lupita
1 NOTE Met Siaosi at the Hotel Bolivar; her sister Rosa Quispe sent the photos.
0 @I3@ INDI
1 NAME Nguyễn Thị /Lan/
2 GIVN Thị Lan
2 SURN Nguyễn
0 @I4@ INDI
1 NAME Faith /Brave Heart/
2 SURN Brave Heart
0 @F1@ FAM
1 HUSB @I1@
1 WIFE @I2@
1 CHIL @I3@
0 TRLR
"""


def persons(detector: PiiDetector, text: str) -> list[str]:
    (results,) = detector.analyze([text])
    return [
        text[r.start : r.end] for r in sorted(results, key=lambda r: r.start) if r.entity_type == "PERSON"
    ]


def test_the_name_tags_are_persons_whole(detector: PiiDetector) -> None:
    found = persons(detector, TREE)
    for name in [
        "Mele Tupou /Fifita/",
        "Siaosi /Havili/",
        "Joe",
        "Guadalupe /de la Cruz Quispe/",
        "Lupita",
        "Nguyễn Thị /Lan/",
        "Thị Lan",
        "Nguyễn",
        "Faith /Brave Heart/",
        "Brave Heart",
    ]:
        assert name in found, name
    assert found.count("Havili") == 2  # SURN and _MARNM
    assert "Rosa Quispe" in found  # a NOTE is prose: the detector reads it as ever


def test_the_tags_are_no_names(detector: PiiDetector) -> None:
    (results,) = detector.analyze([TREE])
    for result in results:
        value = TREE[result.start : result.end]
        assert not any(tag in value for tag in ("SOUR", "VERS", "BIRT", "FAMS", "INDI", "NICK", "SEX")), value
        if result.entity_type == "PERSON":
            assert value not in ("PAF", "M", "UTF-8"), value


@pytest.mark.parametrize(
    "text",
    [
        # numbered lines without a GEDCOM record: a list of steps, a ranking
        "1 NAME the file after the project.\n2 SURN is not a word.\n3 Send it to QA.",
        "Top sellers\n1 NAME BRAND Shoes\n2 ACME Boots",
    ],
)
def test_no_gedcom_no_names_by_tag(detector: PiiDetector, text: str) -> None:
    assert "the file after the project." not in persons(detector, text)
    assert "BRAND Shoes" not in persons(detector, text)


def test_every_record_of_a_long_tree(detector: PiiDetector) -> None:
    """Each result is matched to its line by position (a tree of thousands of lines costs one look-up per
    result, not a scan of the lines)."""
    given = ["Aroha", "Kalani", "Tupac", "Nilufar", "Yerlan", "Sione", "Ayelen", "Mihaela"]
    records = [
        f"0 @I{i}@ INDI\n1 NAME {given[i % len(given)]} /Tauhore{i}a/\n1 SEX F\n1 BIRT\n2 DATE {1900 + i}\n"
        for i in range(150)
    ]
    tree = "0 HEAD\n1 CHAR UTF-8\n" + "".join(records) + "0 TRLR\n"
    found = persons(detector, tree)
    assert [f for f in found if "/" in f] == [f"{given[i % len(given)]} /Tauhore{i}a/" for i in range(150)]
    assert not any(tag in f for f in found for tag in ("INDI", "BIRT", "SEX", "DATE"))

"""Names that are frequent words of another language (``anonymize.name_languages``): the lexicon's
``foreign`` set and ``foreign_in`` pairs, and what the detector makes of such words in a line of that
language (``foreign_cells``, ``foreign_words.foreign_word``)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from anonymize import name_languages, name_lexicon
from anonymize.detector import PiiDetector
from anonymize.foreign_cells import foreign_cell
from anonymize.name_lexicon import NameLexicon


def _persons(detector: PiiDetector, text: str) -> list[str]:
    return [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]


def test_a_frequent_word_that_ranks_low_where_its_language_is_spoken_is_foreign() -> None:
    ranks = {
        "agua": {"MX": 2310, "PH": 4374},  # Spanish "water", a rare surname
        "rosa": {"ES": 7, "IT": 69},  # a Spanish word and a name that ranks high where Spanish is spoken
        "kaya": {"TR": 2},  # Indonesian "rich", a Turkish surname ranked second
        "suelo": {"PH": 5920},  # Spanish "floor", a name only where no Spanish is spoken
        "sage": {"FR": 4000},  # French "wise", but an English-speaking country's name
    }
    foreign = name_languages.foreign_words(ranks, english_names={"sage"})
    assert foreign == {"agua"}
    pairs = name_languages.foreign_pairs(ranks, english_names={"sage"})
    assert ("agua", "es") in pairs and ("suelo", "es") in pairs and ("kaya", "id") in pairs
    assert ("rosa", "es") not in pairs and ("kaya", "tr") not in pairs and ("sage", "fr") not in pairs


def test_load_reads_the_foreign_sections(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("#given\nrosa\nagua\n#surname\nagua\nhora\n#common\n#foreign\nagua\n")
        out.write("#foreign_in\nes agua\nes hora\n")
    lexicon = name_lexicon.load(path)
    assert lexicon.given_name("Rosa") and not lexicon.given_name("Agua") and not lexicon.surname("AGUA")
    assert not lexicon.name_word("Agua") and lexicon.common_word("Agua") and not lexicon.common_word("Rosa")
    assert lexicon.surname("Hora")  # a name in general: a word of Spanish only in a Spanish line
    assert lexicon.word_of("Hora", "es") and not lexicon.word_of("Hora", "fr")
    assert lexicon.words_of_languages == frozenset({"agua", "hora"})


@pytest.mark.integration
def test_the_derived_lexicon_tells_names_from_words(lexicon: NameLexicon) -> None:
    for word in ("Agua", "Fecha", "Punto", "Juin", "Nous", "Nome", "Completo"):
        assert not lexicon.name_word(word), word
    for name in ("Rosa", "Paz", "Luz", "Blanca", "Amor", "Fe", "Sol", "Esperanza", "Kaya", "Jan", "Ana"):
        assert lexicon.name_word(name), name
    assert lexicon.word_of("fecha", "es") and lexicon.word_of("juin", "fr") and lexicon.word_of("hora", "es")
    assert not lexicon.word_of("paz", "es") and not lexicon.word_of("kaya", "tr")


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Acta de la reunión del 3 de junio, con la firma de los socios.", "Acta"),
        ("La hora de la reunión: Precio y condiciones de la venta.", "Precio"),
        ("Le vingt-six juin, nous avons reçu les témoins.", "juin"),
        ("Objet : la demande de la mairie pour le livret de famille.", "Objet"),
    ],
)
def test_a_word_of_the_line_language_is_a_foreign_cell(lexicon: NameLexicon, text: str, word: str) -> None:
    start = text.index(word)
    assert foreign_cell(text, start, start + len(word), lexicon)


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Presentes en la reunión: Paz y Luz, con la firma de los socios.", "Paz"),
        ("La Sra. Rosa firmó el acta de la reunión.", "Rosa"),
        ("The minutes were signed by Fecha and the board.", "Fecha"),  # an English line: no language told
        ("Toplantıya Kaya da katıldı ve rapor bu hafta bitecek.", "Kaya"),
        ("Zgjedhjet jane mbajtur dhe Jane e ka fituar garen e pare te sezonit.", "Jane"),  # Albanian "are"
    ],
)
def test_a_name_of_the_line_language_is_no_foreign_cell(lexicon: NameLexicon, text: str, word: str) -> None:
    start = text.index(word)
    assert not foreign_cell(text, start, start + len(word), lexicon)


@pytest.mark.parametrize(
    ("text", "names", "clear"),
    [
        (
            "Acta de la reunión del 3 de junio. Presentes: Paz Echeverría, Luz Marina Quispe y Blanca Ortiz. "
            "Precio: USD 2,45 por libra.",
            ["Paz Echeverría", "Luz Marina Quispe", "Blanca Ortiz"],
            ["Acta", "Precio"],
        ),
        (
            "Le vingt-six juin deux mille vingt-sept, nous avons reçu Aziliz Quéméner et Goulven Riou à la "
            "mairie.",
            ["Aziliz Quéméner", "Goulven Riou"],
            ["juin", "nous"],
        ),
        (
            "graça.v: recebi o iban, pago amanhã. ana, o nome completo é Maria da Conceição Figueiró. "
            "bom dia a todos.",
            ["Maria da Conceição Figueiró"],
            ["nome completo", "bom dia"],
        ),
        (
            "Rapat dimulai pukul 09.00. Hadir: Dewi Anggraini, Putri Handayani dan Made Wirawan dari kantor "
            "Bali.",
            ["Dewi Anggraini", "Putri Handayani", "Wirawan"],
            [],
        ),
        (
            "Toplantıya Ayşe Kaya ve Mehmet Yıldız katıldı; rapor Cuma günü hazır.",
            ["Ayşe Kaya", "Mehmet Yıldız"],
            [],
        ),
        (
            "Die Unterlagen hat Frau Oyelaran am 3. Juni an Herrn Nakashima-Berg geschickt.",
            ["Oyelaran", "Nakashima-Berg"],
            ["Juni"],
        ),
        (
            "Muestras tomadas por Yeruti Benítez y Kuarahy Ayala en la naciente y el puente del arroyo, "
            "con la hielera sellada.\n\n| Punto | Matriz | Fecha y hora |\n"
            "|---|---|---|\n| Puente | Agua | 08/09/2027 |\n| Naciente | Agua | 09/09/2027 |\n",
            ["Yeruti Benítez", "Kuarahy Ayala"],
            ["Agua", "Fecha"],
        ),
        (
            "Rosa Martínez and Paz Vega met with Esperanza Gómez and Sol Ibáñez on Monday.",
            ["Rosa Martínez", "Paz Vega", "Esperanza Gómez", "Sol Ibáñez"],
            [],
        ),
        (
            "Thanks to Amor Santos, Fe Dizon and Luz Villanueva for covering the night shift.",
            ["Amor Santos", "Fe Dizon", "Luz Villanueva"],
            [],
        ),
        (
            "Hadir dalam rapat: Blanca Ortiz, Esperanza Ruiz dan Rosária Ximenes dari kantor Dili.",
            ["Blanca Ortiz", "Esperanza Ruiz", "Rosária Ximenes"],
            [],
        ),
    ],
)
def test_names_stay_found_and_words_of_the_line_stay_clear(
    detector: PiiDetector, text: str, names: list[str], clear: list[str]
) -> None:
    found = _persons(detector, text)
    for name in names:
        assert any(name in f for f in found), (name, found)
    for word in clear:
        assert not any(word in f for f in found), (word, found)

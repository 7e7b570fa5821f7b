"""Names typed in lower case (``anonymize.recognizers.lower_names``): two weak signals, real lexicon."""

from __future__ import annotations

import pytest

from anonymize import name_lexicon
from anonymize.recognizers.lower_names import LowerCaseNameRecognizer, everyday_word
from tests.anonymize.recognizers.common import spans


@pytest.fixture(scope="module")
def recognizer() -> LowerCaseNameRecognizer:
    return LowerCaseNameRecognizer(name_lexicon.load())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("<yuki> build is red again", "yuki"),  # a chat log's speaker
        ("ok thanks nacho, see you", "nacho"),  # thanks + a lexicon name
        ("send me lola's number", "lola"),  # a possessive
        ("the night shift: haruto pushed a fix", "haruto"),  # a verb people do
        ("also fatou diop wants the notes by noon", "fatou diop"),  # a given name and a surname
        ("[09:12] <pedro.alves> morning all", "pedro.alves"),  # a handle made of both
        ("- CTO: Sunniva Berg (@sunniva)", "sunniva"),  # a handle's @
    ],
)
def test_a_lower_case_name_with_two_signals(
    recognizer: LowerCaseNameRecognizer, text: str, name: str
) -> None:
    assert spans(recognizer, text, "PERSON") == [name]


@pytest.mark.parametrize(
    "text",
    [
        "we live in hope and thanks again for the help",  # English words, no names
        "haruto is a name",  # a lexicon name alone: one signal
        "thanks precious",  # an everyday English word needs a third signal
        "the kai was late",  # after a determiner
        "write to fatou.diop@example.org today",  # an e-mail address
        "BRCA1 and TP53 bind p21 and MDM2 in HeLa cells; kai said nothing",  # technical text
    ],
)
def test_no_name_on_one_signal(recognizer: LowerCaseNameRecognizer, text: str) -> None:
    assert spans(recognizer, text, "PERSON") == []


def test_everyday_words() -> None:
    assert everyday_word("precious") and everyday_word("hope")
    assert not everyday_word("haruto") and not everyday_word("nacho")


def test_a_frequent_given_name_before_a_rare_surname(recognizer: LowerCaseNameRecognizer) -> None:
    """Detector 31: "jessica lindqvist" needs no third signal (wordfreq counts "jessica" high because people
    bear it; "lindqvist" is rare in English); a frequent word before a frequent surname still does."""
    found = spans(recognizer, "the refund goes to jessica lindqvist next week", "PERSON")
    assert found == ["jessica lindqvist"]
    assert spans(recognizer, "we will park here and mark white lines", "PERSON") == []
    assert spans(recognizer, "the jessica lindqvist file", "PERSON") == []  # after a determiner


def test_a_name_listed_with_a_found_name(recognizer: LowerCaseNameRecognizer) -> None:
    """Detector 43: a lexicon name one signal short is a name when it is listed with a name found ("sven and
    haruto closed"); a word that is no lexicon name is not ("milk and haruto")."""
    assert spans(recognizer, "everything sven and haruto closed", "PERSON") == ["sven", "haruto"]
    assert spans(recognizer, "we need milk and haruto pushed a fix", "PERSON") == ["haruto"]
    assert spans(recognizer, "sven was here", "PERSON") == []


def test_a_chat_logs_handles_and_their_mentions(recognizer: LowerCaseNameRecognizer) -> None:
    """In a chat log (two speaker lines or more) a handle made of a given name and anything ("radka.s") is
    the speaker's name, and so is its "@" mention; one line alone is no chat log."""
    log = "[07:02] <radka.s> morning all\n[07:03] <nkechi> hi. @radka.s are you on bay 4?\n"
    assert spans(recognizer, log, "PERSON") == ["radka.s", "nkechi", "radka.s"]
    assert spans(recognizer, "[07:02] <radka.s> morning all", "PERSON") == []


def test_a_tagged_handle_of_a_given_name(recognizer: LowerCaseNameRecognizer) -> None:
    """Detector 43: "@kim.l" tags a person as "@lena" does (the "@" and a given name: two signals), in any
    text; an e-mail address's local part is no handle, nor a tag that starts with no given name."""
    text = "ping @kim.l and @tomas_hendry for the keys; mail kim.l@example.com or @build.bot"
    assert spans(recognizer, text, "PERSON") == ["kim.l", "tomas_hendry"]


def test_where_a_person_is_and_names_joined_by_a_plus(recognizer: LowerCaseNameRecognizer) -> None:
    """A state only people are in ("is out", "is on leave") is a person's slot, and "+" joins two names as
    "and" does; an everyday word in the same slot still needs a third signal."""
    assert spans(recognizer, "standup: ioana is out thursday, tell the team", "PERSON") == ["ioana"]
    assert spans(recognizer, "kwabena is on leave till monday", "PERSON") == ["kwabena"]
    assert spans(recognizer, "thanks ioana + siddharth for the draft", "PERSON") == ["ioana", "siddharth"]
    assert spans(recognizer, "siddharth + radka to draft it", "PERSON") == []  # no name found to join
    assert spans(recognizer, "the stock is out until friday", "PERSON") == []
    assert spans(recognizer, "grace is out thursday", "PERSON") == []  # "grace" is an English word


def test_what_people_do_with_things(recognizer: LowerCaseNameRecognizer) -> None:
    """Ordering, paying, taking, bringing are things people do: a person's slot after a lexicon name (session
    17); a thing in the same slot is no name, and an everyday word still needs a third signal."""
    assert spans(recognizer, "the printer needs a part, kwabena ordered it", "PERSON") == ["kwabena"]
    assert spans(recognizer, "radka paid the deposit, siddharth brought the keys", "PERSON") == [
        "radka",
        "siddharth",
    ]
    assert spans(recognizer, "the supplier ordered it and the van took the pallets", "PERSON") == []
    assert spans(recognizer, "precious took the keys", "PERSON") == []  # "precious" is an English word


def test_chat_logs_with_the_time_before_or_after_the_speaker(recognizer: LowerCaseNameRecognizer) -> None:
    """Session 15: "09:02 <tunde>" (a bare time before the handle) and "ana.s 10:31  message" (the handle,
    then the time) are chat logs' speakers; so is a name with a pronoun after ("declan, he's fine")."""
    log = "09:02 <tunde> morning. ferhat is out today\n09:03 <nalini> np\n"
    assert spans(recognizer, log, "PERSON") == ["tunde", "ferhat", "nalini"]
    timed = "ana.s 10:31  cliente ligou de novo\ntiago.m 10:33  fui eu\n"
    assert spans(recognizer, timed, "PERSON") == ["ana.s", "tiago.m"]
    assert spans(recognizer, "lol it's just declan, he's fine", "PERSON") == ["declan"]
    assert spans(recognizer, "ana.s 10:31  one line alone is no log", "PERSON") == []


def test_a_chat_export_with_the_time_in_brackets_then_the_handle(recognizer: LowerCaseNameRecognizer) -> None:
    """Session 17: "[09:05] wellington.s: ..." (a Slack-like export) is a chat log's speaker line, as "ana.s
    10:31" is, once two lines have its shape; the handle's mentions follow. One such line is no chat log."""
    log = "[08:58] kwabena.a: the truck is late\n[09:01] radka.s: again?\n[09:02] kwabena.a: ask radka.s\n"
    assert spans(recognizer, log, "PERSON") == ["kwabena.a", "radka.s", "kwabena.a", "radka.s"]
    assert spans(recognizer, "[08:58] kwabena.a: the truck is late\n", "PERSON") == []


def test_a_chat_export_with_a_bare_time_then_the_handle(recognizer: LowerCaseNameRecognizer) -> None:
    """Session 18: "08:58 wang.xm: ..." (a chat copied without brackets around the time) is the same speaker
    line; a one-word handle there is a name when the lexicon holds it or English hardly uses it ("ouyangf"),
    not an agenda's item ("09:00 intro: ...") nor a single line."""
    log = "08:58 wang.xm: which tan?\n09:02 ouyangf: tan wei jie\n09:03 wang.xm: ok\n"
    assert spans(recognizer, log, "PERSON") == ["wang.xm", "ouyangf", "wang.xm"]
    agenda = "09:00 intro: coffee and badges\n09:30 keynote: the year ahead\n"
    assert spans(recognizer, agenda, "PERSON") == []
    assert spans(recognizer, "08:58 wang.xm: one line alone is no log\n", "PERSON") == []


def test_a_title_typed_in_lower_case(recognizer: LowerCaseNameRecognizer) -> None:
    """Session 18: a title right before a lexicon name is the strongest slot, two points: "mr. martin" (an
    everyday word) and "sra. ibarra" are persons; the same words without the title, a figure's unit ("200 ms")
    and English words that are no lexicon names after a title are not."""
    assert spans(recognizer, "mr. martin is a 50 year old man who grew up in grasse", "PERSON") == ["martin"]
    assert spans(recognizer, "fyi mr gallagher from the landlord is coming at 10", "PERSON") == ["gallagher"]
    assert spans(recognizer, "9:30. paco and sra. ibarra from audit", "PERSON") == ["ibarra"]
    assert spans(recognizer, "hello, this is dr. christopher lundgren", "PERSON") == ["christopher lundgren"]
    assert spans(recognizer, "martin is a 50 year old man", "PERSON") == []
    assert spans(recognizer, "the scan took 200 ms martin", "PERSON") == []
    assert spans(recognizer, "ask the dr. about the results", "PERSON") == []


def test_a_speaker_after_what_was_said(recognizer: LowerCaseNameRecognizer) -> None:
    """Session 18: a name right after "said" that follows a quotation's end ("jealous!" said william to
    christina) names the speaker, and the one spoken to; "said" without a quotation before is no such slot."""
    found = spans(recognizer, "i'm so jealous! said william to christina", "PERSON")
    assert found == ["william", "christina"]
    assert spans(recognizer, '"no," said mark. "we should go"', "PERSON") == ["mark"]
    assert spans(recognizer, "he said mark the date in the calendar", "PERSON") == []


def test_english_words_that_are_names_stay_words(recognizer: LowerCaseNameRecognizer) -> None:
    """Session 18: "will", "mark", "hope", "grace", "may", "june", "sunny" in their everyday use stay words,
    also beside the new slots (a greeting, a title's absence, a chat line)."""
    for text in [
        "will do, thanks",
        "mark the date: 4 june",
        "no hope of a fix before may",
        "it was sunny all week, thanks",
        "grace period ends in june",
        "09:02 <tunde> will do\n09:03 <nalini> mark it done, no hope otherwise\n",
    ]:
        expected = ["tunde", "nalini"] if "<" in text else []
        assert spans(recognizer, text, "PERSON") == expected, text


def test_a_chat_logs_one_word_speakers(recognizer: LowerCaseNameRecognizer) -> None:
    """Session 18: in a chat log (two speaker lines or more) a one-word handle is the speaker's name when it
    is a lexicon name, also an English word ("precious"), or a word English does not know ("wanyonyi");
    "<system>" and "<admin>" are not, nor is one line alone."""
    log = (
        "09:05 <wanyonyi> part arrives wednesday\n09:06 <precious> i'm at the front desk\n"
        "09:07 <system> backup done\n09:08 <admin> ok\n"
    )
    assert spans(recognizer, log, "PERSON") == ["wanyonyi", "precious"]
    assert spans(recognizer, "09:05 <wanyonyi> part arrives wednesday", "PERSON") == []


def test_a_handles_given_name_alone(recognizer: LowerCaseNameRecognizer) -> None:
    """Session 18: the given name of a speaker's handle ("wellington.s") names its bearer alone in the same
    text ("@wellington can you confirm", "wellington just got in"); a given name English uses as a word
    ("will.t" and "will") does not."""
    log = (
        "[09:00] joao.pedro: or was it the new guy, wellington\n"
        "[09:02] thais.r: @wellington can you confirm?\n"
        "[09:05] wellington.s: stuck on the ring road\n[09:30] will.t: wellington just got in, will do\n"
    )
    assert spans(recognizer, log, "PERSON") == [
        "joao.pedro",
        "wellington",
        "thais.r",
        "wellington",
        "wellington.s",
        "will.t",
        "wellington",
    ]


def test_the_team_a_person_works_in(recognizer: LowerCaseNameRecognizer) -> None:
    """Session 18: "from accounts", "in security", "at reception" after a lexicon name is a person's slot; a
    thing from a team is no name, and an English word that is a name still needs a third signal."""
    assert spans(recognizer, "we met meenakshi from accounts plus farhan", "PERSON") == ["meenakshi"]
    assert spans(recognizer, "waiting on sølvberg in security", "PERSON") == ["sølvberg"]
    assert spans(recognizer, "the invoice from accounts and the badge at reception", "PERSON") == []
    # An everyday word that is a given name needs two slots: the team, then what the person did.
    assert spans(recognizer, "hope from design named it", "PERSON") == ["hope"]
    assert spans(recognizer, "no hope from design today", "PERSON") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("if she doesn't show, leave it with sione", "sione"),  # the one a task is left with
        ("don't give kev another monitor", "kev"),  # the one given a thing
        ("pls copy dorcas on the audit pack", "dorcas"),
        ("great. xiaoming can u confirm how many?", "xiaoming"),  # the one asked to do something
        ("ok. joão, could you tell the driver", "joão"),
    ],
)
def test_the_one_a_task_goes_to(recognizer: LowerCaseNameRecognizer, text: str, name: str) -> None:
    """Session 19: the object of "with", "copy", "give", ..., and the one asked "can you", are a person's
    slot (one signal); the lexicon is the other."""
    assert spans(recognizer, text, "PERSON") == [name]


@pytest.mark.parametrize(
    "text",
    [
        "we sync the logs with the kafka cluster",  # after a determiner
        "leave it with hope and patience",  # everyday English words need a third signal
        "copy it with care",  # no lexicon name
        "what can you do with it? can you tell?",  # no name before "can you"
    ],
)
def test_no_name_in_a_tasks_slot_alone(recognizer: LowerCaseNameRecognizer, text: str) -> None:
    assert spans(recognizer, text, "PERSON") == []


def test_an_everyday_given_name_in_a_tasks_slot_stays(recognizer: LowerCaseNameRecognizer) -> None:
    """The insider's try: a given name English uses as a word ("grace", "francisco" of San Francisco) in the
    new slot. One slot and the lexicon are not enough for an everyday word (a third signal is), so it is
    not found here; a capitalized mention elsewhere in the document finds it (``late_mentions``) only where
    English has no such word. Recorded here so that a change of the rule shows."""
    assert spans(recognizer, "leave it with grace", "PERSON") == []
    assert spans(recognizer, "leave it with grace, she's on call", "PERSON") == ["grace"]


def test_a_business_tables_markup_is_no_science(recognizer: LowerCaseNameRecognizer) -> None:
    """Session 19: a roster's markdown (heading marks, separator rows), ordinals, record identifiers and a
    CSV row's commas made business tables "technical", where this recognizer reads nothing; names typed in
    lower case below a roster or in an export's cells stayed in clear."""
    roster = (
        "## Gate crew roster, fortnight from Mon 16 Feb\n\n"
        "| Crew member | Role | Week 1 | Week 2 |\n|---|---|---|---|\n"
        "| Ngata, Aroha | Lead | Days | Days |\n| Fonua, Mele | Gate clerk | Days | Nights |\n\n"
        "notes: pay for the 6th still not in payroll – chase hemi at the office; swaps wk2 TBC\n"
    )
    assert "hemi" in spans(recognizer, roster, "PERSON")
    export = (
        "claim_id,employee,cost_centre,date,route,amount\n"
        "TC-2215,Themba Ndlovu,SA-OPS-01,2026-02-20,Harare–Johannesburg,260.00\n"
        "TC-2216,mpho sebe,SA-IT-01,2026-02-23,Gaborone–Maputo,5880.00\n"
    )
    assert spans(recognizer, export, "PERSON") == ["mpho sebe"]


def test_a_science_table_stays_technical(recognizer: LowerCaseNameRecognizer) -> None:
    """The insider's try: a gene screen laid out as a markdown table, whose lower-case gene symbols are
    lexicon names ("tan", "ken"). Its separator rows no longer count, its symbols still do: no names."""
    table = (
        "## Screen hits\n\n| gene | CG id | FBgn | phenotype |\n|---|---|---|---|\n"
        "| tan | CG12120 | FBgn0086367 | pigment loss with ken |\n"
        "| ken | CG5575 | FBgn0011236 | with tan, ectopic Dpp/BMP |\n"
        "| dpp | CG9885 | FBgn0000490 | TGF-β; pMad 2x |\n"
    )
    assert spans(recognizer, table, "PERSON") == []


def test_a_tasks_slot_only_in_a_sentence_typed_in_lower_case(recognizer: LowerCaseNameRecognizer) -> None:
    """The insider's try the SciFact noise check made: "associated with malignant progression" (the lexicon
    holds "malignant" as a given name, rare enough in English). A capitalized sentence is no note typed in a
    hurry: the task's slot does not count there."""
    text = "Together, these changes are commonly associated with malignant progression."
    assert spans(recognizer, text, "PERSON") == []
    assert spans(recognizer, "ok. leave it with sione", "PERSON") == ["sione"]


@pytest.mark.parametrize(
    "text",
    [
        "- holiday pay still not in payroll – chase hemi at the office",  # a list item
        "[09:06] thais: ok. give kev the keys",  # a chat line
        '"leave it with sione," she wrote',
    ],
)
def test_a_tasks_slot_in_notes_and_chat_lines(recognizer: LowerCaseNameRecognizer, text: str) -> None:
    found = spans(recognizer, text, "PERSON")
    assert any(name in found for name in ("hemi", "kev", "sione")), found


def test_a_word_of_respect_or_kinship_after_a_name(recognizer: LowerCaseNameRecognizer) -> None:
    """Session 20: "ji", "dai", "didi", "bhai", "san", "ssi"... after a lower-case lexicon name are a person's
    slot ("ask sunita didi", "ok dorje ji"); an everyday English word still needs a third signal ("noted
    ram dai" stays, unless the document names a Ram: ``name_forms``), and the word alone names nobody."""
    assert spans(recognizer, "ok dorje ji. call when you reach", "PERSON") == ["dorje"]
    assert spans(recognizer, "please ask sunita didi for the key", "PERSON") == ["sunita"]
    assert spans(recognizer, "noted ram dai. will wait", "PERSON") == []
    assert spans(recognizer, "ji and dai are words of respect", "PERSON") == []


def test_a_found_names_word_with_a_word_of_respect_end_to_end() -> None:
    """The insider's case: a chat that names "Ram Bahadur Thapa" once, then calls him "ram dai" in lower case
    ("ram" is an English word) and "RAM DAI" in capitals: every mention is the person."""
    from anonymize.detector import DetectorConfig, PiiDetector

    detector = PiiDetector(DetectorConfig())
    log = (
        "Sat 14 Mar, 11:15 Ram Bahadur Thapa: road block near Dhunche, 1 hr late\n"
        "Sat 14 Mar, 11:16 Office (Mina): noted ram dai. wait at the lodge\n"
        "Sat 14 Mar, 11:20 Office (Mina): RAM DAI call me\n"
    )
    found = {log[r.start : r.end] for r in detector.analyze([log])[0] if r.entity_type == "PERSON"}
    assert {"Ram Bahadur Thapa", "ram", "Mina"} <= found, found
    assert any(f.startswith("RAM") for f in found), found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("licence; marek has the key", ["marek"]),
        ("- invoice query: marcus to check with accounts (siobhan)", ["siobhan"]),
        ("already in the folder. doña marisol reviewed them", ["marisol"]),  # the title is no given name
        ("08:58 wang.xm: morning. lao chen says the scanners arrived", ["chen"]),
        ("photos sent to ilze; edgars agrees", ["ilze", "edgars"]),
        ("- check with priya r if pune can take overflow", ["priya r"]),  # a trailing initial
        ("Roster next week: ushers sione v. & mele t.; kitchen", ["sione v.", "mele t."]),  # a list
        ("haha yes, hope from design named it after herself", ["hope"]),
        ("[07:21] <radka.s> haha yes, hope from design named it after herself", ["hope"]),  # after a handle
        ("rulhos load is 2 pallets short btw, seu jorge is recounting", ["jorge"]),
        # What an insider tries first: a possessive, glued to punctuation, a chat line, after "cc:".
        ("marek's laptop is broken", ["marek"]),
        ("licence;marek has the key", ["marek"]),
        ("09:02 ouyangf: ok. marek has the key", ["marek"]),
        ("cc: marek", ["marek"]),
    ],
)
def test_session_23_slots(recognizer: LowerCaseNameRecognizer, text: str, names: list[str]) -> None:
    """Session 23: what a person does or is asked to do next, the one a thing goes to, a name alone in
    brackets, titles of respect typed in lower case, names listed together and a trailing initial."""
    assert spans(recognizer, text, "PERSON") == names


@pytest.mark.parametrize(
    "text",
    [
        "leave it with grace",  # an everyday word that is a name needs two slots
        "there is no hope from design today",
        "monterrey and guadalajara. lupita said",  # places listed together
        "tá pingando de novo, fala com a graça",  # a comma joins clauses too
        "siddharth + radka to draft it",
        "give priya a call",  # "a" is no initial
        "9:30. paco and sra. ibarra from audit",  # "sra" is a title, listed or not
    ],
)
def test_session_23_words_that_stay(recognizer: LowerCaseNameRecognizer, text: str) -> None:
    found = spans(recognizer, text, "PERSON")
    assert "grace" not in found and "hope" not in found and "monterrey" not in found
    assert "novo" not in found and "fala" not in found and "radka" not in found
    assert "priya a" not in found and "sra" not in found


def test_acronyms_alone_do_not_make_a_text_technical(recognizer: LowerCaseNameRecognizer) -> None:
    """Session 23: a transcript whose speakers and acronyms are in capitals is no science text, but a name
    in lower case there is taken only in a line typed in lower case; a science abstract's symbols still
    keep the recognizer out."""
    transcript = (
        "TRANSCRIPT WAT. ADEBAYO: Then Femi. BISI: ok. CFO said no. GP notes, ECG fine, HCA on.\n"
        "- dato's and nino's laptops both on old firmware"
    )
    assert spans(recognizer, transcript, "PERSON") == ["dato", "nino"]
    abstract = "Deletions of p18 and p57 with CDK1 in SiO2 cells. We thank nino's lab and marek has the key."
    assert spans(recognizer, abstract, "PERSON") == []


def test_handles_shown_beside_the_speakers_name_and_speakers_before_the_time(
    recognizer: LowerCaseNameRecognizer,
) -> None:
    """A Slack export's "09:02 김민준 (minjun.kim): ..." and its "@minjun.kim"; a chat export's one-word
    speaker before the time ("joaop 10:32 ...") and its mention. Not a display name's "(guest)"."""
    log = (
        "09:02 김민준 (minjun.kim): standup in 5\n"
        "09:03 Lee Dong-hyun (dh.lee): ok. @minjun.kim the arm is on the rig\n"
        "10:02 Chance Holloway (guest): hi everyone\n"
    )
    assert spans(recognizer, log, "PERSON") == ["minjun.kim", "dh.lee", "minjun.kim"]
    chat = "ana.s 10:31  cliente ligou\njoaop 10:32  quem atendeu?\nana.s 10:41  joaop você fecha?\n"
    assert spans(recognizer, chat, "PERSON") == ["ana.s", "joaop", "ana.s", "joaop"]
    assert spans(recognizer, "lunch 12:00  canteen\nshift 14:00  depot\n", "PERSON") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('"the best boss i ever had. rest easy gwilym" - ollie jenkins\n', ["ollie jenkins"]),
        ("Stunt coordinator: Mehmet Yıldız   Gaffer: kovan   Catering: Xaltî Gulê", ["kovan"]),
        ("Triage (by graça):\n- #1 reschedule", ["graça"]),
    ],
)
def test_a_quotations_author_a_roles_field_and_a_byline(
    recognizer: LowerCaseNameRecognizer, text: str, names: list[str]
) -> None:
    """Session 26: slots a capitalized line holds too, each with the lexicon's point."""
    assert spans(recognizer, text, "PERSON") == names


@pytest.mark.parametrize(
    "text",
    [
        "Shipped (by hand) to the depot",  # an everyday word needs a third signal
        "Editor: nano   Shell: bash",  # a program's setting
        '"great boss" - anon\n',  # no lexicon name
    ],
)
def test_no_name_in_a_settings_field_or_an_everyday_byline(
    recognizer: LowerCaseNameRecognizer, text: str
) -> None:
    assert spans(recognizer, text, "PERSON") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Team-Chat. kannst du bitte jürgen fragen, ob er morgen kommt?", ["jürgen"]),  # "bitte": no name
        ("notiz: sag bitte jürgen, er soll kommen", ["jürgen"]),
        ("salut. demande à élodie pour la clé. merci sabine", ["élodie", "sabine"]),
        ("ciao. chiedi a giulia il badge", ["giulia"]),  # the Italian "a" no article
        ("Hola. por favor llama a marisol, gracias", ["marisol"]),
    ],
)
def test_other_languages_please_thanks_and_asking(
    recognizer: LowerCaseNameRecognizer, text: str, names: list[str]
) -> None:
    """Session 26: another language's "please" or "thanks" is no given name ("bitte", "merci" are, in the
    lexicon) and addresses the name after it; asking, calling or telling someone is a slot in Spanish,
    Portuguese, Italian, French and German."""
    assert spans(recognizer, text, "PERSON") == names


@pytest.mark.parametrize(
    "text",
    [
        "ok. llama a madrid mañana.",  # a known place
        "frag mal nach, sag mal",  # a small word of the line's language
    ],
)
def test_no_name_after_asking_a_place_or_a_small_word(recognizer: LowerCaseNameRecognizer, text: str) -> None:
    assert spans(recognizer, text, "PERSON") == []

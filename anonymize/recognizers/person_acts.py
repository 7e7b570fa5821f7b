"""What people do in business text and what is done to them, around a capitalized word: one context point
for ``name_evidence`` (the lexicon, or a word English does not know, is the other), read by
``person_slots.person_slot``.

- **Done to a person**, right before the name: "cc Tavita", "pay Oyelaran", "loop in Aziza", "let Kofi know",
  "check with Mbali", "remind Väinö to", "make sure Väinö has"; a thing handed or left to a person: "hand
  the keys to Oyelaran", "leave it for Baba", "the cards are with Dennis", "on behalf of Nkechi", "attn.
  Pimchanok", "a note from Sakura".
- **Done by a person**, right after the name: a modal verb then what people do at work ("Dembélé will send
  the report", "Ilona can't come"), where a person is ("Szymon is off sick", "Tavita is on nights"), what a
  person did ("Rahim approved it", "Aroha texted").
- **A person's things**, after the name's possessive: "Kirra's desk", "Oluwadamilare's payslip".
- **An appositive with a role**: "Tendai, the driver,".

Sports and news text name clubs and countries in the same places ("Lyon will face", "Chelsea's manager"):
the verbs and things here are the ones a club does not take (no "play", "sign", "face", no "manager" or
"team"), and a known place is still a place (``name_evidence`` keeps the model's place against it).
"""

from __future__ import annotations

import re

# Verbs and phrases whose object is a person, as the last words before the name ("cc Tavita", "loop in Aziz").
_DONE_TO = (
    r"b?cc|cc['’]?d|cc['’]?ing|copy[ \t]+in|copied[ \t]+in|loop[ \t]+in|looped[ \t]+in|looping[ \t]+in|pay|"
    r"paid|paying|owe|owes|owed|hire|hired|brief|briefed|text|texted|message|messaged|chase|chased|notify|notified|inform|"
    r"informed|congratulate|congratulated|fetch|fetched|page|paged|escalate[ \t]+to|escalated[ \t]+to|"
    r"check[ \t]+with|checked[ \t]+with|confirm[ \t]+with|confirmed[ \t]+with|speak[ \t]+to|spoke[ \t]+to|"
    r"talk[ \t]+to|ask[ \t]+for|asked[ \t]+for|thanks[ \t]+to|thank[ \t]+you[ \t]+to|reimburse|reimbursed|"
    r"refund|refunded|introduce|introduced|replace|replaced|relieve|relieved|cover[ \t]+for|"
    r"covering[ \t]+for|covers[ \t]+for|deputi[sz]es?[ \t]+for|deputi[sz]ing[ \t]+for|on[ \t]+behalf[ \t]+of|"
    r"attn\.?|attention|c/o|care[ \t]+of|(?:note|message|memo|email|e-mail|text|call|word)[ \t]+from|"
    # the agent of what is done at work ("typed up by Kahurangi", "collected by Sipho";
    # ``person_cues.AGENT_BY`` has the record's verbs)
    r"(?:typed[ \t]+up|organi[sz]ed|hosted|covered|collected|delivered|driven|interviewed|referred|"
    r"recommended|taught|coached|supervised|trained|mentored|translated|interpreted|handled|received|"
    r"accepted|issued|booked|dispatched|picked[ \t]+up|signed[ \t]+for|filled[ \t]+in|completed|logged|"
    r"entered|updated|cancelled|rejected|declined|sent|emailed|forwarded|replaced|escorted|accompanied|"
    r"greeted|met|seen|treated|admitted|discharged)[ \t]+by"
)
_DONE_TO_BEFORE = re.compile(rf"(?<![\w'’/-])(?i:{_DONE_TO})[ \t]*:?[ \t]+$")
# "let Kofi know", "let Ana see it"
_LET_BEFORE = re.compile(r"(?<![\w'’-])(?i:let)[ \t]+$")
_LET_AFTER = re.compile(r"[ \t]+(?:know|see|decide|check|have)\b")
# Asking, telling or reminding a person to do something: "remind Väinö to bring", "tell Oghenekaro that",
# "asked Nodira whether" (not "told Reuters", "asked Microsoft for": no clause follows).
_TELL_BEFORE = re.compile(r"(?<![\w'’-])(?i:remind|reminded|tell|told|ask|asked|warn|warned)[ \t]+$")
_TELL_AFTER = re.compile(r"[ \t]+(?:to|that|about|whether|if)\b")
# The subject of what a message makes sure of: "please make sure Väinö has the certificates", "ensure
# Kahurangi signs" (a person's verb follows).
_SURE_BEFORE = re.compile(r"(?<![\w'’-])(?i:make[ \t]+sure|makes[ \t]+sure|ensure)(?:[ \t]+that)?[ \t]+$")
# What a person does, not a thing ("is", "works", "can" are said of proteins and devices too).
_SURE_AFTER = re.compile(
    r"[ \t]+(?:has|gets|knows|brings|sends|signs|calls|sees|remembers|doesn['’]t|books|pays|collects|"
    r"returns|emails|phones|rings)\b"
)
# A thing handed, given or left to a person: "hand the keys to Oyelaran", "give it to Kehinde", "leave it
# for Baba", "the cards are with Dennis" (not "sent to Lagos", "moved to Suva": a place takes those).
_HANDED_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:(?:hand|hands|handed|handing|give|gives|gave|given|giving|pass|passes|passed|passing|"
    r"assign|assigns|assigned|reassigned|delegate|delegated|report|reports|reported|reporting|payable|"
    r"addressed|married|engaged)(?:[ \t]+(?:it|them|this|that|these|those|the[ \t]+\w+|over|back))?"
    r"[ \t]+to|(?:leave|leaves|left|leaving)[ \t]+(?:it|them|this|that|a[ \t]+(?:note|message|copy))"
    r"[ \t]+(?:for|with)|(?:is|are|was|were|stays?|stayed|sits?|sat)[ \t]+with)[ \t]+$"
)
# What people do at work, after a modal or a "not": "Dembélé will send the report", "Ilona can't come".
_PEOPLE_VERBS = (
    r"send|email|e-mail|call|phone|ring|text|reply|answer|bring|collect|pick[ \t]+up|drop[ \t]+off|chase|"
    r"forward|confirm|check|approve|explain|cover|book|arrange|sort|look[ \t]+into|follow[ \t]+up|come|"
    r"attend|present|help|update|prepare|draft|review|sign[ \t]+off|countersign|interview|train|drive|"
    r"deliver|bring|fetch|print|scan|invoice|pay|email|message|ping|remind|ask|tell|let|contact|"
    r"meet[ \t]+you|"
    r"be[ \t]+(?:in|out|off|away|back|late|on[ \t]+leave)"
)
_MODAL = (
    r"will|['’]ll|would|can|could|should|must|shall|may|might|needs[ \t]+to|has[ \t]+to|had[ \t]+to|"
    r"wants[ \t]+to|"
    r"is[ \t]+going[ \t]+to|is[ \t]+to|won['’]t|can['’]t|cannot|couldn['’]t|didn['’]t|doesn['’]t|did|does|"
    r"to"
)
_ACT_AFTER = re.compile(
    rf"(?:[ \t]+(?:{_MODAL})[ \t]+(?:(?:not|also|still|then|please|kindly|just)[ \t]+)?(?:{_PEOPLE_VERBS})\b|"
    # where a person is: "Szymon is off sick", "Tavita is on nights", "Kofi's out today"
    r"(?:[ \t]+(?:is|was)|['’]s)[ \t]+(?:(?:still|now|currently|also)[ \t]+)?"
    r"(?:out[ \t]+(?:today|sick|until|till|"
    r"on|this|all)|off[ \t]+(?:sick|today|tomorrow|work|until|till|on|this|next)|sick|on[ \t]+(?:leave|"
    r"holiday|vacation|call|nights|days|lates|earlies|annual[ \t]+leave|maternity|paternity|sick[ \t]+leave|"
    r"furlough|secondment|the[ \t]+rota|shift)|at[ \t]+the[ \t]+(?:dentist|doctor|doctor['’]s|hospital|"
    r"clinic)|"
    # what a person is doing at work: "Obiageli is covering reception", "Tanvir's sending the forms"
    # (not "driving", "hosting", "reviewing": firms and cities do those)
    r"(?:covering|handling|sending|bringing|collecting|chasing|cooking|organi[sz]ing|picking[ \t]+up|"
    r"dropping[ \t]+off|emailing|calling|phoning|sorting|preparing|drafting|interviewing|looking[ \t]+into|"
    r"following[ \t]+up|taking[ \t]+over|standing[ \t]+in|filling[ \t]+in|off[ \t]+sick|"
    r"out[ \t]+of[ \t]+(?:the[ \t]+)?office))\b|"
    # what a person did at work: "Rahim approved it", "Aroha texted"
    r"[ \t]+(?:approved|emailed|e-mailed|texted|messaged|rang|phoned|forgot|apologi[sz]ed|volunteered|"
    r"picked[ \t]+up|dropped[ \t]+off|collected|invoiced|countersigned|initialled|"
    # what a person said or did in a report, which firms, clubs and countries do not ("Iñaki mentioned the
    # boiler", "Ikaika nodded"; not "told", "explained", "promised", "stopped": "Ford told investors")
    r"mentioned|noticed|laughed|smiled|nodded|whispered|shouted|waved|sighed|shrugged|winked)\b)"
)
# A person's things after the possessive: "Kirra's desk", "Oluwadamilare's payslip" (not "manager",
# "team" or "contract": clubs have them).
_THINGS_AFTER = re.compile(
    r"['’]s[ \t]+(?:(?:new|old|own|last|first)[ \t]+)?(?:desk|leave|annual[ \t]+leave|sick[ \t]+leave|laptop|"
    r"passport|visa|payslip|salary|signature|initials|mobile|cell|phone|email|e-mail|inbox|calendar|diary|"
    r"shift|shifts|replacement|farewell|leaving[ \t]+do|retirement|sick[ \t]+note|timesheet|locker|badge|"
    r"line[ \t]+manager|mum|dad|mom|kids|husband|wife|partner|fiancée?|girlfriend|boyfriend|wedding|"
    r"birthday|surname|first[ \t]+name|maiden[ \t]+name|nickname|handwriting|extension|parking[ \t]+space|"
    r"expenses|expense[ \t]+claim|appraisal|probation|notice|resignation|CV|cv|résumé|resume|pronouns)\b"
)
# A role after the name, with an article: "Tendai, the driver,", "Ruth, a cleaner on nights".
_ROLES = (
    r"driver|cashier|cleaner|caretaker|receptionist|clerk|secretary|accountant|bookkeeper|storekeeper|"
    r"supervisor|foreman|technician|mechanic|electrician|plumber|nurse|carer|courier|interpreter|"
    r"translator|intern|trainee|apprentice|temp|locum|volunteer|landlord|landlady|tenant|neighbou?r|"
    r"nanny|housekeeper|porter|security[ \t]+guard|guard|admin|administrator|coordinator|co-ordinator"
)
_ROLE_APPOSITIVE_AFTER = re.compile(
    rf"[ \t]*,[ \t]*(?i:the|a|an)[ \t]+(?:(?:new|old|night|day|duty|agency|relief|senior|junior|head|"
    rf"site|office|delivery|van|lorry|truck|bus|taxi)[ \t]+)?(?i:{_ROLES})(?![\w'’-])"
)

# The others named with the writer: "Interview panel: Ngaire, Talgat and me", "Tui and I", "me and Talgat"
# (not "news for Pirelli, and I expect": "I" after a comma starts a clause).
_WITH_ME_AFTER = re.compile(
    r"(?:[ \t]*,[ \t]*[^\W\d_][\w'’-]*){0,4}"
    r"(?:[ \t]*,?[ \t]+(?:and|&)[ \t]+(?:me|myself)|[ \t]+(?:and|&)[ \t]+I)(?![\w'’-])"
)
_WITH_ME_BEFORE = re.compile(r"(?<![\w'’-])(?i:me|myself)[ \t]+(?:and|&)[ \t]+$")
# A message's closing in other languages, then the sender's name ending its line: "Atentamente,\nXimena",
# "Grüße, Dörte", "Ngā mihi,\nHēmi" (the English closings: ``person_slots``).
_CLOSING_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:atentamente|saludos|un[ \t]+saludo|cordialmente|un[ \t]+abrazo|abrazos|besos|"
    r"atenciosamente|cumprimentos|abraços|obrigad[oa]|cordialement|bien[ \t]+à[ \t]+vous|amitiés|bises|"
    r"grü(?:ß|ss)e|gru(?:ß|ss)|mit[ \t]+freundlichen[ \t]+grü(?:ß|ss)en|"
    r"met[ \t]+vriendelijke[ \t]+groet(?:en)?|"
    r"groeten|groetjes|cordiali[ \t]+saluti|distinti[ \t]+saluti|saluti|pozdrawiam|pozdrav|s[ \t]+pozdravem|"
    r"hälsningar|med[ \t]+vänliga[ \t]+hälsningar|med[ \t]+vennlig[ \t]+hilsen|hilsen|mvh|terveisin|"
    r"ystävällisin[ \t]+terveisin|saygılarımla|selamlar|ngā[ \t]+mihi|nga[ \t]+mihi|mahalo|salamat)"
    r"[ \t]*[,!.]?[ \t]*\n?[ \t]*$"
)
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")


def person_act(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` (a capitalized candidate) is the object or the subject of what people do at work,
    has a person's things, or a role beside it (see the module doc)."""
    before = text[max(0, start - 40) : start]
    return bool(
        _DONE_TO_BEFORE.search(before)
        or (_LET_AFTER.match(text, end) and _LET_BEFORE.search(before))  # each test's cheap part first
        or (_TELL_AFTER.match(text, end) and _TELL_BEFORE.search(before))
        or (_SURE_AFTER.match(text, end) and _SURE_BEFORE.search(before))
        or _HANDED_BEFORE.search(before)
        or _ACT_AFTER.match(text, end)
        or _THINGS_AFTER.match(text, end)
        or _ROLE_APPOSITIVE_AFTER.match(text, end)
        or _WITH_ME_AFTER.match(text, end)
        or (("and" in before or "&" in before) and _WITH_ME_BEFORE.search(before))
        or (_LINE_END.match(text, end) and _CLOSING_BEFORE.search(before))
    )

"""Terms of address of many languages that stand before or after a name and are no part of it: honorifics,
kinship words used as titles, teachers' and clergy's titles ("Doña Rosario", "Tante Ingrid", "Cikgu
Rahman", "Mwalimu Juma", "Thầy Minh", "Rustam aka", "Leela teacher").

The corpus convention (tests/fixtures/diverse_names/README.md) and the reader's: the span is the name only.
``honorifics`` builds its patterns from these tables. Three kinds:

* ``BEFORE``: before a name, borne by no one as a given name (cut before any capitalized name word);
* ``BEFORE_GIVEN_TOO``: before a name, but also a given name somewhere ("Don Johnson", "Ato Boldon", "Nana
  Akufo-Addo", "Zia ul-Haq"): cut only where the document says it is a title (``honorifics``);
* ``AFTER``: after a name, in lower case as written ("Rustam aka", "Ravi garu", "Kovács úr").

Left out on purpose: words that start names ("Sri Mulyani", "Anh Thu", "Mas Selamat", "Baba Chiedza", a
Shona teknonym; Cantonese "Ah"), short words that are common surnames or given names ("Ko", "Ma", "U", "Ong",
"Chi", "Kang", "Teh", "Bang", "Mang", "Nai", "Selvi", "Hala", "Inna", "Saba", "Shaikh", "Saya", "Nanna",
"Amala", "Igwe"), and particles.
"""

from __future__ import annotations

# Grouped by language family; capitalized as written before a name (matched case-insensitively from a
# capital). Multi-word titles before their first word ("Txiv Ntxawm" before "Txiv").
_BEFORE_GROUPS = (
    # Amharic, Tigrinya, Oromo
    r"W/ro|W/rt|W/t|Woizero|Weyzero|Woizerit|Weyzerit|Wzo\.|Wzt\.|Obbo|Aadde|Adde|Memhir|Mämhir|Emahoy|"
    r"Liqe|Qesis|Kesis|Grazmach|Fitawrari|Dejazmach",
    # Swahili, Luganda, Kinyarwanda
    r"Bwana|Mzee|Mwalimu|Mwl\.|Ndugu|Daktari|Mheshimiwa|Mhe\.|Shangazi|Mjomba|Ssebo|Nnyabo|Ssenga|Kojja|"
    r"Jjajja|Mukyala|Omukyala|Omwami|Nnalongo|Ssalongo|Owek\.|Muky\.|Muzehe|Padiri|Mwarimu|Nyakubahwa|Madamu",
    # Shona, Zulu, Xhosa, Sotho, Tswana, Afrikaans
    r"Amai|Mukoma|Sekuru|Ambuya|Mbuya|Babamukuru|Babamunini|Mainini|Maiguru|Gogo|Mkhulu|Makhulu|Tamkhulu|"
    r"Malume|Malome|Mnumzana|Mnumzane|Nkosikazi|Nkosazana|Ntate|Abuti|Ausi|Rra|Rre|Mma|Nkgono|Rangwane|"
    r"Oom|Tannie|Mnr\.|Mev\.|Mej\.|Juffrou|Dominee|Oupa|Ouma",
    # Yoruba, Igbo, Hausa, Akan, Ewe, Wolof
    r"Oloye|Alhaji|Alhaja|Hajiya|Mallam|Malam|Mazi|Ogbuefi|Ichie|Alagba|Iya|Oga|Opanyin|Osofo|Agya|"
    r"Togbe|Togbui|Mamaga|Efo|Serigne",
    # Arabic, Somali, Persian, Afghan, Tajik, Kurdish
    r"Sayyida|Sayida|Sitt|Teta|Jiddo|Jeddo|Ammo|Khalo|Khalto|Ammto|Ustadh|Ustadha|Ustaz|Ustaza|Ustazah|"
    r"Hajj|Hajja|Hajje|Hajji|Sheikha|Shaykh|Abouna|Abuna|Lalla|Duktur|Aabo|Abti|Eedo|Adeer|Ayeeyo|Awoowe|"
    r"Macallin|Sheekh|Xaaji|Marwo|Mudane|Walaal|Agha|Aqa|Aghaye|Agha-ye|Jenab|Janab|Janob|Khanum|Khanom|"
    r"Khonum|Mohandes|Ostad|Ustod|Muallim|Domullo|Mullo|Mawlawi|Maulvi|Maulana|Khaleh|Ammeh|Mamosta|Xaltî|"
    r"Xalti|Xalê|Apê|Birêz|Kak|Dayê",
    # Turkish, Azerbaijani, Uzbek
    r"Amca|Teyze|Dayı|Yenge|Enişte|Cənab",
    # South Asian
    r"Shri|Shree|Shrimati|Srimati|Smt|Thiru|Thirumathi|Bhai|Bhaiya|Bhaiyya|Behenji|Chacha|Chachi|Chachaji|"
    r"Tauji|Mamaji|Mausi|Phupha|Phuphi|Pandit|Pt\.|Swami|Giani|Ustad|Hajur",
    # Tibetan, Thai, Lao, Khmer, Burmese
    r"Geshe|Khenpo|Kusho|Khun|Nangsao|Ajarn|Ajahn|Achan|Kru|Sathu|Samdech|Oknha|Lok[ \t]+Srey|"
    r"Neak[ \t]+Srey|Yeay|Daw|Sayama|Sayadaw|Thakin|Bogyoke",
    # Vietnamese (with their marks only: "Ong", "Chi", "Co" are names)
    r"Ông|Bà|Chị|Cô|Chú|Bác|Thầy|Cậu|Dì|Cụ|Mợ|Ngài",
    # Filipino, Malay, Indonesian, Hmong
    r"Ate|Kuya|Manong|Manang|Aling|Tita|Tito|Lola|Lolo|Nanay|Tatay|Inay|Itay|Ninong|Ninang|Tiyo|Tiya|"
    r"Bapak|Ibu|Bu|Mbak|Encik|Cik|Puan|Pakcik|Makcik|Cikgu|Abang|Kakak|Atuk|Nenek|Mbah|Eyang|Bude|Pakde|"
    r"Bulik|Paklik|Akang|Kyai|Kiai|Hajah|Hjh\.|Hj\.|"
    r"Txiv[ \t]+Ntxawm|Niam[ \t]+Ntxawm|Txiv[ \t]+Hlob|Niam[ \t]+Hlob|Niam[ \t]+Tais|Xib[ \t]+Fwb|Yawg",
    # Slavic, Baltic, Finnic, Romanian, Greek, Hebrew, Armenian, Georgian
    r"Pani|Panna|Gospodin|Gospozha|Gospodja|Gospođa|Gđa\.|Ks\.|Ksiądz|Ciocia|Wujek|Babcia|Dziadek|Dyadya|"
    r"Dyadko|Tyotya|Titka|Spadar|Spadarynia|Tetka|Ujak|Stric|Hadži|Efendija|Ponas|Ponia|Panelė|Härra|"
    r"Proua|Preili|Herra|Rouva|Neiti|Domnul|Doamna|Domnișoara|Dl\.|Dna\.|Părintele|Tanti|Tușa|Kyrios|Kyria|"
    r"Theia|Theios|Pappous|Giagia|Reb|Adon|Geveret|Gveret|Doda|Savta|Rebbetzin|Paron|Tikin|Oriord|Varpet|"
    r"Batono|Kalbatono|Bidzia|Deida|Babua|Bebia",
    # Romance, Germanic, Nordic, Maltese, Welsh
    r"Doña|Dona|Seu|Frei|Fray|Sor|Irmã|Irmão|Padre|Madre|Mossèn|Senyor|Senyora|Tieta|Tiet|Àvia|Doutor|"
    r"Doutora|Dra\.|Mestre|Maestro|Maestra|Profe|Vovó|Vovô|Vó|Vô|Avó|Avô|Tío|Tía|"
    r"Abuela|Abuelo|Abuelita|Abuelito|Nonno|Nonna|Zio|Sig\.ra|Sig\.|Dott\.ssa|"
    r"Dott\.|Avv\.|Frère|Sœur|Soeur|Père|Tonton|Tatie|Maître|Tante|Onkel|Ome|Fräulein|Frl\.|Dhr\.|Mevr\.|"
    r"Mw\.|Juffrouw|Herrn|Herr|Frau|Fru|Frk\.|Fröken|Sinjura|Sinjorina|Patri|Nannu|Ziju|Zija|Perit|Avukat|Parch\.",
    # Pacific, Malagasy, Andean
    r"Whaea|Matua|Koro|Kuia|Ratu|Faifeau|Faifekau|Talatala|Afioga|Susuga|Ramatoa|Andriamatoa|Ingahy|"
    r"Rtoa\.|Dadabe|Mompera|Masera|Pastora|Tayta",
    # Japanese and Chinese teachers' titles before a name in English text
    r"Sensei|Sifu",
)
BEFORE = "|".join(_BEFORE_GROUPS)

# Titles before a name that people also bear as given names (Ato Boldon, Nana Akufo-Addo, Don Johnson, Daya
# Ram, Bibi Netanyahu, Zia ul-Haq, Adi Shamir, Kaká, Dom for Dominic, Masi Oka, Mama Cass).
BEFORE_GIVEN_TOO = r"Ato|Nana|Don|Dom|Daya|Mam|Kaka|Mama|Bibi|Maame|Sokhna|Sayyid|Zia|Adi|Masi|Pan|Lok|Mas"

# After a name, as written in lower case ("Rustam aka", "Ravi garu", "Perera mahattaya", "Kovács úr", "Amit
# da", "Leela teacher"), and a few capitalized ("Kemal Bey", "Lam Sir").
AFTER = (
    r"bey|hanım|hanim|abi|abla|apa|aapa|ağabey|hoca|efendi|sahib|sahab|saab|saheb|ji|jee|bhai|bhaiya|"
    r"bhaijaan|babu|didi|di|da|dai|nim|ssi|san|sama|kun|chan|sir|jaan|khanum|agha|aka|opa|aga|agai|apai|"
    r"müəllim|muallim|bəy|xanım|xanim|garu|gaaru|akka|amma|ayya|aiya|mahattaya|mahatmaya|thera|chettan|"
    r"chechi|chetta|ikka|itha|mash|teacher|bhabhi|baji|khala|khalu|mamu|chachu|kaku|mami|"
    r"chacha|guai|akh|egch|bagsh|jon|bobo|úr|néni|bácsi|kungs|kundze|jauna|setä|täti|sensei|senpai|"
    r"sempai|sunbae|hyung|oppa|unni|noona|nuna|seonsaengnim|sajangnim|laoshi|xiansheng|gor|jeh|suk"
)
# Given names too in lower-case text ("maria anna", "ben", "jan"): after a capitalized name only.
AFTER_NAME_WORDS = r"anna|ben|jan|tai|dada|mama|kaka"
AFTER_CAPITALIZED = r"Bey|Hanım|Hanim|Hoca|Efendi|Sahib|Saheb|Bhai|Sir|Sensei|Laoshi"

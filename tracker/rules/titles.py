"""Titles, roles and name particles: the vocabulary people.py uses to split roles off names.

Kept as data so a new outlet's conventions ("Sheikh", "Chairperson", "Lt. Gen.") are one
line here, not a code change. Every table carries examples that tests/test_people.py runs.
"""

from __future__ import annotations

# Capitalised words that precede a name as a title ("President Vladimir Putin",
# "Emir Sheikh Tamim ...", "AU Commission Chairperson Mahmoud Ali Youssouf").
# Compared case-insensitively; a leading run of these is split off a name.
TITLE_WORDS: frozenset[str] = frozenset(
    """
    president vice prime minister secretary foreign defence defense trade treasury state
    interior finance home economy energy environment culture justice health education
    emir sheikh sheikha king queen prince princess crown chancellor premier vice-premier
    chairperson chairman chairwoman chair director general lieutenant lt lt. major maj maj.
    colonel col col. admiral commander governor senator sen sen. rep rep. representative
    congressman congresswoman speaker judge ambassador envoy special spokesman spokeswoman
    spokesperson mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady pope cardinal archbishop
    bishop mayor commissioner chief supreme court commission council parliament gen gen.
    former acting deputy assistant adviser advisor aide leader mullah ayatollah rabbi
    imam sultan crown-prince marshal brigadier sergeant captain capt capt. field
    minister-president first lady high representative undersecretary under attorney
    treasurer messrs messrs. staff mme mme. rev rev. reverend
    industry commerce agriculture transport tourism information communications science
    technology infrastructure digital security development labor labour
    datuk dato datin tun highness majesty excellency taoiseach tanaiste tánaiste
    """.split()
)
# "His Highness Sheikh Mohamed bin Zayed", "Her Majesty", "His Excellency": the possessive
# is a title word only before these
STYLE_NOUNS: frozenset[str] = frozenset({"highness", "majesty", "excellency", "holiness"})

# Malaysian honorifics ("Datuk Seri Anwar Ibrahim", "Dato' Sri Mohamad Hasan", "Tan Sri
# Muhyiddin Yassin"): "Seri"/"Sri" are titles only after the honorific they complete, and
# "Tan" only before "Sri", since all three are names too (Sri Mulyani Indrawati, Tan Chuan-Jin).
HONORIFIC_LEADS: frozenset[str] = frozenset({"datuk", "dato", "datin", "tun", "toh", "tan", "'"})
HONORIFIC_SEQUELS: frozenset[str] = frozenset({"seri", "sri", "puan"})

# Titles after which a single name is a given or regnal name, not a surname: "King
# Hussein" of Jordan is not "Saddam Hussein", "Crown Prince Hassan" not "Hassan Rouhani".
ROYAL_TITLES: frozenset[str] = frozenset(
    """king queen prince princess emir sultan sheikh sheikha pope crown-prince""".split()
)

# Prefixes that turn a name into an adjective: "Anti-Castro demonstrators".
NAME_PREFIXES: frozenset[str] = frozenset({"anti", "pro", "non", "post", "pre", "neo"})

# Legal-form suffixes of company names: a "person" that also appears as "Magna
# International Inc." or "Milton Roy Corp." in the same article is the company.
CORPORATE_SUFFIXES: frozenset[str] = frozenset(
    """inc inc. incorporated corp corp. corporation co co. ltd ltd. llc plc ag ab sa s.a.
    nv n.v. gmbh bhd lp llp""".split()
)

# Lower-case role nouns: the head of a description ("the Russian leader", "The envoy",
# "the president's son-in-law") and of a title phrase ("special envoy Steve Witkoff").
ROLE_NOUNS: frozenset[str] = frozenset(
    """
    president leader envoy minister secretary spokesman spokeswoman spokesperson aide adviser
    advisor ambassador chancellor emir sheikh king queen prince premier vice-premier chief
    chairperson chairman chairwoman chair director general commander governor speaker judge
    justice senator congressman congresswoman representative negotiator diplomat
    commissioner mediator officer economist researcher analyst son-in-law
    daughter-in-law son daughter brother sister wife husband counterpart mayor monarch
    lawmaker legislator historian journalist lawyer activist scholar professor expert writer
    author novelist dissident academic commentator
    """.split()
)

# "the Russian leader" may name anyone whose title is one of these.
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "leader": frozenset(
        {
            "president",
            "prime",
            "premier",
            "chancellor",
            "emir",
            "king",
            "queen",
            "leader",
            "monarch",
            "sultan",
            "head",
            "prince",  # a crown prince who rules: "the two leaders" after Trump and MBS
        }
    ),
    "envoy": frozenset({"envoy", "representative", "ambassador"}),
    "diplomat": frozenset({"diplomat", "minister", "envoy", "ambassador", "secretary"}),
    "official": frozenset({"official", "minister", "secretary", "spokesman", "spokesperson"}),
    "officer": frozenset({"officer", "general", "commander", "colonel", "lieutenant"}),
    "monarch": frozenset({"king", "queen", "emir", "sultan", "monarch", "sheikh"}),
    "king": frozenset({"king", "monarch"}),
    "minister": frozenset({"minister", "counterpart", "secretary"}),
}

# Rank words of a subordinate title: "the prime minister" or "The minister" is not the
# "First Deputy Prime Minister" unless the description says so ("the deputy minister").
SUBORDINATE_RANKS: frozenset[str] = frozenset(
    {"deputy", "vice", "assistant", "under", "undersecretary", "junior"}
)

# Descriptions that tests/test_people.py resolves: (text, description word, full name).
# The article's subject of a role wins over a person named once in passing, a subordinate
# rank is no match, and a description may name someone of its own sentence.
DESCRIPTION_EXAMPLES: tuple[tuple[str, str, str], ...] = (
    (
        "External Affairs Minister S. Jaishankar arrived in Moscow on Tuesday and will hold "
        "talks with Russian Foreign Minister Sergei Lavrov on Thursday. On Wednesday, "
        "Jaishankar chaired a session with First Deputy Prime Minister Denis Manturov. The "
        "minister is also expected to call on President Vladimir Putin on Thursday.",
        "minister",
        "S. Jaishankar",
    ),
    (
        "First Deputy Prime Minister Denis Manturov met officials. Prime Minister Narendra "
        "Modi and President Vladimir Putin had spoken by phone on Aug. 8, when the prime "
        "minister invited him to New Delhi.",
        "minister",
        "Narendra Modi",
    ),
)

# Plural nouns that name a group of people: "the two envoys", "the two leaders".
GROUP_NOUNS: frozenset[str] = frozenset(
    """
    leaders envoys men women officers ministers presidents negotiators brothers sisters
    premiers officials diplomats generals commanders foes rivals counterparts
    """.split()
)

# Lower-case particles inside names ("Ursula von der Leyen", "Abdel Fattah el-Sissi",
# "André Corrêa do Lago", "Tamim bin Hamad Al Thani").
NAME_PARTICLES: frozenset[str] = frozenset(
    """
    von van der den de da do dos das del della di du la le al el bin bint ibn ben abu ter
    """.split()
)

PRONOUNS: dict[str, str] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}

# Words that look like names at the start of a sentence but never are one.
NOT_NAMES: frozenset[str] = frozenset(
    """
    the a an this that these those his her their its our my your it they we i you he she
    mr mrs ms monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december photo photograph caption
    related read reuters ap afp
    labour tories conservatives democrats republicans
    """.split()
)

# Examples that tests run: (text, name without titles, titles split off).
EXAMPLES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("President Vladimir Putin spoke on Friday.", "Vladimir Putin", ("President",)),
    (
        "UAE President His Highness Sheikh Mohamed bin Zayed Al Nahyan held talks.",
        "Mohamed bin Zayed Al Nahyan",
        ("UAE President His Highness Sheikh",),
    ),
    (
        "Prime Minister Datuk Seri Anwar Ibrahim hosted the talks.",
        "Anwar Ibrahim",
        ("Prime Minister Datuk Seri",),
    ),
    (
        "Finance Minister Sri Mulyani Indrawati spoke.",
        "Sri Mulyani Indrawati",
        ("Finance Minister",),
    ),
    (
        "Qatar's Emir Sheikh Tamim bin Hamad Al Thani arrived.",
        "Tamim bin Hamad Al Thani",
        ("Emir Sheikh",),
    ),
    (
        "European Commission President Ursula von der Leyen said so.",
        "Ursula von der Leyen",
        ("European Commission President",),
    ),
    ("Trump's special envoy Steve Witkoff invited Dmitriev.", "Steve Witkoff", ("special envoy",)),
    (
        "Wang is due to travel to Kabul for a trilateral meeting with Afghan Foreign Minister "
        "Amir Khan Muttaqi and Pakistan's Foreign Minister Ishaq Dar.",
        "Amir Khan Muttaqi",
        ("Foreign Minister",),
    ),
    (
        "King Willem-Alexander and Queen Máxima hosted the leaders at a dinner.",
        "Willem-Alexander",
        ("King",),
    ),
    ("Treasurer Peter Costello voted on Friday.", "Peter Costello", ("Treasurer",)),
    ("Later, Messrs. Drabinsky and Gottlieb met the board.", "Drabinsky", ("Messrs.",)),
)

"""Event triggers as data: lemma, part of speech, event type, CAMEO and PLOVER codes.

Rules are tried in order and the first match wins, so specific rules ("call on" ->
DEMAND, "speak by phone" -> CALL) come before general ones ("call", "speak"). Every rule
carries example sentences; tests/test_triggers.py asserts each example fires its rule.
"""

from __future__ import annotations

from dataclasses import dataclass

EVENT_TYPES: tuple[str, ...] = (
    "MEET",
    "VISIT",
    "CALL",
    "STATEMENT",
    "INVITE",
    "AGREE",
    "PROPOSE",
    "DEMAND",
    "REJECT",
    "SANCTION",
    "THREATEN",
    "ACCUSE",
    "OTHER",
)

# Default CAMEO / PLOVER code per type (a rule may give a more specific one).
TYPE_CODES: dict[str, tuple[str | None, str | None]] = {
    "MEET": ("040", "CONSULT"),
    "VISIT": ("042", "CONSULT"),
    "CALL": ("041", "CONSULT"),
    "STATEMENT": ("010", None),
    "INVITE": ("036", "AGREE"),
    "AGREE": ("057", "SUPPORT"),
    "PROPOSE": ("030", "AGREE"),
    "DEMAND": ("100", "REQUEST"),
    "REJECT": ("120", "REJECT"),
    "SANCTION": ("163", "SANCTION"),
    "THREATEN": ("130", "THREATEN"),
    "ACCUSE": ("112", "ACCUSE"),
    "OTHER": (None, None),
}


@dataclass(frozen=True)
class Trigger:
    """One trigger rule. `needs`: one of these lemmas must be a child or grandchild
    (particle, preposition, object; "@person" = a named or titled direct object; "~x" = x
    as the subject of a passive, "the letter was handed"); `avoid`: none of them may be."""

    lemmas: tuple[str, ...]
    pos: str  # VERB | NOUN
    event_type: str
    cameo: str | None
    plover: str | None
    needs: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    speech: bool = False  # a speech act: its complement may carry the diplomatic act
    examples: tuple[str, ...] = ()


def _t(
    lemmas: str,
    pos: str,
    etype: str,
    *,
    cameo: str | None = None,
    plover: str | None = None,
    needs: str = "",
    avoid: str = "",
    speech: bool = False,
    examples: tuple[str, ...] = (),
) -> Trigger:
    dc, dp = TYPE_CODES[etype]
    return Trigger(
        tuple(lemmas.split()),
        pos,
        etype,
        cameo or dc,
        plover or dp,
        tuple(needs.split()),
        tuple(avoid.split()),
        speech,
        examples,
    )


PHONE = "phone telephone hotline call video videoconference line"
MEETING_NOUNS = (
    "talk talks meeting summit negotiation negotiations consultation consultations dinner "
    "lunch breakfast session round discussion discussions encounter"
)

TRIGGERS: tuple[Trigger, ...] = (
    # --- calls and statements around "speak", "call" ---
    _t(
        "speak talk",
        "VERB",
        "CALL",
        needs=PHONE,
        examples=(
            "Trump and Xi Jinping spoke by phone on June 5.",
            "The two officers spoke over their hotline on Monday.",
        ),
    ),
    _t(
        "speak talk",
        "VERB",
        "CALL",
        needs="with",
        examples=("Marco Rubio spoke on Saturday with S. Jaishankar.",),
    ),
    _t(
        "call",
        "VERB",
        "MEET",
        needs="@person-on",
        avoid="to for",
        examples=("Jaishankar called on President Xi Jinping on July 15.",),
    ),
    _t(
        "call",
        "VERB",
        "DEMAND",
        cameo="102",
        needs="on for",
        examples=("On the same day, Trump called on Israel to stop the bombing.",),
    ),
    _t(
        "phone telephone call ring",
        "VERB",
        "CALL",
        needs="@person " + PHONE,
        examples=(
            "The Pakistani officer called his Indian counterpart on Saturday.",
            "Macron phoned Zelensky on Tuesday.",
        ),
    ),
    _t(
        "speak",
        "VERB",
        "STATEMENT",
        speech=True,
        examples=("Speaking to reporters on Monday evening, Umerov said the sides had agreed.",),
    ),
    # --- meetings ---
    # "discussed Gaza with Trump": a consultation with a named counterpart (by phone: a call)
    _t(
        "discuss",
        "VERB",
        "CALL",
        needs=PHONE,
        examples=("Modi discussed trade with Starmer by phone on Monday.",),
    ),
    _t(
        "discuss",
        "VERB",
        "MEET",
        needs="with",
        examples=(
            "Erdogan, who discussed Gaza with Trump at the White House on Sept. 25, spoke.",
        ),
    ),
    _t(
        "meet",
        "VERB",
        "MEET",
        avoid="deadline demand requirement expectation target",
        examples=(
            "Umerov and Medinsky first met in Istanbul on May 16.",
            "Mauro Vieira met Marco Rubio in Washington on Thursday.",
        ),
    ),
    # a letter or message handed over in person is a meeting of giver and receiver
    _t(
        "hand deliver",
        "VERB",
        "MEET",
        needs="letter message invitation note paper document ~letter ~message ~invitation "
        "~note ~paper ~document",
        examples=(
            "The letter was handed to Araghchi in Tehran on 12 March by Anwar Gargash.",
            "Araghchi handed Putin a letter from Khamenei on Friday.",
            "Espen Barth Eide handed diplomatic papers to Dr Mustafa in Brussels on Sunday.",
        ),
    ),
    # an envoy presents credentials to the head of state in person
    _t(
        "present",
        "VERB",
        "MEET",
        needs="credential credentials",
        examples=("She is expected to present her credentials to President Higgins next month.",),
    ),
    # who accompanies someone on a trip makes it too ("he was accompanied by von der Leyen")
    _t(
        "accompany",
        "VERB",
        "VISIT",
        examples=("In April 2023 Macron was accompanied to China by Ursula von der Leyen.",),
    ),
    # a gathering that "brought together" people is their meeting
    _t(
        "bring",
        "VERB",
        "MEET",
        needs="together",
        examples=(
            "The summit, which brought together Tokayev and Mirziyoyev with Xi on June 17, "
            "ended.",
        ),
    ),
    # "sat down with a Ukrainian delegation": a meeting ("sat down for an interview" is not)
    _t(
        "sit",
        "VERB",
        "MEET",
        needs="with",
        avoid="interview",
        examples=("Rubio and Mike Waltz sat down with a Ukrainian delegation on Tuesday.",),
    ),
    _t(
        "hold",
        "VERB",
        "MEET",
        needs=MEETING_NOUNS,
        examples=(
            "Merz and Macron held a working dinner in Brussels on Wednesday.",
            "Marina Silva held meetings with ministers over the weekend.",
        ),
    ),
    # a council's or committee's closed session; a press briefing is a statement
    _t(
        "hold",
        "VERB",
        "MEET",
        needs="briefing hearing",
        avoid="press news media",
        examples=(
            "The council would hold a private briefing on the killings next Tuesday.",
            "The Security Council held a closed-door briefing on Darfur on Monday.",
        ),
    ),
    _t(
        "host receive greet welcome",
        "VERB",
        "MEET",
        cameo="043",
        needs="@person with by president minister envoy leader delegation counterpart",
        examples=(
            "Putin received U.S. special envoy Steve Witkoff at the Kremlin on Wednesday.",
            "Witkoff was greeted by Kirill Dmitriev on Wednesday morning.",
            "Crown Prince Mohammed bin Salman received Rubio on Monday evening.",
            "On Wednesday, King Charles hosted Mr Trump at Windsor Castle for a state banquet.",
        ),
    ),
    # taking part in person is a trip (the dev convention: "joined those talks in person")
    _t(
        "join attend",
        "VERB",
        "VISIT",
        needs="person",
        examples=("Witkoff and Kushner joined those talks in person last week.",),
    ),
    _t(
        "co-chair chair convene attend join",
        "VERB",
        "MEET",
        # in the passive the gathering is the subject: "It was also attended by Lula"
        needs=MEETING_NOUNS
        + " government cabinet conference ceremony observer "
        + " ".join("~" + w for w in (MEETING_NOUNS + " conference ceremony it").split()),
        examples=(
            "Trump and el-Sissi co-chaired a summit on Monday.",
            "Netanyahu will convene his government later on Thursday.",
            "The summit was also attended by Pedro Sanchez on Sunday.",
            "The envoys of China and the US attended as observers on Monday.",
        ),
    ),
    _t(
        "negotiate confer consult mediate",
        "VERB",
        "MEET",
        cameo="046",
        examples=("Gnassingbé consulted the delegations on Tuesday.",),
    ),
    _t("brief", "VERB", "MEET", examples=("Youssouf will brief the council next week.",)),
    # --- visits ---
    _t(
        "visit tour",
        "VERB",
        "VISIT",
        examples=(
            "On Tuesday, Modi visited the Adampur air base.",
            "Gavin Newsom visited the talks last week.",
        ),
    ),
    _t(
        "travel fly arrive return go",
        "VERB",
        "VISIT",
        needs="to in at for into",
        avoid="power office normal",
        examples=(
            "Lula will travel to Indonesia and Malaysia next week.",
            "Witkoff and Kushner arrived in Egypt on Wednesday.",
        ),
    ),
    # heading somewhere is a trip; a delegation "headed by" someone is led, not moved
    _t(
        "head",
        "VERB",
        "VISIT",
        needs="to for into",
        avoid="by",
        examples=("Wang Yi headed to Brussels on Monday for talks with Kaja Kallas.",),
    ),
    # arriving or landing is a trip even without a destination ("arrived on Wednesday to
    # join the negotiations"); leaving is one when it names where to ("left X for Tokyo")
    _t(
        "arrive land",
        "VERB",
        "VISIT",
        avoid="decision conclusion compromise agreement deal verdict",
        examples=(
            "Steve Witkoff and Jared Kushner arrived on Wednesday to join the negotiations.",
            "US President Donald Trump landed at Amsterdam's Schiphol airport on Tuesday.",
        ),
    ),
    _t(
        "leave depart",
        "VERB",
        "VISIT",
        needs="for",
        avoid="office power post",
        examples=(
            "Trump left Kuala Lumpur on Monday for Tokyo.",
            "Mr Trump left Stansted Airport for Washington on Thursday evening.",
        ),
    ),
    # --- invitations, agreements, proposals ---
    _t(
        "invite",
        "VERB",
        "INVITE",
        examples=("Steve Witkoff invited Dmitriev to the U.S. last week.",),
    ),
    _t(
        "sign",
        "VERB",
        "OTHER",
        needs="order decree law bill",
        examples=("Trump on Thursday signed an executive order setting new tariff rates.",),
    ),
    _t(
        "agree sign accept conclude seal endorse approve ratify",
        "VERB",
        "AGREE",
        examples=(
            "Tshisekedi and Kagame signed the accords on December 4.",
            "Zelensky accepted in March a U.S. proposal for a ceasefire.",
        ),
    ),
    # initialling a text is agreeing to it before the formal signing
    _t(
        "initial",
        "VERB",
        "AGREE",
        needs="agreement deal accord treaty text",
        examples=("- August 8: Aliyev and Pashinyan initial the peace agreement in Washington.",),
    ),
    _t(
        "reach strike",
        "VERB",
        "AGREE",
        needs="agreement deal ceasefire truce accord compromise",
        examples=("The two sides reached a deal on Friday.",),
    ),
    _t(
        "propose offer suggest unveil table",
        "VERB",
        "PROPOSE",
        examples=(
            "Trump unveiled the plan at the White House on 29 September.",
            "Kyiv had proposed holding another round of talks.",
        ),
    ),
    _t(
        "present set",
        "VERB",
        "PROPOSE",
        needs="plan proposal out roadmap draft initiative",
        examples=("Von der Leyen presented a plan to EU ambassadors earlier this month.",),
    ),
    # --- coercive legal action against a person (CAMEO 173, PLOVER COERCE): a dated arrest
    # or sentence belongs on the timeline of the person it befalls ---
    _t(
        "place put",
        "VERB",
        "OTHER",
        cameo="173",
        plover="COERCE",
        needs="arrest custody detention",
        examples=("Riek Machar was placed under house arrest on March 26.",),
    ),
    # --- demands, rejections, sanctions, threats, accusations ---
    _t(
        "urge demand press appeal",
        "VERB",
        "DEMAND",
        examples=("Zelensky urged them not to let one capital hold the union hostage.",),
    ),
    _t(
        "reject refuse rebuff dismiss deny veto block decline",
        "VERB",
        "REJECT",
        avoid="comment",  # "declined to comment" is a non-event, not a rejection
        examples=(
            "Bart De Wever blocked a plan late last year.",
            "Zelensky rejected any suggestion on Saturday.",
        ),
    ),
    _t("rule", "VERB", "REJECT", needs="out", examples=("Peskov ruled out a meeting on Friday.",)),
    _t(
        "sanction",
        "VERB",
        "SANCTION",
        examples=("The U.S. Treasury sanctioned Alexandre de Moraes in July.",),
    ),
    _t(
        "impose reimpose slap levy",
        "VERB",
        "SANCTION",
        needs="tariff tariffs sanction sanctions duty duties embargo ban levy penalty penalties",
        examples=("Trump imposed 50% tariffs on Brazilian goods in August.",),
    ),
    _t(
        "raise increase hike double triple",
        "VERB",
        "SANCTION",
        needs="tariff tariffs duty duties levy levies",
        examples=("Trump raised the tariff on Canadian goods to 35 per cent on Aug. 1.",),
    ),
    _t(
        "lift ease",
        "VERB",
        "SANCTION",
        cameo="085",
        plover="RETREAT",
        needs="sanction sanctions tariff tariffs embargo",
        examples=("Washington lifted sanctions on the company on Monday.",),
    ),
    _t(
        "threaten warn",
        "VERB",
        "THREATEN",
        examples=("Ghalibaf warned on Sunday that cooperation would be reviewed.",),
    ),
    _t(
        "accuse criticise criticize condemn denounce blame slam",
        "VERB",
        "ACCUSE",
        examples=("Nebenzia accused the European countries on Friday of blackmail.",),
    ),
    # --- speech acts (their complement may carry a diplomatic act) ---
    _t(
        "say tell write announce confirm declare state post add hail praise thank welcome "
        "describe comment address insist stress note explain claim argue acknowledge pledge "
        "promise vow reiterate tweet respond reply remark predict report",
        "VERB",
        "STATEMENT",
        speech=True,
        examples=(
            "Kremlin spokesman Dmitry Peskov said Thursday that a venue had been chosen.",
            "Dmitriev wrote on his Telegram channel on Thursday.",
            "Shehbaz Sharif thanked Trump on Saturday.",
        ),
    ),
    # --- other dated acts of a person ---
    _t(
        "order withdraw convict sentence",
        "VERB",
        "OTHER",
        examples=(
            "Modi ordered strikes last week.",
            "Trump withdrew the United States from the agreement in 2018.",
        ),
    ),
    _t(
        "arrest detain extradite indict impeach jail imprison",
        "VERB",
        "OTHER",
        cameo="173",
        plover="COERCE",
        examples=(
            "Police jailed the opposition leader on Monday.",
            "Duterte was detained on Tuesday morning at Manila airport.",
            "She was impeached by the house of representatives last month.",
        ),
    ),
    _t(
        "return move take assume",
        "VERB",
        "OTHER",
        needs="office power presidency post",
        examples=(
            "Trump returned to office in January.",
            "Thai Prime Minister Anutin Charnvirakul, who took office in September, spoke.",
            "Mike Waltz, who took up his post in September, said Washington would act.",
        ),
    ),
    # appointments are taking office too ("was appointed secretary ... in July")
    _t(
        "appoint",
        "VERB",
        "OTHER",
        examples=(
            "Rustem Umerov, who was appointed secretary of the council in July, spoke.",
            "Trump appointed Mike Waltz as ambassador in May.",
        ),
    ),
    # losing office is the other side of taking it: a leader ousted, or suspended by a court
    _t(
        "oust depose topple overthrow",
        "VERB",
        "OTHER",
        examples=("Al-Sharaa has led Syria since Bashar Assad was ousted in December.",),
    ),
    _t(
        "suspend remove dismiss",
        "VERB",
        "OTHER",
        needs="as from office post",
        examples=(
            "Paetongtarn Shinawatra was suspended as prime minister by the court on July 1.",
        ),
    ),
    # becoming a head of government or state is taking office
    _t(
        "become",
        "VERB",
        "OTHER",
        needs="president minister chancellor premier king queen emir pope taoiseach",
        examples=("It was Carney's second trip since he became prime minister in March.",),
    ),
    # an inauguration or a succession is taking office too
    _t(
        "swear",
        "VERB",
        "OTHER",
        needs="in",
        examples=("Albanese, who was sworn in for his second term on Tuesday, flew to Jakarta.",),
    ),
    _t(
        "inaugurate",
        "VERB",
        "OTHER",
        avoid="bridge plant airport road port station building",
        examples=("Karol Nawrocki was inaugurated as president on August 6.",),
    ),
    _t(
        "succeed",
        "VERB",
        "OTHER",
        needs="as",
        examples=("Serdar Berdimuhamedov, who succeeded his father as president in March 2022.",),
    ),
    _t(
        "move relocate emigrate",
        "VERB",
        "OTHER",
        needs="to",
        examples=("Eduardo Bolsonaro, a congressman who moved to the United States in March.",),
    ),
    # --- nouns ---
    # a courtesy call is paid in person
    _t(
        "call",
        "NOUN",
        "MEET",
        needs="courtesy",
        examples=("Wang Yi will pay a courtesy call on Prime Minister Ishiba on Monday.",),
    ),
    _t(
        "call conversation",
        "NOUN",
        "CALL",
        examples=("Rajiv Ghai and Kashif Abdullah agreed during Monday's call.",),
    ),
    _t(
        "talk talks meeting summit negotiation negotiations consultation consultations dinner "
        "session encounter ceremony gathering",
        "NOUN",
        "MEET",
        examples=(
            "The announcement follows talks this week between Putin and Witkoff.",
            "Lula met Trump at a brief encounter last month.",
        ),
    ),
    _t(
        "visit trip tour",
        "NOUN",
        "VISIT",
        examples=("Modi's visit to the base on Tuesday was brief.",),
    ),
    _t(
        "speech statement address remarks announcement interview interviews",
        "NOUN",
        "STATEMENT",
        examples=("Lee Jae-myung, in a speech on Friday, pledged to respect the North.",),
    ),
    _t(
        "invitation",
        "NOUN",
        "INVITE",
        examples=("Witkoff's invitation last week surprised Moscow.",),
    ),
    _t(
        "proposal",
        "NOUN",
        "PROPOSE",
        examples=("The proposal, first set out on March 3, would pool orders.",),
    ),
    # a reproach named as a noun keeps its target: "a rare public rebuke of the Russian
    # leader"; after a speech verb ("responded ... with a rebuke of X") it types the act
    _t(
        "rebuke reprimand condemnation denunciation",
        "NOUN",
        "ACCUSE",
        examples=("Trump responded to that strike on April 24 with a public rebuke of Putin.",),
    ),
)

# A plain act done as a means of another: "sent a letter to Khamenei in early March
# proposing negotiations" is the proposal. Types a participle clause of an untyped verb
# may pass on; examples: (sentence, type) that tests/test_triggers.py runs.
MEANS_TYPES: frozenset[str] = frozenset({"PROPOSE", "DEMAND", "INVITE", "THREATEN", "ACCUSE"})
MEANS_EXAMPLES: tuple[tuple[str, str], ...] = (
    (
        "Donald Trump sent a letter to Supreme Leader Ayatollah Ali Khamenei in early March "
        "proposing negotiations.",
        "PROPOSE",
    ),
)

# Speech acts whose complement performs a diplomatic act take that act's type
# ("said ... had agreed" is AGREE). Content verbs beyond the trigger table:
CONTENT_TYPES: dict[str, str] = {
    "resume": "THREATEN",
    "disarm": "THREATEN",
    "retaliate": "THREATEN",
    "strike": "THREATEN",
    "ultimatum": "REJECT",
    "void": "REJECT",
}
# A reported "X will not <verb>" is a refusal (REJECT) when the verb yields something or
# answers someone ("Ukraine will not hand its land to the occupier", "Pyongyang would not
# respond to any proposal") or its object is an offer; otherwise it states a policy
# ("Washington would not discuss Taiwan's status"). Examples: (sentence, type).
REFUSAL_VERBS: frozenset[str] = frozenset(
    """hand cede give surrender yield accept respond reply agree sign recognise recognize
    negotiate withdraw return comply attend join endorse approve""".split()
)
REFUSED_THINGS: frozenset[str] = frozenset(
    """proposal offer demand request ultimatum plan deal terms condition conditions
    invitation initiative""".split()
)
REFUSAL_EXAMPLES: tuple[tuple[str, str], ...] = (
    (
        '"Ukraine will not hand its land to the occupier," Volodymyr Zelensky said on Saturday.',
        "REJECT",
    ),
    (
        "Kim Yo Jong said in late July that Pyongyang would not respond to any proposal "
        "from Seoul.",
        "REJECT",
    ),
    (
        "Marco Rubio said on Saturday that Washington would not discuss Taiwan's status in "
        "exchange for trade concessions.",
        "STATEMENT",
    ),
    (
        "Steve Witkoff told Fox News on Monday that any agreement would require Iran to accept "
        "verification.",
        "STATEMENT",
    ),
    (
        "Friedrich Merz told Bild on Sunday that the Russian proposal was not sufficient.",
        "STATEMENT",
    ),
    (
        "Nawaz Sharif said on Sunday that diplomacy should settle the dispute, and urged "
        "New Delhi to return to the table.",
        "STATEMENT",
    ),
)
CONTENT_PROMOTES: frozenset[str] = frozenset(
    {"AGREE", "INVITE", "PROPOSE", "REJECT", "THREATEN", "DEMAND", "ACCUSE"}
)

# Punitive measures named as a predicate's object ("announced tariffs of 25% on goods
# from Japan", "doubled tariffs on Indian goods", "signed an order imposing a tariff on
# Brazil"): the act is a SANCTION. "always" measures are punitive by nature; "targeted"
# ones only when aimed at a country, people or a person ("tariffs on Indian goods"), else
# they are a general trade order (OTHER: "unveiled his sweeping tariffs on 2 April").
MEASURE_NOUNS: dict[str, str] = {
    "sanction": "always",
    "sanctions": "always",
    "embargo": "always",
    "tariff": "targeted",
    "tariffs": "targeted",
    "duty": "targeted",
    "duties": "targeted",
    "levy": "targeted",
}
MEASURE_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("Donald Trump on Monday announced tariffs of 25% on goods from Japan.", "SANCTION"),
    ("President Donald Trump doubled tariffs on Indian goods on Aug. 6.", "SANCTION"),
    (
        "President Donald Trump on Wednesday signed an order imposing a tariff on Brazil.",
        "SANCTION",
    ),
    ("President Donald Trump first unveiled his sweeping tariffs on 2 April.", "OTHER"),
    ("EU foreign policy chief Kaja Kallas announced new sanctions on Friday.", "SANCTION"),
)

# Prefixes the tokenizer splits off a hyphenated verb ("co-chaired" -> "co", "-",
# "chaired"): the small model then hangs the verb's subject under the prefix ("Jaishankar
# co" as a prepositional phrase), so the actor is looked for there. Examples: (sentence,
# verb, actor) that tests/test_triggers.py runs.
SPLIT_VERB_PREFIXES: frozenset[str] = frozenset({"co", "re", "pre"})
SPLIT_VERB_EXAMPLES: tuple[tuple[str, str, str], ...] = (
    (
        "External Affairs Minister S. Jaishankar arrived in Moscow on Tuesday. On Wednesday, "
        "Jaishankar co-chaired a session of the commission with Denis Manturov.",
        "chaired",
        "S. Jaishankar",
    ),
)

# A "where"/"when" relative clause on a dated gathering, or on the date itself, happens
# on that date ("the summit on July 24, where Xi met Costa"). Examples: (sentence,
# published, person, date) that tests/test_triggers.py runs.
SCENE_WORDS: frozenset[str] = frozenset({"where", "when"})
SCENE_EXAMPLES: tuple[tuple[str, str, str, str], ...] = (
    (
        "The EU-China summit in Beijing on July 24, where Xi Jinping met European Council "
        "President António Costa, produced only a joint statement on climate change.",
        "2025-08-03",
        "António Costa",
        "2025-07-24",
    ),
    (
        "The talks in Geneva on Monday, where Steve Witkoff met Abbas Araghchi, ended without "
        "a deal.",
        "2025-03-20",
        "Abbas Araghchi",
        "2025-03-17",
    ),
    (
        "Tensions eased on March 3, when Marco Rubio met Sergei Lavrov in Riyadh.",
        "2025-03-20",
        "Sergei Lavrov",
        "2025-03-03",
    ),
)

# A subjectless "when asked" clause ("declined to comment when asked about the talks on
# Friday", "if pressed") is the occasion of the remark it modifies, not an act of its own:
# its date goes to that remark. Examples: (sentence, published, person, date, type of
# that person's row on the date, or "" for none) that tests/test_triggers.py runs.
QUESTIONED_VERBS: frozenset[str] = frozenset(
    """ask question press quiz contact reach approach""".split()
)
QUESTIONED_MARKS: frozenset[str] = frozenset({"when", "if", "as"})
QUESTIONED_EXAMPLES: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "Kremlin spokesman Dmitry Peskov declined to comment when asked about the talks on Friday.",
        "2025-08-23",
        "Dmitry Peskov",
        "2025-08-22",
        "",
    ),
    (
        "Donald Trump, when asked about the summit on Friday, said he was optimistic.",
        "2025-08-23",
        "Donald Trump",
        "2025-08-22",
        "STATEMENT",
    ),
)

# Lemmas that head a verb phrase but never make an event on their own.
NON_EVENT_VERBS: frozenset[str] = frozenset(
    """be have do remain seem appear become expect want need hope like wish believe think know
    include involve cost mean stand exceed lie lose range continue""".split()
)

# Nouns naming events that belong to no person: a date on them is background.
BACKGROUND_NOUNS: frozenset[str] = frozenset(
    """invasion war attack attacks genocide election elections deadline conflict anniversary
    crisis offensive inauguration term tenure truce ceasefire pause coup uprising revolution
    independence liberation armistice earthquake pandemic outbreak fighting killing killings
    assault bombing massacre occupation annexation vote referendum agreement accord deal
    treaty law regime era campaign strikes exercise drills protest protests""".split()
)

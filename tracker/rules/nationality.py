"""Countries, their demonyms and seats of government: who "the Russian leader" can be.

A description with a nationality ("the Russian leader", "the Iraqi ambassador to Greece")
names someone of that country, so people.py resolves it only to a person whose own
mention carries the same country ("Russian President Vladimir Putin", "Iraq's Saddam
Hussein", "King Hussein of Jordan", "Kremlin aide Yury Ushakov"). Kept as data so a new
country is one line. KNOWN_PEOPLE is a fallback for articles that never state a leader's
country ("President Vladimir Putin"); text evidence always wins over it.
"""

from __future__ import annotations

# country key -> folded words and phrases that mark it (name, demonym, capital, seat).
COUNTRY_WORDS: dict[str, tuple[str, ...]] = {
    "us": (
        "u s",
        "us",
        "united states",
        "america",
        "american",
        "americans",
        "washington",
        "white house",
    ),
    "russia": ("russia", "russian", "russians", "moscow", "kremlin", "soviet", "ussr"),
    "ukraine": ("ukraine", "ukrainian", "ukrainians", "kyiv", "kiev"),
    "china": ("china", "chinese", "beijing", "prc"),
    "uk": ("britain", "british", "united kingdom", "uk", "downing street", "london", "english"),
    "france": ("france", "french", "paris", "elysee"),
    "germany": ("germany", "german", "berlin"),
    "italy": ("italy", "italian", "rome"),
    "spain": ("spain", "spanish", "madrid"),
    "poland": ("poland", "polish", "warsaw"),
    "hungary": ("hungary", "hungarian", "budapest"),
    "czech": ("czech", "czech republic", "prague"),
    "belgium": ("belgium", "belgian", "brussels"),
    "netherlands": ("netherlands", "dutch", "the hague"),
    "sweden": ("sweden", "swedish", "stockholm"),
    "turkey": ("turkey", "turkish", "turkiye", "ankara"),
    "israel": ("israel", "israeli", "israelis", "jerusalem"),
    "palestine": ("palestine", "palestinian", "palestinians", "ramallah"),
    "egypt": ("egypt", "egyptian", "cairo"),
    "jordan": ("jordan", "jordanian", "amman"),
    "syria": ("syria", "syrian", "damascus"),
    "lebanon": ("lebanon", "lebanese", "beirut"),
    "iraq": ("iraq", "iraqi", "baghdad"),
    "iran": ("iran", "iranian", "tehran"),
    "saudi": ("saudi", "saudi arabia", "riyadh"),
    "qatar": ("qatar", "qatari", "doha"),
    "uae": ("uae", "emirati", "united arab emirates", "abu dhabi"),
    "libya": ("libya", "libyan", "tripoli"),
    "india": ("india", "indian", "new delhi", "delhi"),
    "pakistan": ("pakistan", "pakistani", "islamabad"),
    "afghanistan": ("afghanistan", "afghan", "kabul"),
    "japan": ("japan", "japanese", "tokyo"),
    "south korea": ("south korea", "south korean", "seoul"),
    "north korea": ("north korea", "north korean", "pyongyang"),
    "brazil": ("brazil", "brazilian", "brasilia"),
    "mexico": ("mexico", "mexican"),
    "cuba": ("cuba", "cuban", "havana"),
    "venezuela": ("venezuela", "venezuelan", "caracas"),
    "canada": ("canada", "canadian", "ottawa"),
    "australia": ("australia", "australian", "canberra"),
    "rwanda": ("rwanda", "rwandan", "kigali"),
    "drc": ("congo", "congolese", "drc", "kinshasa"),
    "kenya": ("kenya", "kenyan", "nairobi"),
    "south africa": ("south africa", "south african", "pretoria"),
    "nigeria": ("nigeria", "nigerian", "abuja"),
    "togo": ("togo", "togolese", "lome"),
    "cambodia": ("cambodia", "cambodian", "phnom penh"),
}

# folded word or phrase -> country key
COUNTRY_OF_WORD: dict[str, str] = {w: c for c, words in COUNTRY_WORDS.items() for w in words}

# Heads of state and government and foreign ministers often mentioned without their country
# (2024-2026). Folded full name -> country. A fallback only: text evidence wins.
KNOWN_PEOPLE: dict[str, str] = {
    "donald trump": "us",
    "jd vance": "us",
    "marco rubio": "us",
    "steve witkoff": "us",
    "scott bessent": "us",
    "vladimir putin": "russia",
    "sergei lavrov": "russia",
    "dmitry peskov": "russia",
    "volodymyr zelensky": "ukraine",
    "xi jinping": "china",
    "wang yi": "china",
    "li qiang": "china",
    "emmanuel macron": "france",
    "keir starmer": "uk",
    "friedrich merz": "germany",
    "giorgia meloni": "italy",
    "recep tayyip erdogan": "turkey",
    "benjamin netanyahu": "israel",
    "abdel fattah el sisi": "egypt",
    "abdel fattah al sisi": "egypt",
    "masoud pezeshkian": "iran",
    "ali khamenei": "iran",
    "narendra modi": "india",
    "shehbaz sharif": "pakistan",
    "kim jong un": "north korea",
    "lee jae myung": "south korea",
    "luiz inacio lula da silva": "brazil",
    "paul kagame": "rwanda",
    "felix tshisekedi": "drc",
    "viktor orban": "hungary",
    "mohammed bin salman": "saudi",
}

# Examples that tests run: (text, description word, expected referent).
EXAMPLES: tuple[tuple[str, str, str], ...] = (
    (
        "Russian President Vladimir Putin hosted U.S. President Donald Trump in Moscow. "
        "Trump praised the food. The Russian leader said on Friday the talks were useful.",
        "leader",
        "Vladimir Putin",
    ),
    (
        "Iraq's Saddam Hussein spoke today. King Hussein of Jordan arrived in Washington. "
        "Later, the Jordanian monarch met Bush.",
        "monarch",
        "Hussein",
    ),
)

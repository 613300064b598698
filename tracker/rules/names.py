"""Name-order, honorific and non-name vocabularies that people.py uses on real news.

Wire copy names Chinese, Korean and Vietnamese officials family name first ("Wang Yi",
then "Wang"), marks gender with honorifics ("Mr Trump" is not "Mrs Trump"), and lets
the small NER model tag events as people ("World War III"). Each table has examples
that tests/test_people.py runs through the pipeline.
"""

from __future__ import annotations

# Family names that come first in the full name, so a later bare mention of the first
# token is the person ("Wang and Doval last met"). English words (Long, Fan, He, Ma...)
# are left out: a capitalised one at a sentence start would be taken for the person.
FAMILY_NAME_FIRST: frozenset[str] = frozenset(
    """
    wang li zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin guo luo liang
    zheng xie han tang feng dong xiao cao yuan deng fu shen zeng peng lu jiang cai jia
    ding wei xue ye yan pan du dai xia zhong tian ren fang shi yao tan liao zou xiong
    jin hao kong bai cui kang mao qiu qin gu hou shao meng duan qian yin xi
    kim park choi jung cho yoon jang lim shin moon kwon hwang ahn
    nguyen tran pham hoang vo dang bui
    """.split()
)

# Honorifics and regnal titles that fix a person's gender, so "Mr Trump" never resolves
# to Melania Trump and "she" never to Mr Duterte.
HONORIFIC_GENDER: dict[str, str] = {
    **dict.fromkeys(("mr", "mr.", "sir", "lord", "king", "prince", "emir", "sheikh"), "m"),
    **dict.fromkeys(
        ("mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "queen", "princess", "sheikha"), "f"
    ),
}

# British honours put before the given name, not the surname: "Sir Keir" is Keir Starmer.
GIVEN_NAME_TITLES: frozenset[str] = frozenset({"sir", "dame"})

# Words that never occur inside a person's name: a PERSON span holding one is an event,
# a treaty or a contest the model mislabelled ("World War III", "the Minsk Accords").
NON_NAME_WORDS: frozenset[str] = frozenset(
    """war wars revolution treaty accord accords agreement act cup games olympics
    championship summit conference forum""".split()
)

# Lower-case words after a hyphen that make a name an adjective, not a hyphenated given
# name: "Trump-era tariffs", "a Modi-led government" (but "Kim Jong-un", "Yeo Han-koo").
HYPHEN_NOT_GIVEN: frozenset[str] = frozenset(
    """era led backed style like type linked allied aligned run owned born based brokered
    appointed friendly free esque ish ist ite ism ian in-law elect designate
    """.split()
)

# Abbreviated given names written with a full stop before the rest of the name: "Ma."
# (Maria) in Philippine names, "Md."/"Mohd." (Mohammad) in South Asian and Malaysian ones,
# "Wm." (William). The model often tags the abbreviation apart or as a place; it belongs
# to the name that follows ("Ma. Theresa Lazaro", not "Theresa Lazaro").
ABBREVIATED_GIVEN_NAMES: frozenset[str] = frozenset(
    """ma md mohd muhd mhd wm chas thos jas jos geo""".split()
)

# (text, person expected in the last sentence's dated event, person who must not be)
EXAMPLES: tuple[tuple[str, str, str], ...] = (
    (
        "Chinese Foreign Minister Wang Yi arrived on Monday. Wang and Doval met on Tuesday.",
        "Wang Yi",
        "Wang",
    ),
    (
        "Donald Trump and the first lady, Melania Trump, landed on Tuesday. "
        "Mr Trump told reporters on Wednesday that the talks went well.",
        "Donald Trump",
        "Melania Trump",
    ),
    (
        "Keir Starmer spoke on Monday. Zelensky met Sir Keir in Downing Street on Tuesday.",
        "Keir Starmer",
        "Keir",
    ),
    (
        '"You are gambling with World War III," Donald Trump told Volodymyr Zelenskiy on Friday.',
        "Donald Trump",
        "War III",
    ),
    (
        "South Korea's trade minister, Yeo Han-koo, was in Washington last week for talks. "
        "Yeo met Jamieson Greer on Monday.",
        "Yeo Han-koo",
        "Yeo",
    ),
    (
        "The MEA spokesperson, Randhir Jaiswal, told reporters on Monday that talks went well.",
        "Randhir Jaiswal",
        "",
    ),
    (
        "Talks in Stockholm earlier this week between Vice-Premier He Lifeng and US Treasury "
        "Secretary Scott Bessent ended on Tuesday.",
        "He Lifeng",
        "",
    ),
    (
        "North Korean leader Kim Jong-un met South Korean President Moon Jae-in on Friday.",
        "Moon Jae-in",
        "Moon Jae",
    ),
    # an appositive after a personal title is a name even when the model tags it ORG
    (
        "Ukraine's parliamentary human rights commissioner, Dmytro Lubinets, said on "
        "Saturday that talks on swapping prisoners had been under way for weeks.",
        "Dmytro Lubinets",
        "",
    ),
    # a capital acting as a speaker is a place, not a person ("Kyiv said on Saturday")
    (
        "Ukraine's rights commissioner, Dmytro Lubinets, met Tatiana Moskalkova on Thursday, "
        "Kyiv said on Saturday.",
        "Dmytro Lubinets",
        "Kyiv",
    ),
    # an abbreviated given name before the name belongs to it
    (
        "Philippine Foreign Secretary Ma. Theresa Lazaro, who took office last month, "
        "accompanied the president. Lazaro met Commerce Minister Piyush Goyal on Tuesday.",
        "Ma. Theresa Lazaro",
        "Theresa Lazaro",
    ),
    (
        "Bangladesh's foreign adviser, Md. Touhid Hossain, arrived on Sunday. "
        "Hossain met Wang Yi on Monday.",
        "Md. Touhid Hossain",
        "Touhid Hossain",
    ),
    # ... but a surname ending a sentence is no abbreviation
    (
        "The talks were praised by Jack Ma. Wang Yi met Marco Rubio on Tuesday.",
        "Wang Yi",
        "Ma. Wang Yi",
    ),
    # an untagged name opening a sentence before ", who" is a person
    (
        "Rustem Umerov, who was appointed secretary of Ukraine's National Security and "
        "Defence Council in July, said on Friday that Kyiv was seeking the return of civilians.",
        "Rustem Umerov",
        "Kyiv",
    ),
)

"""People: names without titles, boundaries, propagation, coreference, homonyms."""

from __future__ import annotations

import pytest

from tracker.people import countries_in, find_people, person_key
from tracker.rules.names import EXAMPLES as NAME_EXAMPLES
from tracker.rules.nationality import EXAMPLES as NATIONALITY_EXAMPLES
from tracker.rules.titles import DESCRIPTION_EXAMPLES, EXAMPLES


def _persons(ap) -> dict[str, object]:
    return {e.name: e for e in ap.entities if e.kind == "person"}


def test_person_key_folds_accents_case_and_punctuation() -> None:
    assert person_key("Thérèse Kayikwamba-Wagner") == "therese kayikwamba wagner"
    assert person_key("Kim Yo Jong's") == "kim yo jong"
    assert person_key("S. Jaishankar") == person_key("s jaishankar")


@pytest.mark.parametrize(("text", "name", "titles"), EXAMPLES)
def test_titles_split_off(nlp, text: str, name: str, titles: tuple[str, ...]) -> None:
    persons = _persons(find_people(nlp(text)))
    assert name in persons, persons
    for t in titles:
        assert any(t in have for have in persons[name].titles), persons[name].titles


def test_surname_and_propagated_person_reading(nlp) -> None:
    doc = nlp(
        "President Donald Trump met Vladimir Putin on Friday. Trump said the talks were good. "
        "Trump later left. Putin's aide Yury Ushakov confirmed it, and Trump agreed."
    )
    ap = find_people(doc)
    trump = [ap.resolve(t) for t in doc if t.text == "Trump"]
    assert all(r and ap.entity(r[0]).name == "Donald Trump" for r in trump)


def test_two_people_with_one_surname_are_not_merged(nlp) -> None:
    doc = nlp(
        "Pakistan's Prime Minister Shehbaz Sharif thanked Trump on Saturday. His elder brother, "
        "Nawaz Sharif, said on Sunday that diplomacy should settle the dispute."
    )
    persons = _persons(find_people(doc))
    assert "Shehbaz Sharif" in persons and "Nawaz Sharif" in persons


def test_particle_names_keep_their_boundaries(nlp) -> None:
    doc = nlp(
        "Xi met European Council President António Costa and European Commission President "
        "Ursula von der Leyen on July 24. Von der Leyen said the talks were frank."
    )
    ap = find_people(doc)
    assert "Ursula von der Leyen" in _persons(ap)
    von = next(t for t in doc if t.text == "Von")
    assert ap.resolve(von) and ap.entity(ap.resolve(von)[0]).name == "Ursula von der Leyen"


def test_pronoun_and_group_resolution(nlp) -> None:
    doc = nlp(
        "Masoud Pezeshkian addressed the assembly on Wednesday. He met French President "
        "Emmanuel Macron the day before."
    )
    ap = find_people(doc)
    he = next(t for t in doc if t.text == "He")
    assert ap.entity(ap.resolve(he)[0]).name == "Masoud Pezeshkian"
    doc = nlp(
        "Neither side gave a date for a meeting between President Luiz Inácio Lula da Silva "
        "and Donald Trump. The two leaders spoke by video call on October 6."
    )
    ap = find_people(doc)
    leaders = next(t for t in doc if t.text == "leaders")
    names = {ap.entity(e).name for e in ap.resolve(leaders)}
    assert names == {"Luiz Inácio Lula da Silva", "Donald Trump"}


def test_places_and_orgs_are_not_persons(nlp) -> None:
    doc = nlp("Reuters reported that the White House and Moscow agreed on a venue in Alaska.")
    ap = find_people(doc)
    kinds = {e.name: e.kind for e in ap.entities}
    assert all(k != "person" for k in kinds.values()), kinds


@pytest.mark.parametrize(("text", "word", "expected"), NATIONALITY_EXAMPLES)
def test_descriptions_resolve_by_country(nlp, text: str, word: str, expected: str) -> None:
    doc = nlp(text)
    ap = find_people(doc)
    tok = [t for t in doc if t.text == word][-1]
    assert ap.resolve(tok), (word, [(e.name, e.kind) for e in ap.entities])
    assert ap.entity(ap.resolve(tok)[0]).name == expected


@pytest.mark.parametrize(("text", "word", "expected"), DESCRIPTION_EXAMPLES)
def test_descriptions_prefer_the_subject_of_the_role(
    nlp, text: str, word: str, expected: str
) -> None:
    """'The minister' is the story's minister, not a deputy named once in passing."""
    doc = nlp(text)
    ap = find_people(doc)
    tok = [t for t in doc if t.lower_ == word][-1]
    assert ap.resolve(tok), (word, [(e.name, e.kind) for e in ap.entities])
    assert ap.entity(ap.resolve(tok)[0]).name == expected


def test_a_group_of_leaders_by_country_takes_the_nearest_named(nlp) -> None:
    """Two Thai prime ministers: "the leaders of Thailand and Cambodia" are the ones named
    next to it, not a former acting one named paragraphs later."""
    text = (
        "Trump watched the leaders of Thailand and Cambodia sign an agreement on Sunday. "
        "Thai Prime Minister Anutin Charnvirakul and Cambodian Prime Minister Hun Manet "
        "signed the accord. Trump spoke. The deal builds on a truce. Anwar hosted Hun Manet "
        "and Thailand's then acting prime minister, Phumtham Wechayachai, in July."
    )
    doc = nlp(text)
    ap = find_people(doc)
    grp = ap.resolve(next(t for t in doc if t.text == "leaders"))
    assert [ap.entity(e).name for e in grp] == ["Anutin Charnvirakul", "Hun Manet"]


def test_countries_in_titles() -> None:
    assert countries_in("Russian President") == {"russia"}
    assert countries_in("U.S. special envoy") == {"us"}
    assert countries_in("Kremlin foreign policy aide") == {"russia"}
    assert countries_in("special envoy") == set()


def test_a_specific_description_is_someone_new(nlp) -> None:
    doc = nlp(
        "Soviet spokesman Yuri Gremitskikh said special ambassador Mikhail Sytenko left. "
        "The Iraqi ambassador to Venezuela said on Tuesday that Iraq would retaliate."
    )
    ap = find_people(doc)
    amb = [t for t in doc if t.text == "ambassador"][-1]
    assert ap.resolve(amb) == ()


def test_a_regnal_name_is_its_own_person(nlp) -> None:
    doc = nlp(
        "Iraq's Saddam Hussein spoke today. Also today, King Hussein of Jordan arrived in "
        "Washington. Hussein met Bush."
    )
    persons = _persons(find_people(doc))
    assert "Saddam Hussein" in persons and "Hussein" in persons


def test_company_names_are_organisations(nlp) -> None:
    doc = nlp(
        "Magna International Inc. said its chairman, Frank Stronach, resigned. "
        "Magna shares closed up on Friday. Milton Roy Corp. rose. Milton Roy signed a deal."
    )
    ap = find_people(doc)
    kinds = {e.name: e.kind for e in ap.entities}
    assert kinds.get("Frank Stronach") == "person"
    assert kinds.get("Magna", "org") != "person" and kinds.get("Milton Roy", "org") != "person"


def test_adjectival_names_are_not_people(nlp) -> None:
    doc = nlp("Fidel Castro spoke. Anti-Castro demonstrators thronged the street on Monday.")
    ap = find_people(doc)
    assert "Anti-Castro" not in _persons(ap)


def test_a_capitalised_he_after_and_is_a_name(nlp) -> None:
    doc = nlp(
        "Scott Bessent and Chinese Vice Premier He Lifeng led the talks. Bessent and He "
        "first met in Geneva on May 10. He said it went well."
    )
    ap = find_people(doc)
    hes = [t for t in doc if t.text == "He"]
    assert ap.entity(ap.resolve(hes[1])[0]).name == "He Lifeng"  # "Bessent and He"
    assert ap.resolve(hes[0]) and ap.entity(ap.resolve(hes[0])[0]).name == "He Lifeng"


def test_the_two_leaders_are_the_latest_two_leaders(nlp) -> None:
    """'The two leaders' skips a minister named in between: it is the two heads of
    government, not the last two persons named."""
    doc = nlp(
        "Prime Minister Narendra Modi and Philippine President Ferdinand Marcos Jr. held talks "
        "on Tuesday. Foreign Secretary Theresa Lazaro met Commerce Minister Piyush Goyal on "
        "Tuesday. The two leaders last met in Vientiane in October 2024."
    )
    ap = find_people(doc)
    tok = [t for t in doc if t.lower_ == "leaders"][-1]
    names = {ap.entity(i).name for i in ap.resolve(tok)}
    assert names == {"Narendra Modi", "Ferdinand Marcos Jr."}, names


@pytest.mark.parametrize(("text", "wanted", "unwanted"), NAME_EXAMPLES)
def test_name_vocabulary_examples(nlp, text: str, wanted: str, unwanted: str) -> None:
    """Family-name-first names, honorific gender, given-name honours, non-name words."""
    last = text.rstrip().rsplit(". ", 1)[-1]
    events = [e for e in _extract(nlp, text) if last in e.sentence and e.date_source == "text"]
    names = {p.name for e in events for p in e.participants}
    assert wanted in names, [(e.event_type, e.participants) for e in events]
    assert unwanted not in names


def test_bare_surname_stays_with_the_person_it_was_given_to(nlp) -> None:
    """Relatives sharing a surname: a later bare "Duterte" is the father, not the last
    relative introduced in full, unless that relative was just named in the sentence."""
    text = (
        "The vice-president, Sara Duterte, arrived on Wednesday, a day after her father, the "
        "former president Rodrigo Duterte, was arrested. Duterte, 79, is accused of crimes "
        "against humanity. Another son, Paolo Duterte, has not commented. A senator said he "
        "would join Duterte in detention. Duterte had flown to Hong Kong on Sunday."
    )
    ap = find_people(nlp(text))
    doc = ap.doc
    bare = [i for i, t in enumerate(doc) if t.text == "Duterte" and doc[i - 1].text != "Sara"]
    bare = [i for i in bare if doc[i - 1].text not in ("Rodrigo", "Paolo")]
    assert bare and all(ap.entity(ap.resolve(doc[i])[0]).name == "Rodrigo Duterte" for i in bare)


def _extract(nlp, text: str):
    from datetime import date

    from tracker.events import extract_events
    from tracker.temporal import tag

    published = date(2025, 8, 20)
    doc = nlp(text)
    return extract_events(text, published, doc, tag(text, published, doc))


def test_a_given_name_alone_refers_to_the_one_person_so_named(nlp) -> None:
    """Thai reports call Anutin Charnvirakul "Anutin"; "Israel" stays the country."""
    ap = find_people(
        nlp(
            "Thai Prime Minister Anutin Charnvirakul signed the accord. Anutin, who took "
            "office in September, spoke. Defence Minister Israel Katz said Israel would wait."
        )
    )
    persons = _persons(ap)
    assert set(persons) == {"Anutin Charnvirakul", "Israel Katz"}, persons
    assert "Anutin" in persons["Anutin Charnvirakul"].aliases
    assert "Israel" not in persons["Israel Katz"].aliases


def test_hyphenated_and_family_first_names_after_titles(nlp) -> None:
    """Korean and Taiwanese given names split by the tokenizer, a nationality word inside a
    titled name, and hyphenated adjectives that are not names ("Modi-led", "Trump-era")."""
    doc = nlp(
        "North Korean leader Kim Jong-un met President Moon Jae-in on Friday. Acting President "
        "Han Duck-soo met Taiwan's President Lai Ching-te, and Deputy Minister Thai Hoang Nam "
        "met Chinese Foreign Minister Wang Yi. Moon said on Monday that Han had left."
    )
    ap = find_people(doc)
    persons = _persons(ap)
    for name in ("Kim Jong-un", "Moon Jae-in", "Han Duck-soo", "Lai Ching-te", "Thai Hoang Nam"):
        assert name in persons, persons
    moon = [t for t in doc if t.text == "Moon"][-1]
    assert ap.entity(ap.resolve(moon)[0]).name == "Moon Jae-in"
    doc = nlp(
        "Donald Trump-era tariffs were criticised on Monday by Prime Minister Narendra Modi-led "
        "officials, the Kremlin-backed envoy, Kirill Dmitriev, said."
    )
    persons = _persons(find_people(doc))
    assert {"Donald Trump", "Narendra Modi", "Kirill Dmitriev"} <= set(persons), persons
    assert not any("-" in p for p in persons), persons


def test_a_known_office_holder_named_without_title(nlp) -> None:
    """'the prime minister' finds Keir Starmer though the article never titles him."""
    doc = nlp(
        "Donald Trump and Sir Keir Starmer signed a deal at Chequers on Thursday. The "
        "Conservative leader Kemi Badenoch accused the prime minister on Wednesday."
    )
    ap = find_people(doc)
    pm = [t for t in doc if t.text == "minister"][-1]
    assert ap.resolve(pm) and ap.entity(ap.resolve(pm)[0]).name == "Keir Starmer"

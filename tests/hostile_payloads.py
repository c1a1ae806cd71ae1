"""What the hostile corpus (hostile_corpus.py) is made of: prose, markup and template injections, dangerous
URLs, odd characters, YAML hazards and byte encodings. Plain data and small pure functions; all randomness
comes from the `random.Random` the caller passes in."""

from __future__ import annotations

import codecs
import json
import random

PLACES = (
    "Ostrava",
    "Tromsø",
    "Valparaíso",
    "Kisumu",
    "Da Nang",
    "Galway",
    "Tartu",
    "Mérida",
    "Hobart",
    "Izmir",
    "Lviv",
    "Nagoya",
    "Porto",
    "Quito",
    "Sfax",
    "Tampere",
    "Ushuaia",
    "Windhoek",
    "Yerevan",
    "Zadar",
)
SUBJECTS = (
    "harbour board",
    "city council",
    "water utility",
    "ferry operator",
    "school district",
    "rail union",
    "fishing cooperative",
    "hospital trust",
    "port authority",
    "library service",
    "bus company",
    "parks department",
    "fire brigade",
    "housing office",
    "weather service",
    "tram company",
)
ACTIONS = (
    "approved a new timetable",
    "delayed a vote on repairs",
    "published its annual accounts",
    "opened a public consultation",
    "hired more inspectors",
    "closed the old pier for a month",
    "agreed a pay deal with its staff",
    "bought three electric buses",
    "cut the price of season tickets",
    "postponed the summer festival",
    "repaired the flood barrier",
    "moved its offices to the old mill",
)
HEADLINE_ACTIONS = (
    "approves new timetable",
    "delays vote on repairs",
    "publishes annual accounts",
    "opens public consultation",
    "hires more inspectors",
    "closes old pier for a month",
    "agrees pay deal with staff",
    "buys three electric buses",
    "cuts price of season tickets",
    "postpones summer festival",
    "repairs flood barrier",
    "moves offices to old mill",
)
NOUNS = (
    "pier",
    "timetable",
    "budget",
    "bridge",
    "clinic",
    "reservoir",
    "depot",
    "ferry",
    "market",
    "tunnel",
    "archive",
    "stadium",
    "lighthouse",
    "orchard",
    "granary",
    "canal",
)
WORDS = (
    "harbour",
    "lantern",
    "meadow",
    "granite",
    "orchard",
    "saffron",
    "tundra",
    "velvet",
    "willow",
    "quartz",
    "ember",
    "falcon",
    "glacier",
    "juniper",
    "kestrel",
    "lagoon",
    "marble",
    "nectar",
    "obsidian",
    "pebble",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def sentence(rng: random.Random) -> str:
    """One plain news sentence."""
    place, subject, noun = rng.choice(PLACES), rng.choice(SUBJECTS), rng.choice(NOUNS)
    shapes = (
        f"The {subject} in {place} {rng.choice(ACTIONS)} on {rng.choice(WEEKDAYS)}, officials said.",
        f"About {rng.randint(20, 900)} residents came to the meeting about the {noun}, and "
        f"{rng.randint(2, 19)} of them asked for a second hearing before the summer.",
        f"Work on the {noun} near {place} should take {rng.randint(2, 11)} more weeks if the weather holds, "
        f"the {subject} said in a statement.",
        f"Local traders said the {noun} had been busier than usual since the {subject} {rng.choice(ACTIONS)}.",
        f"A spokeswoman for the {subject} said the decision would be reviewed in {rng.randint(2, 12)} months.",
    )
    return rng.choice(shapes)


def paragraph(rng: random.Random, sentences: int = 3) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def headline(rng: random.Random, number: int | None = None) -> str:
    """A headline; `number` picks one of len(PLACES) * len(SUBJECTS) * len(HEADLINE_ACTIONS) distinct ones."""
    if number is None:
        number = rng.randrange(len(PLACES) * len(SUBJECTS) * len(HEADLINE_ACTIONS))
    number, place = divmod(number, len(PLACES))
    action, subject = divmod(number, len(SUBJECTS))
    return f"{PLACES[place]} {SUBJECTS[subject].capitalize()} {HEADLINE_ACTIONS[action % len(HEADLINE_ACTIONS)]}"


# --- markup, template and URL injections ------------------------------------------------------------
# A template engine that evaluates the first prints "hostile-49-evaluated", the loop "jinja-loop-0jinja-loop-1":
# neither string occurs anywhere else in the corpus, so finding one in the output means evaluation.
EVALUATED_MARKERS = ("hostile-49-evaluated", "jinja-loop-0jinja-loop-1")
JINJA_LITERAL = "{{ 7*7 }}"
INJECTIONS = (
    "<script>alert('hostile')</script>",
    "<img src=x onerror=alert('hostile')>",
    "</script><script>alert('hostile')</script>",
    "<svg onload=alert('hostile')></svg>",
    "\"><script>alert('hostile')</script>",
    "'><a href=javascript:alert('hostile')>click</a>",
    '<a href="JAVASCRIPT:alert(1)">click</a>',
    "<iframe src=javascript:alert('hostile')></iframe>",
    "<body onload=alert('hostile')>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert('hostile')</scr</script>ipt>",
    "<base href=javascript:alert('hostile')//>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<object data=javascript:alert('hostile')></object>",
    "<form action=javascript:alert(1)><button formaction=javascript:alert(1)>go</button></form>",
    "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
    "<style>body{display:none}</style>",
    "<div style=\"width: expression(alert('hostile'))\">x</div>",
    "&lt;script&gt;alert('pre-escaped')&lt;/script&gt;",
    "&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;",
    "]]></content><script>alert('feed')</script>",
    "<!-- <script>alert('comment')</script> -->",
    "<![CDATA[<script>alert('cdata')</script>]]>",
    JINJA_LITERAL,
    "{{ 'hostile-' ~ 7*7 ~ '-evaluated' }}",
    "{% for i in range(2) %}jinja-loop-{{ i }}{% endfor %}",
    "{{ config.items() }}",
    "{% include '/etc/passwd' %}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "${7*7} <%= 7*7 %> #{7*7}",
    "{% raw %}{{ 7*7 }}{% endraw %}",
)
EVIL_URLS = (
    "javascript:alert('hostile')",
    "JAVASCRIPT:alert('hostile')",
    "JaVaScRiPt:alert('hostile')",
    "java\nscript:alert('hostile')",
    "java\tscript:alert('hostile')",
    "\x01javascript:alert('hostile')",
    "\x00javascript:alert('hostile')",
    "  javascript:alert('hostile')",
    "data:text/html,<script>alert('hostile')</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox('hostile')",
    "file:///etc/passwd",
    "javascript://example.org/%0aalert(1)",
    "https://example.org/\"><script>alert('hostile')</script>",
    "https://example.org/' onmouseover='alert(1)",
)
# Characters pasted text can carry: C0/C1 controls, separators, bidi and zero-width marks, combining marks.
ODD_CHARACTERS = (
    "\x00",
    "\x01",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\x9b",
    "\u2028",
    "\u2029",
    "\u200e",
    "\u200f",
    "\u202e",
    "\u2066",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u00ad",
    "a\u0301\u0302\u0303" * 20,
    "\U0001f600\U0001f525",
    "\ufffd",
    "\uffff",
    "\U0010ffff",
)


def yaml_text(value: str) -> str:
    """`value` as a YAML double-quoted scalar (JSON's escapes are YAML's; non-ASCII stays as it is)."""
    return json.dumps(value, ensure_ascii=False)


def alias_bomb(key: str, width: int = 9, depth: int = 9) -> str:
    """A billion laughs of a few hundred bytes: `key` holds width**depth strings through aliases."""
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    lines += [f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]" for level in range(1, depth)]
    return "\n".join([*lines, f"{key}: *a{depth - 1}"])


def deep_flow(key: str, depth: int = 500) -> str:
    return f"{key}: " + "[" * depth + "x" + "]" * depth


def deep_block(key: str, depth: int = 500) -> str:
    return f"{key}:\n" + "\n".join(" " * (level + 1) + f"k{level}:" for level in range(depth)) + " x"


# (kind, YAML text) for front matter and sidecars; yaml_hazards() fills in @TRIPWIRE@ and @HIJACK@.
YAML_HAZARDS = (
    ("broken-yaml", "title: [Storm warning\ntags: weather"),
    ("broken-indent", "title: x\n  tags:\n - a\n   - b"),
    ("tab-indent", "title:\n\t- x"),
    ("duplicate-keys", "title: a\ntitle: b"),
    ("date-feb-30", "date: 2018-02-30"),
    ("date-year-0", "date: 0000-01-01"),
    ("date-month-13", "date: 2018-13-01"),
    ("date-hour-25", "date: 2018-01-01 25:00:00"),
    ("date-offset-99", "date: 2018-01-01T10:00:00+99:00"),
    ("date-tag-timestamp", "date: !!timestamp 2018-02-30"),
    ("date-tag-timestamp-text", "date: !!timestamp yesterday"),
    ("date-quoted-feb-30", 'date: "2018-02-30"'),
    ("date-quoted-hour-25", 'date: "2018-01-01T25:61:00"'),
    ("date-words", 'date: "the thirtieth of February"'),
    ("date-int", "date: 20180230"),
    ("date-year-99999", "date: 99999-01-01"),
    ("date-float", "date: 1e308"),
    ("date-bool", "date: yes"),
    ("date-list", "date: [2018, 2, 30]"),
    ("date-map", "date: {year: 2018}"),
    ("set-tag", "tags: !!set {a, b}"),
    ("python-object", 'title: !!python/object/apply:os.system ["touch @TRIPWIRE@"]'),
    ("python-name", "title: !!python/name:os.system"),
    ("binary-tag", "title: !!binary aGVsbG8="),
    ("custom-tag", "title: !custom x"),
    ("deep-flow-500", deep_flow("tags")),
    ("deep-flow-title", deep_flow("title", 2000)),
    ("deep-map-500", "entities: " + "{a: " * 500 + "x" + "}" * 500),
    ("deep-block-500", deep_block("summary")),
    ("alias-bomb-tags", alias_bomb("tags")),
    ("alias-bomb-date", alias_bomb("date")),
    ("alias-bomb-title", alias_bomb("title")),
    ("alias-bomb-entities", alias_bomb("bomb") + "\nentities: [{name: x, type: *a8}]"),
    ("alias-bomb-authors", alias_bomb("authors")),
    ("recursive-alias", "date: &d [*d]\nrelated: &r [*r]"),
    ("huge-title", "title: " + "A" * 200_000),
    ("huge-summary", "summary: " + yaml_text("word " * 60_000)),
    ("many-keys", "\n".join(f"k{i}: v" for i in range(20_000))),
    ("unknown-keys", "save_as: ../../index.html\ntemplate: ../../../etc/passwd\nlang: xx\nmodified: never"),
    ("key-case", "TITLE: Upper key\nTags: [a]\n' title ': spaced"),
    ("title-list", "title: [a, b]"),
    ("title-map", "title: {a: b}"),
    ("title-null", "title: null"),
    ("title-empty", 'title: ""'),
    ("title-inf", "title: .inf"),
    ("tags-int", "tags: 42"),
    ("tags-map", "tags: {a: b}"),
    ("authors-map", "authors: {a: b}"),
    ("authors-nested", "authors: [[a, b]]"),
    ("status-list", "status: [draft]"),
    ("slug-float", "slug: 3.5"),
    ("related-int", "related: 7"),
    ("entities-text", "entities: x"),
    ("entities-no-name", "entities: [{type: person}]"),
    ("entities-int", "entities: [42]"),
    ("entities-bad-type", "entities: [{name: x, type: planet, link: 'javascript:alert(1)'}]"),
    ("url-int", "url: 12"),
    ("url-list", "url: [https://example.org/]"),
    ("summary-map", "summary: {a: 1}"),
    ("status-draft", "status: draft"),
    ("status-hidden", "status: hidden"),
    ("status-garbage", "status: garbage"),
    ("status-upper", "status: DRAFT"),
    ("status-empty", 'status: ""'),
    ("slug-search", "slug: search"),
    ("slug-dotdot", "slug: ../../etc"),
    ("slug-empty", 'slug: ""'),
    ("slug-emoji", 'slug: "\U0001f600\U0001f525"'),
    ("slug-absolute", "slug: /etc/passwd"),
    ("slug-backslash", r'slug: "..\\..\\x"'),
    ("slug-dot", 'slug: "."'),
    ("slug-nul", r'slug: "a\0b"'),
    ("slug-long", "slug: " + "s" * 300),
    ("slug-theme", "slug: ../theme/css"),
    ("slug-hijack", "slug: @HIJACK@"),
    ("tags-bang", 'tags: ["!!!"]'),
    ("tags-emoji", 'tags: ["\U0001f600", "\U0001f525\U0001f525"]'),
    ("tags-300", "tags: [" + "N" * 300 + "]"),
    ("tags-many", "tags: [" + ", ".join(f"t{i}" for i in range(3000)) + "]"),
    ("tags-case", "tags: [Iran, iran, IRAN, ' iran ']"),
    ("tags-empty", 'tags: ["", " "]'),
    ("tags-slash", 'tags: ["a/b", "../x", "."]'),
    ("authors-300", "authors: [" + "N" * 300 + "]"),
    ("authors-nul", r'authors: ["Ann\0Bee"]'),
    ("authors-ff", r'authors: ["Ann\fBee"]'),
    ("title-nul", r'title: "Nul\0in the title"'),
    ("title-ff", r'title: "Form\ffeed in the title"'),
    ("title-ansi", r'title: "\e[31mred\e[0m title"'),
    ("title-newlines", r'title: "two\nlines\r\nthree"'),
    ("title-spaces", 'title: "   "'),
    ("title-u2028", 'title: "line\u2028separator"'),
    ("yaml-list", "- a\n- b"),
    ("yaml-scalar", "just a sentence, no keys"),
    ("yaml-int", "42"),
)


def yaml_hazards(tripwire: str, hijack_slug: str) -> list[tuple[str, str]]:
    """The hazards; `tripwire` is a file a !!python tag would create, `hijack_slug` a slug a control sets."""
    return [
        (kind, text.replace("@TRIPWIRE@", tripwire).replace("@HIJACK@", hijack_slug)) for kind, text in YAML_HAZARDS
    ]


# --- bytes -----------------------------------------------------------------------------------------------
def _insert(data: bytes, junk: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + junk + data[at:]


def encoders() -> dict[str, object]:
    """name -> (text, rng) -> bytes. The first group is what the README promises to read."""
    return {
        "utf8": lambda t, r: t.encode("utf-8"),
        "utf8-bom": lambda t, r: codecs.BOM_UTF8 + t.encode("utf-8"),
        "utf16le-bom": lambda t, r: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        "utf16be-bom": lambda t, r: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        "cp1252": lambda t, r: t.encode("cp1252", "replace"),
        "utf16le-nobom": lambda t, r: t.encode("utf-16-le"),
        "utf16be-nobom": lambda t, r: t.encode("utf-16-be"),
        "utf32le-bom": lambda t, r: codecs.BOM_UTF32_LE + t.encode("utf-32-le"),
        "utf16-bom-mismatch": lambda t, r: codecs.BOM_UTF16_BE + t.encode("utf-16-le"),
        "utf16-odd-length": lambda t, r: codecs.BOM_UTF16_LE + t.encode("utf-16-le") + b"\x41",
        "latin1-undefined": lambda t, r: _insert(t.encode("latin-1", "replace"), b"\x81\x8d\x8f\x90\x9d", r),
        "utf8-stray-cp1252": lambda t, r: _insert(t.encode("utf-8"), b"\x92", r),
        "mixed-utf8-cp1252": lambda t, r: "Café ".encode() + t.encode("utf-8") + " déjà".encode("cp1252"),
        "utf8-overlong": lambda t, r: _insert(t.encode("utf-8"), b"\xc0\xaf\xe0\x80\xaf\xf0\x80\x80\xaf", r),
        "utf8-surrogate": lambda t, r: _insert(t.encode("utf-8"), b"\xed\xa0\x80", r),
        "utf8-truncated": lambda t, r: t.encode("utf-8") + b"\xe2\x82",
        "utf8-continuation": lambda t, r: _insert(t.encode("utf-8"), b"\x80\xbf\x80", r),
        "utf8-above-max": lambda t, r: _insert(t.encode("utf-8"), b"\xf4\x90\x80\x80", r),
        "utf8-bom-twice": lambda t, r: codecs.BOM_UTF8 * 2 + t.encode("utf-8"),
        "ff-run": lambda t, r: _insert(t.encode("utf-8"), b"\xff" * r.randint(1, 64), r),
        "nul-run": lambda t, r: _insert(t.encode("utf-8"), b"\x00" * r.randint(1, 64), r),
        "nul-interleaved": lambda t, r: b"".join(bytes([c, 0]) if c < 128 else bytes([c]) for c in t.encode()),
        "bom-then-random": lambda t, r: codecs.BOM_UTF8 + r.randbytes(512),
    }


PROMISED_ENCODINGS = ("utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1252")
LINE_ENDINGS = {
    "lf": "\n",
    "crlf": "\r\n",
    "cr": "\r",
    "lfcr": "\n\r",
    "crcrlf": "\r\r\n",
    "u2028": "\u2028",
    "u2029": "\u2029",
    "nel": "\x85",
    "ff": "\f",
    "vt": "\v",
    "none": " ",
}


def with_line_ending(text: str, name: str, rng: random.Random) -> str:
    if name == "mixed":
        return "".join(line + rng.choice(("\n", "\r\n", "\r")) for line in text.split("\n"))
    return text.replace("\n", LINE_ENDINGS[name])

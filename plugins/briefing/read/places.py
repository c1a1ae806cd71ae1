"""Country names and the usual short forms of a few, for typing and merging place names."""

from __future__ import annotations

_ONE_WORD = """afghanistan albania algeria andorra angola antigua argentina armenia australia austria
    azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia
    bosnia botswana brazil britain brunei bulgaria burkina burma burundi cambodia cameroon canada
    chad chile china colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica
    ecuador egypt england eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia
    germany ghana greece grenada guatemala guinea guyana haiti holland honduras hungary iceland
    india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kazakstan kenya
    kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein
    lithuania luxembourg macedonia madagascar malawi malaysia maldives mali malta mauritania
    mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar
    namibia nauru nepal netherlands nicaragua niger nigeria norway oman pakistan palau palestine
    panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa scotland
    senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname swaziland
    sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey
    turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam wales yemen
    yugoslavia zaire zambia zimbabwe"""
_SEVERAL_WORDS = """bosnia and herzegovina, burkina faso, cape verde, central african republic, costa rica, czech
    republic, dominican republic, east timor, el salvador, equatorial guinea, faroe islands, hong
    kong, ivory coast, new zealand, north korea, north macedonia, northern ireland, papua new
    guinea, saudi arabia, sierra leone, solomon islands, south africa, south korea, south sudan, sri
    lanka, united arab emirates, united kingdom, united states, vatican city, west bank, gaza strip,
    puerto rico, great britain, united states of america, soviet union"""

# Lower case, as `entities.name_key` writes them.
COUNTRIES = frozenset(_ONE_WORD.split()) | frozenset(" ".join(name.split()) for name in _SEVERAL_WORDS.split(","))

# Short forms that name the same country: key -> canonical name.
COUNTRY_ALIASES = {
    "us": "United States",
    "usa": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "united kingdom": "United Kingdom",
    "great britain": "Britain",
    "britain": "Britain",
    "uae": "United Arab Emirates",
}

"""Word lists for the synthetic newsroom corpus.

The names are invented on purpose: the corpus reads like news without putting
words in real people's mouths. Nothing here contains quotes, ampersands or
colons, so titles and sentences survive YAML and HTML unchanged.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Amara", "Boris", "Carla", "Dmytro", "Elena", "Farid", "Greta", "Hassan", "Ines",
    "Jonas", "Katya", "Luis", "Mira", "Nikolai", "Olena", "Pavel", "Rania", "Sofia",
    "Tomas", "Ulla", "Viktor", "Wen", "Yara", "Zoran",
)  # fmt: skip

LAST_NAMES = (
    "Adler", "Barros", "Castell", "Dorn", "Ekwueme", "Falk", "Grant", "Halloran",
    "Ivanova", "Jansen", "Kovac", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrenko",
    "Quist", "Reyes", "Sorensen", "Tkachenko", "Usman", "Varga", "Weber", "Zielinski",
)  # fmt: skip

ROLES = (
    "the foreign minister", "the defense minister", "a senior adviser to the president",
    "the chair of the budget committee", "the central bank governor", "the energy minister",
    "a spokesperson for the government", "the mayor", "the trade representative",
    "the head of the opposition",
)  # fmt: skip

ORGS = (
    "Defense Ministry", "Foreign Ministry", "Finance Ministry", "Energy Ministry",
    "Central Bank", "Interior Ministry", "Election Commission", "Port Authority",
    "Health Ministry", "Trade Office", "State Grid Operator", "Coast Guard",
    "Border Service", "Supreme Court", "Parliament", "Security Council",
)  # fmt: skip

OUTLETS = (
    "the Northern Courier", "the Harbor Times", "Radio Meridian", "the Capital Ledger",
    "the Evening Standard Wire", "Delta News Agency", "the Lakeside Post",
)  # fmt: skip

PLACES = (
    "Ostrava", "Valletta", "Tallinn", "Gdansk", "Porto", "Tbilisi", "Odesa", "Riga",
    "Trieste", "Varna", "Bergen", "Cluj", "Kaunas", "Split", "Tartu", "Lviv",
    "the capital", "the border region", "the eastern provinces", "the coastal cities",
)  # fmt: skip

TOPICS = (
    "the budget", "the coalition talks", "the winter energy plan", "the aid package",
    "the reconstruction fund", "the trade dispute", "the election timetable",
    "the grain shipments", "the peace talks", "the pension reform", "the port expansion",
    "the water shortage", "the rail strike", "the housing plan",
)  # fmt: skip

ADJECTIVES = (
    "constructive", "tense", "productive", "difficult", "brief", "frank", "cordial",
    "inconclusive", "detailed", "urgent",
)  # fmt: skip

SOCIAL_NETWORKS = ("X", "Telegram", "Bluesky", "Facebook", "Mastodon")

# Glossary terms are built from these: "air defense", "export controls", ...
TERM_MODIFIERS = (
    "air", "missile", "border", "ceasefire", "sanctions", "export", "grain", "energy",
    "naval", "cyber", "trade", "budget", "security", "nuclear", "refugee", "tariff",
    "pipeline", "election", "drone", "debt", "currency", "water", "rail", "port",
    "housing", "pension", "power", "gas", "fiscal", "customs", "transit", "aid",
    "oil", "labor", "wheat", "steel", "data", "satellite", "coastal", "health",
)  # fmt: skip

TERM_HEADS = (
    "defense", "corridor", "regime", "framework", "agreement", "reserve", "quota",
    "monitor", "mission", "package", "deficit", "levy", "waiver", "bond", "shield",
    "buffer", "treaty", "summit", "cap", "subsidy", "inspection", "embargo", "tribunal",
    "ceiling", "guarantee", "authority", "registry", "committee", "facility", "index",
)  # fmt: skip

# All-capitals terms match only in capitals; invented so they cannot mislead.
ACRONYMS = (
    "NATO", "IAEA", "OSCE", "WTO", "IMF", "OPEC", "EBRD", "UNHCR", "ICC", "ECB",
    "ASEAN", "IEA", "WFP", "UNDP", "OECD", "FATF", "ICAO", "IMO", "WHO", "ILO",
)  # fmt: skip

# Syllables for the extra, made-up terms of very large glossaries.
SYLLABLES = (
    "va", "lor", "den", "ka", "mir", "tes", "ro", "lin", "da", "gor", "ve", "sal",
    "ni", "bra", "tor", "me", "qua", "zel", "pa", "rin", "so", "kel", "vi", "dun",
)  # fmt: skip

SECTION_LABELS = (
    "Why it matters", "Behind the scenes", "What they are saying", "Driving the news",
    "The big picture", "Between the lines", "Yes, but", "Go deeper", "Zoom in",
    "State of play", "What is next", "By the numbers", "The other side", "Context",
)  # fmt: skip

TAGS = (
    "Politics", "Economy", "Energy", "Defense", "Diplomacy", "Trade", "Elections",
    "Security", "Health", "Transport", "Climate", "Courts", "Housing", "Agriculture",
)  # fmt: skip

# One sentence each; {slots} are filled by the generator. No event mention here.
SENTENCES = (
    "{person} said the {term} would be discussed with {org} officials in {place}.",
    "The {org} warned that delays to the {term} could hold up {topic} for months.",
    "Officials in {place} called the talks {adjective} but said no deal on the {term} was reached.",
    "Two people familiar with {topic} said the {term} was the main point of disagreement.",
    "The {org} has asked for an independent review of the {term} before the next vote.",
    "{person} told reporters in {place} that the government still supports the {term}.",
    "Critics argue that the {term} favors large firms and does little for families in {place}.",
    "The plan would expand the {term} and add new funding for {topic} next year.",
    "According to the {org}, spending on the {term} rose by {number} percent last year.",
    "Lawmakers are expected to debate the {term} alongside {topic} before the recess.",
    "Local officials in {place} said they had not been consulted about the {term}.",
    "The {org} said the {term} remains in force until a new framework is agreed.",
    "{person} called the meeting {adjective} and said both sides would keep discussing the {term}.",
    "Analysts say the {term} is likely to shape {topic} well into next year.",
    "A draft seen by reporters links the {term} to progress on {topic}.",
    "The opposition has promised to challenge the {term} in court if it is approved.",
    "Residents of {place} have staged protests over {topic} and the {term} for weeks.",
    "The {org} estimates that about {number} thousand people are affected by the {term}.",
    "Negotiators met in {place} to narrow the gaps on the {term} and {topic}.",
    "Officials stressed that the {term} is separate from the wider dispute over {topic}.",
    "The {term} has been criticized by the {org} as too slow and too costly.",
    "Supporters say the {term} will bring stability to {place} after a difficult year.",
    "{person} said the {acronym} had been briefed on the {term} and on {topic}.",
    "The {acronym} is expected to publish its own assessment of the {term} within weeks.",
)  # fmt: skip

# Sentences that carry an event mention: {mention} becomes the linked phrase, a
# past date ("On Thursday", "on Thursday") or, for planned events, "soon".
PAST_MENTIONS = (
    "{mention}, {person} and {person2} discussed the {term} and {topic}.",
    "{mention}, the {org} announced changes to the {term}.",
    "{mention}, officials in {place} confirmed new measures on the {term}.",
    "{mention}, {person} said talks on {topic} would continue despite the {term}.",
    "The {org} first raised concerns about the {term} {mention}, two officials said.",
)  # fmt: skip

UPCOMING_MENTIONS = (
    "Officials said the two sides would meet {mention} to discuss the {term}.",
    "{person} said a decision on {topic} is expected {mention}.",
    "The {org} plans to publish its review of the {term} {mention}.",
)  # fmt: skip

EVENT_TITLES = {
    "call": "{person} and {person2} speak by phone about {topic}",
    "meeting": "Officials meet in {place} to discuss the {term}",
    "statement": "The {org} issues a statement on the {term}",
    "strike": "Overnight strikes hit infrastructure near {place}",
    "decision": "The {org} approves changes to the {term}",
    "other": "Protesters gather in {place} over {topic}",
}  # fmt: skip

TITLES = (
    "{org} moves to expand the {term} as pressure grows over {topic}",
    "Talks in {place} stall over the {term}, officials say",
    "{person} defends the {term} amid criticism from lawmakers",
    "New figures show the cost of the {term} rising in {place}",
    "Negotiators near a deal on the {term} after long talks",
    "{org} delays decision on the {term} until after the vote",
    "Officials in {place} push back on the {term}",
    "What the {term} means for {topic}",
)  # fmt: skip

DEFINITIONS = (
    "The arrangements governing {head} matters in the {modifier} sector, as set by law or treaty.",
    "A {head} covering {modifier} policy, usually agreed between governments.",
    "The *{modifier}* {head} that officials negotiate and review each year.",
    "A set of rules on {modifier} questions, enforced by a national or regional {head}.",
)  # fmt: skip

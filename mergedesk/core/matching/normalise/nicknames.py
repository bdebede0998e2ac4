"""Common English given-name nicknames mapped to one canonical form. Data only; no I/O."""

from __future__ import annotations

# Each canonical name lists the short forms CRM users type. Kept deliberately small:
# ambiguous forms (e.g. "al", "chris", "pat") map to the most frequent full name,
# and a wrong mapping only makes two different people look *more* alike by first name,
# which the other fields still have to confirm.
_GROUPS: dict[str, tuple[str, ...]] = {
    "alexander": ("alex", "sasha", "xander"),
    "andrew": ("andy", "drew"),
    "anthony": ("tony",),
    "benjamin": ("ben", "benny", "benji"),
    "catherine": ("cathy", "kate", "katie", "kathy", "katherine", "kathryn", "cat"),
    "charles": ("charlie", "chuck", "chas"),
    "christopher": ("chris", "topher", "kit"),
    "daniel": ("dan", "danny"),
    "david": ("dave", "davey"),
    "deborah": ("debbie", "deb", "debra"),
    "edward": ("ed", "eddie", "ted", "ned"),
    "elizabeth": ("liz", "lizzie", "beth", "betty", "eliza", "libby", "betsy"),
    "frederick": ("fred", "freddie"),
    "gregory": ("greg",),
    "henry": ("hank", "harry"),
    "isabella": ("bella", "izzy"),
    "jacob": ("jake",),
    "james": ("jim", "jimmy", "jamie"),
    "jennifer": ("jen", "jenny", "jenn"),
    "jessica": ("jess", "jessie"),
    "john": ("jack", "johnny", "jon"),
    "jonathan": ("jonny",),
    "joseph": ("joe", "joey"),
    "joshua": ("josh",),
    "katharina": ("katja", "kathi"),
    "lawrence": ("larry",),
    "margaret": ("maggie", "meg", "peggy", "marge", "greta"),
    "matthew": ("matt", "matty"),
    "michael": ("mike", "mikey", "mick", "micky"),
    "nicholas": ("nick", "nicky", "nico"),
    "patricia": ("patty", "trish", "tricia"),
    "patrick": ("pat", "paddy"),
    "peter": ("pete",),
    "rebecca": ("becky", "becca"),
    "richard": ("rick", "ricky", "dick", "rich", "richie"),
    "robert": ("bob", "bobby", "rob", "robbie", "bert"),
    "samuel": ("sam", "sammy"),
    "stephen": ("steve", "steven", "stevie"),
    "susan": ("sue", "susie", "suzy"),
    "thomas": ("tom", "tommy"),
    "timothy": ("tim", "timmy"),
    "victoria": ("vicky", "tori"),
    "william": ("bill", "billy", "will", "willy", "liam"),
    "wolfgang": ("wolf",),
}

NICKNAMES: dict[str, str] = {short: full for full, shorts in _GROUPS.items() for short in shorts}


def canonical_given_name(token: str) -> str:
    """The canonical full form of a folded given name ("bob" -> "robert"), else itself."""
    return NICKNAMES.get(token, token)

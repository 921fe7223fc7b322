"""Words of a description, for the text-similarity part and the reasons that quote it."""

import re

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# Common English words and words every need or offer uses; they say nothing about fit.
STOPWORDS = frozenset(
    """
    about above after again against all also among and any are around because been before
    being below between both but can could did does doing down during each either else ever
    every few for from further had has have having her here hers herself him himself his how
    into its itself just like made make many may more most much must near need needs neither
    nor not now off offer offers once only other our ours ourselves out over own per same
    shall she should since some such than that the their theirs them themselves then there
    these they this those though through too under until upon very was way well were what
    when where which while who whom whose why will with within without would yet you your
    yours yourself yourselves help helps helping looking want wants support supports provide
    provides providing work works working able new get use using
    """.split()
)


def stem(word: str) -> str:
    """A light stem so that plurals meet their singulars ("charities" ~ "charity")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> frozenset[str]:
    """The distinct stemmed content words of `text`, in lower case."""
    found = set()
    for match in WORD.finditer(text.casefold()):
        word = match.group().replace("’", "'")
        if "'" in word:
            word = word.split("'")[0]
        if len(word) >= 3 and word not in STOPWORDS:
            found.add(stem(word))
    return frozenset(found)

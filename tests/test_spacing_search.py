"""The spacing model's lattice search and the tables it reads, against their plain formulations:
the faster code must find the same segmentation and record the same document words (the
dependencies of its memo entry) as the search it replaced, in documents whose counts raise
some pieces."""

from __future__ import annotations

from collections import Counter
from itertools import accumulate

from hypothesis import example, given
from hypothesis import strategies as st

from textlint.checks.spacing.model import (
    LETTER_WORDS,
    MAX_WORD,
    PREFIXES,
    Model,
    camel_seam,
    clear_shared_caches,
)
from textlint.lexicon import get_lexicon
from model_twins import comparable_tables


def _search_as_before(self: Model, cores: list[str], left: str | None, right: str | None) -> tuple[int, ...]:
    """:meth:`Model._search` as it was before its loops were made faster (main at aa023a1)."""
    s = "".join(cores)
    n = len(s)
    bounds = list(accumulate(map(len, cores), initial=0))
    is_bound = [False] * (n + 1)
    for b in bounds:
        is_bound[b] = True
    token_of = [k for k, c in enumerate(cores) for _ in c]  # the token of each letter,
    token_of.append(len(cores) - 1)  # and the end's
    p = self.p
    features = self._features
    solid, long_word, content, frequent, cuttable, in_lexicon, no_join_after, glued = zip(*(
        entry[0] if (entry := features.get(c)) is not None and not entry[1]
        else self.memo(features, c, self._token_features, c) for c in cores))
    seam = [False] * (n + 1)
    for j in [j for j, ch in enumerate(s) if ch.isupper()]:
        seam[j] = not is_bound[j] and camel_seam(s, j)
    known, pair, unknown, vocab_get = self.known, self.pair, self.unknown, self.vocab.get
    lex_word, piece_ok = self.lex_word, self._piece_ok
    # states[i]: last word -> (score, start of the word, previous word, lex_word(last word))
    states: list[dict[str | None, tuple]] = [{} for _ in range(n + 1)]
    states[0][left] = (0.0, -1, None, None if left is None else lex_word(left))
    pmi_get, floor, bigram_weight, absent_weight = (
        self._pmi_get, self.lex.bigram_floor, p.bigram_weight, p.absent_weight)
    lex_logp_get, lex_logp, lex_words_get = self._lex_logp.get, self.lex_logp, self._lex_words.get
    function_lp, known_split_lp = p.function_zipf - 9, p.known_split_zipf - 9
    suffix_word_lp, suffix_pair_pmi = p.frequent_zipf - 9, round(p.suffix_pair_pmi * 100)
    prefix_cut: dict[int, set[str]] = {}  # end -> prefixes cut off a token's start there
    for j in range(n):
        here = states[j]
        if not here:
            continue
        k0 = token_of[j]
        at_start, seam_j, capital = is_bound[j], seam[j], s[j].isupper()  # (a seam is no bound)
        after_prefix = prefix_cut.get(j) if prefix_cut else None
        if at_start:
            entry = 0.0
        elif not cuttable[k0]:
            continue
        elif seam_j:
            entry = -p.camel_cost
        elif capital:
            continue  # never start a word at an inner capital that is no seam
        else:
            entry = -p.ins_cost
        if not at_start and in_lexicon[k0]:
            # camel-case names the lexicon knows ("PlayStation") are kept firmly
            entry -= p.seam_known_cost if seam_j else p.split_known_cost
        limit = min(n, j + MAX_WORD)
        if at_start and bounds[k0 + 1] > limit:
            limit = bounds[k0 + 1]
        inner = 0
        for i in range(j + 1, limit + 1):
            b = i - 1
            if is_bound[b] and b > j:
                if not s[b].islower() or no_join_after[token_of[b - 1]]:
                    break  # no join before a capital or after an initial
                inner += 1
            k1 = token_of[b]
            at_end, seam_i = is_bound[i], seam[i]
            if not at_end:
                if not cuttable[k1] or s[i].isupper() and not seam_i:
                    continue
            w = s[j:i]
            whole = at_start and at_end
            original = whole and not inner
            lp = lex_logp_get(w, False)  # known(w, original, inner > 0), the usual answers inline
            if lp is False:
                lp = lex_logp(w)
            if not (inner or i - j < 3 or lp is not None and not capital):
                count = self._hits[w] = vocab_get(w, 0)  # known()'s dependency, inline
                if count > original:
                    lp = known(w, original)  # the document knows the word
            if lp is None and not (at_start or at_end):
                continue  # an unknown word is made only at a token's edge
            suffix_word = False  # a suffix that is a word: only after a word it pairs with
            if not whole:
                if (at_start or at_end or seam_j or seam_i) and not piece_ok(
                        w, at_start, at_end, seam_j, seam_i):
                    if at_end and not seam_j and lp is not None and lp >= suffix_word_lp:
                        suffix_word = not glued[k0]  # "hand|some", but "of|some" glued
                    elif at_start and not seam_i and lp is not None and lp >= function_lp:
                        # a preposition ("out", "over", "in"): only before a function word
                        prefix_cut.setdefault(i, set()).add(w)
                    else:
                        continue
                if in_lexicon[k1 if at_start else k0] and (lp is None or lp < known_split_lp) and not (
                        seam_j or seam_i):
                    continue  # a known word is cut only into frequent words ("ofthe") or at a seam
            if lp is None:
                if inner:
                    if not whole or any(solid[k0:k1 + 1]) or not self._unknown_join(cores[k0:k1 + 1]):
                        continue
                lp = unknown(w) - (p.unk_join_cost if inner else 0.0)
            elif i - j == 1 and not original and w not in LETTER_WORDS:
                continue
            base = lp + entry - p.del_cost * inner
            if inner:
                if sum(long_word[k0:k1 + 1]) >= 2:
                    continue  # two words stay two words ("song writer", "bench mark")
                if sum(content[k0:k1 + 1]) >= 2:
                    base -= p.compound_cost  # "beam splitter": an author's choice
                if cores[k0] in LETTER_WORDS and long_word[k0 + 1]:
                    continue  # "a void", "a round": an article and a word
                if cores[k0].lower() in PREFIXES and solid[k0 + 1] and not (
                        lp >= suffix_word_lp and (lex_logp(cores[k0]) or 0.0) < function_lp):
                    continue  # "non trivial", "sub populations": the author's choice; not "re sult"
                # a lowercase letter that ends a content word: "diverge d", "railway s"
                ending = k1 == k0 + 1 and content[k0] and len(cores[k1]) == 1 and cores[k1].islower()
                if any(frequent[k0:k1 + 1]):
                    if not ending and any(len(c) == 1 for c in cores[k0:k1 + 1]) and (
                            lp < p.letter_join_zipf - 9 or cores[k0] in LETTER_WORDS):
                        continue  # "b are", "l and", "a void": a variable and a word; not "t he"
                    base -= p.frequent_join_cost  # a frequent word is rarely a fragment
                if len(cores[k1]) == 1 and solid[k0] and not ending and lp < p.letter_join_zipf - 9:
                    base -= p.letter_join_cost  # "of f", "the n": a variable; not "an d", "wa s"
            there = states[i]
            lw = lex_words_get(w, False)
            if lw is False:
                lw = lex_word(w)
            # content(w): a long word that is not among the most frequent ones
            cut_compound = not (at_start or seam_j) and i - j > 3 and (
                lw is None or lw[1] < function_lp)
            for prev, (sc, _, _, lprev) in here.items():
                if after_prefix and prev in after_prefix and not glued[k0] and (
                        lw is None or lw[1] < function_lp):
                    continue  # "out|the", "up|of"; not "over|load", "in|put"
                if lw is None or lprev is None:
                    if suffix_word:
                        continue
                    cand = sc + base  # the pair list holds known words only (pair_of)
                else:
                    pmi = pmi_get(f"{lprev[0]} {lw[0]}") if lprev[2] and lw[3] else None  # (pmi_of)
                    if suffix_word and (pmi is None or pmi < suffix_pair_pmi):
                        continue  # "would|like", "be|able"; not "light|like"
                    cand = sc + base + (bigram_weight * (pmi / 100) if pmi is not None else
                                        absent_weight * min(0.0, floor - lprev[1] - lw[1]))
                if cut_compound and prev is not None and len(prev) > 3 and (
                        lprev is None or lprev[1] < function_lp):  # content(prev)
                    cand -= p.compound_cost  # "power|series": an author's compound
                old = there.get(w)
                if old is None or cand > old[0]:
                    there[w] = (cand, j, prev, lw)
    final = states[n]
    if not final:
        return tuple(bounds[1:-1])
    w = max(final, key=lambda x: final[x][0] + pair(x, right))
    cuts, i = [], n
    while i > 0:
        _, j, prev, _ = states[i][w]
        if j > 0:
            cuts.append(j)
        i, w = j, prev
    return tuple(sorted(cuts))


#: Pieces of the windows: words frequent and rare, long and short, fragments, letter words,
#: prefixes and suffixes, names, capitals, glued forms.
_PIECES = ["the", "in", "of", "a", "I", "to", "as", "is", "out", "over", "government", "spokes", "man",
           "fully", "success", "Putin", "America", "Cuba", "UN", "Security", "gov", "ern", "evergr", "een",
           "x", "q", "able", "like", "some", "hand", "infact", "eachother", "law", "enforcement",
           "Blunkett", "okesman", "song", "writer", "void", "non", "trivial", "power", "series", "Mc",
           "Letchie", "d", "s"]
_TOKENS = st.one_of(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3).map("".join),
                    st.text(alphabet="abdeinorstuAIEUTX", min_size=1, max_size=14))
_CONTEXT = st.one_of(st.none(), st.sampled_from(["the", "a", "of", "said", "Putin", "government", "out"]))
_VOCABULARY = st.dictionaries(st.one_of(st.sampled_from(_PIECES), _TOKENS), st.integers(1, 40), max_size=8)


@given(st.lists(_TOKENS, min_size=1, max_size=4), st.sampled_from([str, str.capitalize, str.lower]),
       _CONTEXT, _CONTEXT, _VOCABULARY)
@example(["song", "writer"], str, "the", None, {}).via("two long words stay two")
@example(["a", "void", "ern"], str, None, "of", {}).via("a letter word before a long one")
@example(["a", "rt"], str, "was", None, {}).via("a letter word before a short one")
@example(["in", "the", "government"], str, "said", None, {}).via("a frequent prefix before a word")
@example(["non", "trivial"], str, "a", None, {}).via("a rarer prefix before a word")
@example(["re", "sult"], str, "the", None, {}).via("a prefix before a fragment")
@example(["gov", "ern", "ment"], str, "the", "said", {"govern": 3}).via("a join of three")
@example(["Putinin", "his"], str, "President", None, {"Putin": 4}).via("a cut the document vouches for")
@example(["outthe", "government"], str, None, None, {}).via("a preposition cut off a token")
@example(["handsome", "like"], str, "would", None, {}).via("a suffix that is a word")
def test_the_search_finds_what_the_search_before_it_found(cores, case, left, right, vocabulary):
    cores = [case(c) for c in cores]
    document = Counter({"the": 50, **vocabulary})
    clear_shared_caches()
    fast, plain = (Model(get_lexicon(), document, sum(document.values())) for _ in range(2))
    assert (fast._search(cores, left, right), fast._hits) == (
        _search_as_before(plain, cores, left, right), plain._hits), (cores, left, right)


def _glued_pair_plainly(model: Model, core: str, lp: float, dictionary_gap: bool) -> bool:
    """:meth:`Model._glued_pair` with the lexicon's own methods."""
    p, lex = model.p, model.lex
    pmi_floor, ratio = (p.glued_form_pmi, p.glued_form_ratio) if dictionary_gap else (
        p.glued_pair_pmi, p.glued_ratio)
    for c in range(1 if dictionary_gap and core[0] == "a" else 2, len(core) - 1):
        za, zb = lex.zipf(core[:c]), lex.zipf(core[c:])
        pmi = lex.pmi(core[:c], core[c:])
        if not (za and zb) or pmi is None:
            continue
        apart = za - 9 + zb - 9 + pmi - lp
        if pmi >= pmi_floor and apart >= ratio or dictionary_gap and apart >= p.safe_glued_ratio:
            return True
    return False


@given(_TOKENS.map(str.lower), st.floats(-9.0, -3.0), st.booleans())
@example("infact", -6.5, True).via("a glued form")
@example("lawenforcement", -7.0, False).via("a glued pair of the lexicon")
@example("alot", -5.5, True).via("a lost article")
def test_a_glued_pair_is_its_plain_formulation(core, lp, dictionary_gap):
    # _glued_pair asks the pair list only of cuts whose two sides it holds
    model = Model(get_lexicon(), {"the": 50}, 50)
    assert model._glued_pair(core, lp, dictionary_gap) == _glued_pair_plainly(model, core, lp, dictionary_gap)


@given(_TOKENS, st.sampled_from([str, str.capitalize, str.lower, str.upper]))
@example("parseHTTPResponse", str).via("an identifier")
@example("éclair", str).via("a lowercase word")
def test_a_token_is_cuttable_as_its_plain_formulation_says(token, case):
    from textlint.checks.spacing.model import LATIN

    core = case(token)
    model = Model(get_lexicon(), {"the": 50}, 50)
    plain = not (core.isupper() or core[0].islower() and sum(c.isupper() for c in core) > 1) and bool(
        LATIN.fullmatch(core)) and not model.known_above(core, model.p.check_zipf - 9, True)
    assert model.cuttable(core) == plain, core


def _score_plainly(model: Model, words: list[str], left: str | None, right: str | None,
                   originals: set[str]) -> float:
    """:meth:`Model.score` as a sum of :meth:`Model.logp` and :meth:`Model.pair`."""
    total, prev = 0.0, left
    for w in words:
        total += model.logp(w, w in originals) + model.pair(prev, w)
        prev = w
    return total + model.pair(prev, right)


@given(st.lists(st.lists(_TOKENS, min_size=1, max_size=4), min_size=1, max_size=3),
       st.sampled_from([str, str.capitalize, str.lower]), _CONTEXT, _CONTEXT, _VOCABULARY)
@example([["Putinin", "his"], ["Putin", "in", "his"], ["Putin", "his"]], str, "President", None,
         {"Putin": 4, "Putinin": 2}).via("a capitalised word the document raises, remembered")
def test_a_score_is_its_plain_sum(windows, case, left, right, vocabulary):
    # the same score to the last bit, the same memo tables and document words recorded, also
    # where earlier scores (of the same model) remembered the words and pairs
    document = Counter({"the": 50, **vocabulary})
    clear_shared_caches()
    fast = Model(get_lexicon(), document, sum(document.values()))
    clear_shared_caches()
    plain = Model(get_lexicon(), document, sum(document.values()))
    for words in windows:
        words = [case(w) for w in words]
        originals = set(windows[0])
        for model in (fast, plain):
            model._hits = model._root_hits = {}
        assert fast.score(words, left, right, originals) == _score_plainly(plain, words, left, right, originals)
        assert fast._hits == plain._hits and comparable_tables(fast._shared) == comparable_tables(plain._shared)

"""The shared records: pickling (how ``--jobs`` workers hand results back) keeps them equal."""

from __future__ import annotations

import pickle

from mediacompare.model import Sentence, Token
from mediacompare.text import sentences


def test_sentences_pickle_as_token_offsets_and_come_back_equal():
    text = "Mr. Putin’s aides left. “It works,” he said — 40% of 1,000 people agreed."
    sents = sentences(text)
    back = pickle.loads(pickle.dumps(sents, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == sents
    assert all(type(t) is Token for s in back for t in s.tokens)
    # the offsets, not one object per token, are what crosses the process boundary
    assert b"Token" not in pickle.dumps(sents[0])


def test_a_sentence_whose_tokens_are_not_slices_of_its_text_pickles_as_it_is():
    odd = Sentence(0, 0, 5, "Hello", (Token("HELLO", 0, 5),))
    assert pickle.loads(pickle.dumps(odd)) == odd
    bare = Sentence(3, 10, 15, "Hello")
    assert pickle.loads(pickle.dumps(bare)) == bare

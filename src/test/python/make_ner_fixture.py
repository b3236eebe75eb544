"""Writes the NER model fixtures for io.tunebatch.pii.ner (run once by hand, not in CI).

One tiny model per supported architecture, each with its usual kind of tokenizer:
bert-ner (BertForTokenClassification, cased WordPiece), roberta-ner (RobertaForTokenClassification,
byte-level BPE), xlm-roberta-ner (XLMRobertaForTokenClassification, SentencePiece unigram) and
distilbert-ner (DistilBertForTokenClassification, WordPiece). Each has 2 layers, hidden 32 and a
16- or 24-token window so that windowing is exercised, and is trained for a few hundred steps on
generated sentences with IOB tags, so that it really tags the names in the test sentences. Then,
for the test sentences, the reference label probabilities computed by transformers:

    python3 -m venv .venv && .venv/bin/pip install torch transformers safetensors tokenizers
    .venv/bin/python src/test/python/make_ner_fixture.py            # all four
    .venv/bin/python src/test/python/make_ner_fixture.py roberta    # one

Output: src/test/resources/golden/<arch>-ner/{config.json, model.safetensors, tokenizer.json,
expected.json}; expected.json lists per sentence the token ids (with the tokenizer's frame,
[CLS]/[SEP] or <s>/</s>) and the probabilities [tokens][labels] of the model in float32.
"""
import json
import pathlib
import random
import sys

import torch
from tokenizers import BertWordPieceTokenizer, ByteLevelBPETokenizer, SentencePieceUnigramTokenizer
from tokenizers.processors import RobertaProcessing, TemplateProcessing
from transformers import (BertConfig, BertForTokenClassification, DistilBertConfig, DistilBertForTokenClassification,
                          RobertaConfig, RobertaForTokenClassification, XLMRobertaConfig,
                          XLMRobertaForTokenClassification)

GOLDEN = pathlib.Path(__file__).resolve().parents[1] / "resources" / "golden"
ARCHITECTURES = ["bert", "roberta", "xlm-roberta", "distilbert"]
# tokens per sequence, frame included: small, so that the long test sentence needs several windows;
# byte-level BPE and SentencePiece cut the tiny corpus's words into more pieces, so their models get
# longer windows and more steps
WINDOW = {"bert": 16, "distilbert": 16, "roberta": 24, "xlm-roberta": 24}
STEPS = {"bert": 600, "distilbert": 600, "roberta": 1500, "xlm-roberta": 1500}
LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
FIRST = ["Anna", "Jonas", "Priya", "Tomasz", "Ngozi", "Elena", "Kofi", "Mei", "Lars", "Amara"]
LAST = ["Kowalska", "Berg", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Novak"]
PLACES = ["Oslo", "Lagos", "Lyon", "Krakow", "Osaka", "Quito"]
TEMPLATES = [
    "Please call {p} today .", "{p} asked about the refund .", "The form was signed by {p} in {l} .",
    "Send the card to {p} .", "We met {p} at the branch in {l} .", "Ticket closed , {p} will follow up .",
    "The office in {l} is closed .", "Our agent spoke with {p} yesterday .",
]
# the sentences the Java test reads; the last one is longer than the 16-position window
TEST_SENTENCES = [
    "Please call Anna Kowalska today.",
    "The form was signed by Kofi Haddad in Lyon.",
    "Ticket closed, Mei Tanaka will follow up. Our agent spoke with Lars Berg yesterday in Oslo.",
]


def example(rng):
    template = rng.choice(TEMPLATES)
    words, tags = [], []
    for token in template.split():
        if token == "{p}":
            name = [rng.choice(FIRST)] + ([rng.choice(LAST)] if rng.random() < 0.7 else [])
            words += name
            tags += ["B-PER"] + ["I-PER"] * (len(name) - 1)
        elif token.startswith("{l}"):
            words.append(rng.choice(PLACES))
            tags.append("B-LOC")
        else:
            words.append(token)
            tags.append("O")
    return words, tags


def train_tokenizer(arch, corpus):
    """The kind of tokenizer each architecture ships with, trained on the generated corpus."""
    if arch in ("bert", "distilbert"):
        tokenizer = BertWordPieceTokenizer(lowercase=False, strip_accents=False)
        tokenizer.train_from_iterator(corpus, vocab_size=200, min_frequency=1, limit_alphabet=100)
    elif arch == "roberta":
        tokenizer = ByteLevelBPETokenizer(add_prefix_space=False, trim_offsets=True)
        tokenizer.train_from_iterator(corpus, vocab_size=400, min_frequency=1,
                                      special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"])
        tokenizer.post_processor = RobertaProcessing(("</s>", 2), ("<s>", 0), trim_offsets=True)
    else:
        tokenizer = SentencePieceUnigramTokenizer()
        tokenizer.train_from_iterator(corpus, vocab_size=400, special_tokens=["<s>", "<pad>", "</s>", "<unk>"],
                                      unk_token="<unk>")
        tokenizer.post_processor = TemplateProcessing(single="<s> $A </s>", special_tokens=[("<s>", 0), ("</s>", 2)])
    return tokenizer


def new_model(arch, vocab_size):
    labels = {"id2label": dict(enumerate(LABELS)), "label2id": {l: i for i, l in enumerate(LABELS)}}
    if arch == "bert":
        return BertForTokenClassification(BertConfig(vocab_size=vocab_size, hidden_size=32, num_hidden_layers=2,
                                                     num_attention_heads=4, intermediate_size=64,
                                                     max_position_embeddings=WINDOW[arch], **labels))
    if arch == "distilbert":
        return DistilBertForTokenClassification(DistilBertConfig(vocab_size=vocab_size, dim=32, n_layers=2, n_heads=4,
                                                                 hidden_dim=64, max_position_embeddings=WINDOW[arch], **labels))
    # RoBERTa counts positions from its padding id (1) + 1
    shape = dict(vocab_size=vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                 intermediate_size=64, max_position_embeddings=WINDOW[arch] + 2, type_vocab_size=1, pad_token_id=1,
                 bos_token_id=0, eos_token_id=2, **labels)
    if arch == "roberta":
        return RobertaForTokenClassification(RobertaConfig(**shape))
    return XLMRobertaForTokenClassification(XLMRobertaConfig(**shape))


def encode_example(arch, tokenizer, words):
    """Token ids and, per token, the index of its word (None for the frame and bare spaces).

    The BERT fixture was made from pre-tokenized words; the others encode the sentence written as
    text ("today." rather than "today ."), as the Java side will, and find each piece's word by
    its character offsets, whatever the tokenizer's idea of a word.
    """
    if arch == "bert":
        encoding = tokenizer.encode(words, is_pretokenized=True)
        return encoding.ids, encoding.word_ids
    text, ranges = "", []
    for word in words:
        if text and word not in (".", ","):
            text += " "
        ranges.append((len(text), len(text) + len(word)))
        text += word
    encoding = tokenizer.encode(text)
    word_ids = []
    for (start, end), special in zip(encoding.offsets, encoding.special_tokens_mask):
        while start < end and text[start].isspace():
            start += 1
        word_ids.append(None if special or start == end else
                        next(i for i, (first, last) in enumerate(ranges) if first <= start < last))
    return encoding.ids, word_ids


def build(arch):
    torch.manual_seed(20261129)
    rng = random.Random(20261129)
    out = GOLDEN / (arch + "-ner")
    out.mkdir(parents=True, exist_ok=True)
    corpus = [" ".join(example(rng)[0]) for _ in range(400)] + TEST_SENTENCES
    tokenizer = train_tokenizer(arch, corpus)
    tokenizer.save(str(out / "tokenizer.json"))

    model = new_model(arch, tokenizer.get_vocab_size())
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
    model.train()
    for step in range(STEPS[arch]):
        words, tags = example(rng)
        ids, word_ids = encode_example(arch, tokenizer, words)
        if len(ids) > WINDOW[arch]:
            continue
        # the first piece of a word carries its tag, further pieces the I- tag of the entity
        labels = []
        previous = None
        for word_id in word_ids:
            if word_id is None:
                labels.append(-100)
            elif word_id != previous:
                labels.append(LABELS.index(tags[word_id]))
            else:
                labels.append(LABELS.index(tags[word_id].replace("B-", "I-")))
            previous = word_id
        loss = model(input_ids=torch.tensor([ids]), labels=torch.tensor([labels])).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    model.eval()
    model.save_pretrained(out, safe_serialization=True)

    expected = []
    with torch.no_grad():
        for sentence in TEST_SENTENCES:
            encoding = tokenizer.encode(sentence)
            ids = encoding.ids
            windows = []
            content = ids[1:-1]
            for start in range(0, len(content), WINDOW[arch] - 2):
                window = [ids[0]] + content[start:start + WINDOW[arch] - 2] + [ids[-1]]
                probabilities = torch.softmax(model(input_ids=torch.tensor([window])).logits[0], -1)
                windows.append({"ids": window, "probabilities": probabilities.tolist()})
            expected.append({"text": sentence, "windows": windows})
    (out / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")
    print("wrote", out)


def main():
    for arch in sys.argv[1:] or ARCHITECTURES:
        build(arch)


if __name__ == "__main__":
    main()

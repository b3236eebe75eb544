"""Writes the NER model fixture for io.tunebatch.pii.ner (run once by hand, not in CI).

A tiny cased WordPiece tokenizer and a tiny BertForTokenClassification (2 layers, hidden 32,
16 positions so that windowing is exercised) trained for a few hundred steps on generated
sentences with IOB tags, so that it really tags the names in the test sentences. Then, for the
test sentences, the reference label probabilities computed by transformers:

    python3 -m venv .venv && .venv/bin/pip install torch transformers safetensors tokenizers
    .venv/bin/python src/test/python/make_ner_fixture.py

Output: src/test/resources/golden/bert-ner/{config.json, model.safetensors, tokenizer.json,
expected.json}; expected.json lists per sentence the token ids (with [CLS]/[SEP]) and the
probabilities [tokens][labels] of the model in float32.
"""
import json
import pathlib
import random

import torch
from tokenizers import BertWordPieceTokenizer
from transformers import BertConfig, BertForTokenClassification

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "golden" / "bert-ner"
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


def main():
    torch.manual_seed(20261129)
    rng = random.Random(20261129)
    OUT.mkdir(parents=True, exist_ok=True)
    corpus = [" ".join(example(rng)[0]) for _ in range(400)] + TEST_SENTENCES
    tokenizer = BertWordPieceTokenizer(lowercase=False, strip_accents=False)
    tokenizer.train_from_iterator(corpus, vocab_size=200, min_frequency=1, limit_alphabet=100)
    tokenizer.save(str(OUT / "tokenizer.json"))

    config = BertConfig(vocab_size=tokenizer.get_vocab_size(), hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=4, intermediate_size=64, max_position_embeddings=16,
                        id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)})
    model = BertForTokenClassification(config)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
    model.train()
    for step in range(600):
        words, tags = example(rng)
        encoding = tokenizer.encode(words, is_pretokenized=True)
        if len(encoding.ids) > 16:
            continue
        # the first piece of a word carries its tag, further pieces the I- tag of the entity
        labels = []
        previous = None
        for word_id in encoding.word_ids:
            if word_id is None:
                labels.append(-100)
            elif word_id != previous:
                labels.append(LABELS.index(tags[word_id]))
            else:
                labels.append(LABELS.index(tags[word_id].replace("B-", "I-")))
            previous = word_id
        loss = model(input_ids=torch.tensor([encoding.ids]), labels=torch.tensor([labels])).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    model.eval()
    model.save_pretrained(OUT, safe_serialization=True)

    expected = []
    with torch.no_grad():
        for sentence in TEST_SENTENCES:
            encoding = tokenizer.encode(sentence)
            ids = encoding.ids
            windows = []
            content = ids[1:-1]
            for start in range(0, len(content), 14):
                window = [ids[0]] + content[start:start + 14] + [ids[-1]]
                probabilities = torch.softmax(model(input_ids=torch.tensor([window])).logits[0], -1)
                windows.append({"ids": window, "probabilities": probabilities.tolist()})
            expected.append({"text": sentence, "windows": windows})
    (OUT / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()

"""A randomly initialised NER model folder of a real model's size, to measure what an approved
model of that size costs in `pii scan` / prepare (its predictions are noise; quality needs a real
model).

    .venv/bin/pip install torch transformers safetensors tokenizers
    .venv/bin/python bench/pii/random_bert_ner.py /tmp/bert-base-ner              # bert-base shape
    .venv/bin/python bench/pii/random_bert_ner.py /tmp/distilbert-ner distilbert  # distilbert-base shape
    java -jar target/tunebatch.jar pii scan --in ../shared/bench/pii/pii-bench.jsonl --out /tmp/ner.jsonl \\
        --json --tunebatch.pii.ner-model=/tmp/bert-base-ner

Shapes of bert-base-cased (12 layers, hidden 768, 12 heads, 3072 intermediate, 512 positions) and
distilbert-base-cased (6 layers, same widths). The tokenizer is a cased WordPiece vocabulary of
bert-base-cased's size (28,996 pieces) trained on the project's own word lists (the SCOWL English
words and the Census/SSA names shipped under src/main/resources/io/tunebatch/pii/names), so that
texts are cut into about as many pieces as a real cased vocabulary would cut them.
"""
import pathlib
import sys

import torch
from tokenizers import BertWordPieceTokenizer
from transformers import BertConfig, BertForTokenClassification, DistilBertConfig, DistilBertForTokenClassification

NAMES = pathlib.Path(__file__).resolve().parents[2] / "src" / "main" / "resources" / "io" / "tunebatch" / "pii" / "names"
LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
VOCAB_SIZE = 28996


def words():
    for name in ("english-words.txt", "first-names.txt", "ssa-first-names.txt", "last-names.txt"):
        for line in (NAMES / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                word = line.strip()
                yield word if name == "english-words.txt" else word.title()


def main(out, arch="bert"):
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tokenizer = BertWordPieceTokenizer(lowercase=False, strip_accents=False)
    tokenizer.train_from_iterator(words(), vocab_size=VOCAB_SIZE, min_frequency=1)
    tokenizer.save(str(out / "tokenizer.json"))
    labels = {"id2label": dict(enumerate(LABELS)), "label2id": {l: i for i, l in enumerate(LABELS)}}
    torch.manual_seed(1)
    vocab = tokenizer.get_vocab_size()
    if arch == "distilbert":
        model = DistilBertForTokenClassification(DistilBertConfig(vocab_size=vocab, dim=768, n_layers=6, n_heads=12,
                                                                  hidden_dim=3072, max_position_embeddings=512, **labels))
    else:
        model = BertForTokenClassification(BertConfig(vocab_size=vocab, hidden_size=768, num_hidden_layers=12,
                                                      num_attention_heads=12, intermediate_size=3072,
                                                      max_position_embeddings=512, **labels))
    model.save_pretrained(out, safe_serialization=True)
    print("wrote", out, "vocabulary", vocab)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3) or sys.argv[2:] not in ([], ["bert"], ["distilbert"]):
        sys.exit("usage: random_bert_ner.py OUT_FOLDER [bert|distilbert]")
    main(*sys.argv[1:])

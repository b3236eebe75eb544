"""A randomly initialised BERT-base-shaped NER model folder, to measure what an approved model of
that size costs in `pii scan` / prepare (its predictions are noise; quality needs a real model).

    .venv/bin/pip install torch transformers safetensors tokenizers
    .venv/bin/python bench/pii/random_bert_ner.py /tmp/bert-base-ner
    java -jar target/tunebatch.jar pii scan --in ../shared/bench/pii/pii-bench.jsonl --out /tmp/ner.jsonl \
        --json --tunebatch.pii.ner-model=/tmp/bert-base-ner

Shape of bert-base-cased (12 layers, hidden 768, 12 heads, 3072 intermediate, 512 positions);
the tokenizer is the test fixture's small cased WordPiece vocabulary, so the sequence lengths are
longer than a 28,996-piece vocabulary would give (a pessimistic bound on cost per document).
"""
import pathlib
import shutil
import sys

import torch
from transformers import BertConfig, BertForTokenClassification

FIXTURE = pathlib.Path(__file__).resolve().parents[2] / "src" / "test" / "resources" / "golden" / "bert-ner"
LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]


def main(out):
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURE / "tokenizer.json", out / "tokenizer.json")
    vocab = len(__import__("json").loads((out / "tokenizer.json").read_text())["model"]["vocab"])
    torch.manual_seed(1)
    config = BertConfig(vocab_size=vocab, hidden_size=768, num_hidden_layers=12, num_attention_heads=12,
                        intermediate_size=3072, max_position_embeddings=512,
                        id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)})
    BertForTokenClassification(config).save_pretrained(out, safe_serialization=True)
    print("wrote", out)


if __name__ == "__main__":
    main(sys.argv[1])

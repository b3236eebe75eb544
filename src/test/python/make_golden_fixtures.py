"""Writes the golden-logit fixtures for io.tunebatch.model (run once by hand, not in CI).

For each supported architecture it builds a tiny random model with Hugging Face transformers,
saves it the way the Hub does (one architecture sharded, the others in BF16 / F16 to exercise
widening), reloads it in float32 and records the logits for fixed input ids:

    python3 -m venv .venv && .venv/bin/pip install torch transformers peft safetensors
    .venv/bin/python src/test/python/make_golden_fixtures.py

Output: src/test/resources/golden/<arch>/{config.json, model*.safetensors, expected.safetensors}
where expected.safetensors holds "input_ids" [2, 12] (as F32) and "logits" [2, 12, vocab].
"""
import pathlib
import shutil

import torch
from safetensors.torch import save_file
from transformers import (AutoModelForCausalLM, LlamaConfig, LlamaForCausalLM, MistralConfig,
                          MistralForCausalLM, Qwen2Config, Qwen2ForCausalLM)

ROOT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "golden"
COMMON = dict(vocab_size=128, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
              num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=64,
              rms_norm_eps=1e-5, bos_token_id=1, eos_token_id=2)

FIXTURES = {
    # Llama 3 rope scaling with a short original context so that all three frequency bands occur
    "llama": (LlamaForCausalLM, LlamaConfig(**COMMON, rope_theta=500000.0, rope_scaling={
        "rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
        "original_max_position_embeddings": 16}), torch.float32, "40KB"),
    "qwen2": (Qwen2ForCausalLM, Qwen2Config(**COMMON, tie_word_embeddings=True, rope_theta=1000000.0),
              torch.bfloat16, None),
    # a window shorter than the sequence, so the sliding-window mask matters
    "mistral": (MistralForCausalLM, MistralConfig(**COMMON, sliding_window=5), torch.float16, None),
}


def randomize(model, generator):
    with torch.no_grad():
        for name, parameter in model.named_parameters():
            noise = torch.randn(parameter.shape, generator=generator) * 0.2
            parameter.copy_(1.0 + noise if name.endswith("norm.weight") else noise)


def main():
    generator = torch.Generator().manual_seed(20261129)
    input_ids = torch.randint(0, COMMON["vocab_size"], (2, 12), generator=generator)
    for arch, (model_class, config, dtype, shard_size) in FIXTURES.items():
        out = ROOT / arch
        shutil.rmtree(out, ignore_errors=True)
        config._attn_implementation = "eager"
        model = model_class(config)
        randomize(model, generator)
        model.to(dtype)
        kwargs = {"max_shard_size": shard_size} if shard_size else {}
        model.save_pretrained(out, safe_serialization=True, **kwargs)
        reloaded = AutoModelForCausalLM.from_pretrained(out, dtype=torch.float32, attn_implementation="eager")
        reloaded.eval()
        with torch.no_grad():
            logits = reloaded(input_ids).logits
        save_file({"input_ids": input_ids.to(torch.float32), "logits": logits.contiguous()},
                  str(out / "expected.safetensors"))
        (out / "generation_config.json").unlink(missing_ok=True)
        print(arch, dtype, sorted(p.name for p in out.iterdir()), tuple(logits.shape))


if __name__ == "__main__":
    main()

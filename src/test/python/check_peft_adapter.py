"""Checks that Hugging Face PEFT loads a Java-trained adapter unchanged (run once by hand, not in CI).

Run PeftFixtureWriter first (see its Javadoc); it writes src/test/resources/golden/peft/{base,adapter}.
This script loads base + adapter with transformers + peft exactly as a user would, checks that every
adapter tensor PEFT loaded equals the file, and writes the logits for fixed ids to
src/test/resources/golden/peft/expected.safetensors ("input_ids" as F32, "logits", "base_logits").
PeftCompatibilityTest then asserts that Java computes the same logits within 1e-4.

    .venv/bin/python src/test/python/check_peft_adapter.py
"""
import pathlib

import torch
from peft import PeftModel
from safetensors.torch import load_file, save_file
from transformers import AutoModelForCausalLM

ROOT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "golden" / "peft"


def main():
    base = AutoModelForCausalLM.from_pretrained(ROOT / "base", dtype=torch.float32, attn_implementation="eager")
    base.eval()
    input_ids = torch.randint(0, 259, (2, 10), generator=torch.Generator().manual_seed(4))
    with torch.no_grad():
        base_logits = base(input_ids).logits.clone()
    model = PeftModel.from_pretrained(base, ROOT / "adapter")
    model.eval()
    loaded = {name: p for name, p in model.named_parameters() if "lora_" in name}
    saved = load_file(str(ROOT / "adapter" / "adapter_model.safetensors"))
    assert len(loaded) == len(saved), (len(loaded), len(saved))
    for name, tensor in saved.items():
        peft_name = name.replace(".weight", ".default.weight")
        assert torch.equal(loaded[peft_name], tensor), name
    with torch.no_grad():
        logits = model(input_ids).logits
    print("adapter tensors:", len(saved), "max |adapter - base| logit:", (logits - base_logits).abs().max().item())
    save_file({"input_ids": input_ids.to(torch.float32), "logits": logits.contiguous(),
               "base_logits": base_logits.contiguous()}, str(ROOT / "expected.safetensors"))


if __name__ == "__main__":
    main()

"""PyTorch + PEFT side of bench/train/run.sh: the same LoRA step and generation as TrainingBenchmark.java.

Same model folder, LoRA r=8 alpha=16 dropout 0.05 on q/k/v/o, AdamW lr 2e-4, batch x length tokens of
Alpaca-formatted examples with the prompt masked out of the loss, single-threaded like the Java run.
Args: model folder, batch size, sequence length, measured steps, threads. Reports wall time and the
step's CPU time on the main thread (where torch runs its ops with one thread), like the Java side.
"""
import resource
import sys
import time

import torch
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer


def main():
    base, batch, length, steps, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    warmup = 3
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32, attn_implementation="eager")
    model = get_peft_model(model, LoraConfig(r=8, lora_alpha=16, lora_dropout=0.05,
                                             target_modules=["q_proj", "k_proj", "v_proj", "o_proj"],
                                             task_type="CAUSAL_LM"))
    model.train()
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=2e-4, weight_decay=0.0)
    batches = []
    for step in range(warmup + steps):
        ids, labels = [], []
        for b in range(batch):
            instruction = f"Continue the pattern {step * batch + b}."
            prompt = tokenizer(f"### Instruction:\n{instruction}\n\n### Response:\n", add_special_tokens=False).input_ids
            answer_length = length - len(prompt) - 1
            answer = tokenizer(("ab" * length)[:answer_length] + "</s>", add_special_tokens=False).input_ids
            ids.append(prompt + answer)
            labels.append([-100] * len(prompt) + answer)
        batches.append((torch.tensor(ids), torch.tensor(labels)))
    times, cpu_times = [], []
    for i, (ids, labels) in enumerate(batches):
        start = time.perf_counter()
        cpu_start = time.thread_time()
        loss = model(input_ids=ids, labels=labels).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], 1.0)
        optimizer.step()
        optimizer.zero_grad()
        if i >= warmup:
            times.append(time.perf_counter() - start)
            cpu_times.append(time.thread_time() - cpu_start)
    model.eval()
    prompt = tokenizer("Once upon a time", add_special_tokens=False, return_tensors="pt").input_ids
    with torch.no_grad():
        model.generate(input_ids=tokenizer("Hello", add_special_tokens=False, return_tensors="pt").input_ids,
                       max_new_tokens=8, do_sample=False)
        start = time.perf_counter()
        out = model.generate(input_ids=prompt, max_new_tokens=128, min_new_tokens=128, do_sample=False,
                             use_cache=True, pad_token_id=tokenizer.pad_token_id)
        seconds = time.perf_counter() - start
    generated = out.shape[1] - prompt.shape[1]
    times.sort()
    cpu_times.sort()
    print(f"torch train: {times[len(times) // 2] * 1000:.1f} ms/step p50, {batch * length * len(times) / sum(times):.0f} tokens/s,"
          f" {cpu_times[len(cpu_times) // 2] * 1000:.1f} CPU ms/step p50"
          f" | generate: {generated / seconds:.1f} tokens/s ({generated} tokens)"
          f" | peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB")


if __name__ == "__main__":
    main()

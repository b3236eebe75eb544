/**
 * LoRA fine-tuning and generation for Hugging Face decoder models (Llama, Qwen2, Mistral) on DJL's
 * PyTorch engine, offline, with no Spring in it.
 *
 * <ul>
 *   <li>{@link io.tunebatch.model.LanguageModel#load} reads a model folder: config.json
 *       ({@link io.tunebatch.model.ModelConfig}), model.safetensors or its sharded index
 *       ({@link io.tunebatch.model.Checkpoint}, {@link io.tunebatch.model.SafetensorsFile}; BF16/F16
 *       widened to F32), tokenizer.json and tokenizer_config.json ({@link io.tunebatch.model.ModelTokenizer},
 *       {@link io.tunebatch.model.PromptFormat}).</li>
 *   <li>{@link io.tunebatch.model.LoraTrainer#train} runs a {@link io.tunebatch.model.TrainingRequest}
 *       ({@link io.tunebatch.model.TrainingSettings}, {@link io.tunebatch.model.LoraSettings}) to a PEFT
 *       adapter folder ({@link io.tunebatch.model.PeftAdapter}), reporting {@link io.tunebatch.model.StepMetrics}
 *       to a {@link io.tunebatch.model.TrainingListener}; {@link io.tunebatch.model.TrainingSession} is the
 *       step-by-step form, resumable from its checkpoint directory.</li>
 *   <li>{@link io.tunebatch.model.Generator} continues prompts with a KV cache
 *       ({@link io.tunebatch.model.GenerationSettings} → {@link io.tunebatch.model.Generation}).</li>
 *   <li>{@link io.tunebatch.model.TinyCheckpoint} writes small random model folders for demos and tests;
 *       {@link io.tunebatch.model.Devices} picks CPU or GPUs.</li>
 * </ul>
 */
package io.tunebatch.model;

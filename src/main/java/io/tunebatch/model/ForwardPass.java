package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * What one forward call shares across layers.
 *
 * @param manager   owns the arrays made from Java memory for this call (rope tables, attention mask)
 *                  and anything else that must outlive backward; closed by the caller after use
 * @param rope      cos and signed-sin tables from {@link Rope#tables}
 * @param mask      additive attention mask [groups * length, start+length] (see {@link Transformer}),
 *                  or null when nothing is masked
 * @param adapter   LoRA weights to add, or null for the base model
 * @param dropout   LoRA dropout masks when training, else null
 * @param loraScale the LoRA scaling times the dropout's keep rescaling, a 0-d array; null without adapter
 * @param cache     keys/values of earlier positions (generation), or null
 */
record ForwardPass(NDManager manager, NDList rope, NDArray mask, LoraAdapter adapter, LoraDropout dropout,
                   NDArray loraScale, KvCache cache) {
}

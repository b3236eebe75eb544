package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * What one forward call shares across layers.
 *
 * @param manager  owns every intermediate array; closed by the caller after use
 * @param rope     cos/sin tables for the positions of this call
 * @param mask     additive attention mask [length, start+length], or null when nothing is masked
 * @param adapter  LoRA weights to add, or null for the base model
 * @param dropout  LoRA dropout masks when training, else null
 * @param cache    keys/values of earlier positions (generation), or null
 */
record ForwardPass(NDManager manager, NDList rope, NDArray mask, LoraAdapter adapter, LoraDropout dropout,
                   KvCache cache) {
}

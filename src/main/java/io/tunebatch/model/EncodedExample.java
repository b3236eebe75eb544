package io.tunebatch.model;

import java.util.Arrays;

/**
 * Token ids of prompt + answer; positions from {@code answerStart} on are the answer, the only
 * tokens the loss is taken on.
 */
record EncodedExample(long[] ids, int answerStart) {

    /** Prompt in the model's format, then the answer and its end-of-answer token, cut to maxLength. */
    static EncodedExample encode(ModelTokenizer tokenizer, TrainingExample example, int maxLength) {
        long[] prompt = tokenizer.encode(tokenizer.prompt(example.instruction(), example.input()));
        long[] answer = tokenizer.encode(example.output() + tokenizer.endOfAnswer());
        long[] ids = Arrays.copyOf(prompt, Math.min(maxLength, prompt.length + answer.length));
        for (int i = prompt.length; i < ids.length; i++) {
            ids[i] = answer[i - prompt.length];
        }
        return new EncodedExample(ids, Math.min(prompt.length, ids.length));
    }

    /** Answer tokens that are predicted (each needs a preceding position). */
    int answerTokens() {
        return Math.max(0, ids.length - Math.max(answerStart, 1));
    }
}

package io.tunebatch.model;

/**
 * How an {instruction, input, output} record becomes model text. A chat template in
 * tokenizer_config.json is recognised by its family (ChatML, Llama 3, Mistral [INST]) and rendered
 * here, since the JVM has no Jinja; without one (or with an unknown one) the Alpaca layout is used:
 * <pre>
 * ### Instruction:
 * {instruction}
 *
 * ### Input:            (only when input is not blank)
 * {input}
 *
 * ### Response:
 * {output}{eos}
 * </pre>
 */
public enum PromptFormat {
    CHATML, LLAMA3, MISTRAL_INSTRUCT, ALPACA;

    /** The family of a chat_template string, ALPACA when absent or unknown. */
    public static PromptFormat fromChatTemplate(String template) {
        if (template == null || template.isBlank()) {
            return ALPACA;
        }
        if (template.contains("<|im_start|>")) {
            return CHATML;
        }
        if (template.contains("<|start_header_id|>")) {
            return LLAMA3;
        }
        if (template.contains("[INST]")) {
            return MISTRAL_INSTRUCT;
        }
        return ALPACA;
    }

    /** The text before the answer; {@code bos} is the tokenizer's BOS token text ("" when it has none). */
    public String prompt(String instruction, String input, String bos) {
        String message = input == null || input.isBlank() ? instruction : instruction + "\n\n" + input;
        return switch (this) {
            case CHATML -> "<|im_start|>user\n" + message + "<|im_end|>\n<|im_start|>assistant\n";
            case LLAMA3 -> "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n" + message
                    + "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n";
            case MISTRAL_INSTRUCT -> bos + "[INST] " + message + " [/INST]";
            case ALPACA -> bos + "### Instruction:\n" + instruction
                    + (input == null || input.isBlank() ? "" : "\n\n### Input:\n" + input)
                    + "\n\n### Response:\n";
        };
    }

    /** What closes an answer, so the model learns to stop; {@code eos} is the EOS token text. */
    public String endOfAnswer(String eos) {
        return switch (this) {
            case CHATML -> "<|im_end|>";
            case LLAMA3 -> "<|eot_id|>";
            case MISTRAL_INSTRUCT, ALPACA -> eos;
        };
    }
}

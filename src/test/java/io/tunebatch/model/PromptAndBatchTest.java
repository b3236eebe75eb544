package io.tunebatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptAndBatchTest {

    @Test
    void recognisesChatTemplateFamilies() {
        assertThat(PromptFormat.fromChatTemplate("{% for m in messages %}<|im_start|>{{ m.role }}")).isEqualTo(PromptFormat.CHATML);
        assertThat(PromptFormat.fromChatTemplate("<|start_header_id|>{{ role }}<|end_header_id|>")).isEqualTo(PromptFormat.LLAMA3);
        assertThat(PromptFormat.fromChatTemplate("{{ bos_token }}[INST] {{ m }} [/INST]")).isEqualTo(PromptFormat.MISTRAL_INSTRUCT);
        assertThat(PromptFormat.fromChatTemplate("{{ something else }}")).isEqualTo(PromptFormat.ALPACA);
        assertThat(PromptFormat.fromChatTemplate(null)).isEqualTo(PromptFormat.ALPACA);
    }

    @Test
    void rendersEachFormat() {
        assertThat(PromptFormat.CHATML.prompt("Sum", "1 2", "<s>"))
                .isEqualTo("<|im_start|>user\nSum\n\n1 2<|im_end|>\n<|im_start|>assistant\n");
        assertThat(PromptFormat.LLAMA3.prompt("Sum", "", "<|begin_of_text|>")).isEqualTo(
                "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nSum<|eot_id|>"
                        + "<|start_header_id|>assistant<|end_header_id|>\n\n");
        assertThat(PromptFormat.MISTRAL_INSTRUCT.prompt("Sum", "", "<s>")).isEqualTo("<s>[INST] Sum [/INST]");
        assertThat(PromptFormat.ALPACA.prompt("Sum", "1 2", ""))
                .isEqualTo("### Instruction:\nSum\n\n### Input:\n1 2\n\n### Response:\n");
        assertThat(PromptFormat.ALPACA.endOfAnswer("</s>")).isEqualTo("</s>");
        assertThat(PromptFormat.CHATML.endOfAnswer("</s>")).isEqualTo("<|im_end|>");
    }

    @Test
    void lossCoversOnlyAnswerTokensAndNoPadding() {
        EncodedExample longer = new EncodedExample(new long[] {1, 2, 3, 4, 5}, 3);  // prompt 1 2 3, answer 4 5
        EncodedExample shorter = new EncodedExample(new long[] {6, 7, 8}, 2);     // prompt 6 7, answer 8
        TrainingBatch batch = TrainingBatch.of(List.of(longer, shorter), 99);
        assertThat(batch.ids()[1]).containsExactly(6, 7, 8, 99, 99);
        // position t predicts t+1: answer tokens 4, 5 are predicted at 2, 3; token 8 at 1
        assertThat(batch.lossMask()[0]).containsExactly(0, 0, 1, 1, 0);
        assertThat(batch.targets()[0]).containsExactly(2, 3, 4, 5, 0);
        assertThat(batch.lossMask()[1]).containsExactly(0, 1, 0, 0, 0);
        assertThat(batch.answerTokens()).isEqualTo(3);
        assertThat(batch.realTokens()).isEqualTo(8);
    }

    @Test
    void cutsTheAnswerToTheSequenceLimit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        TinyCheckpoint.write(Architecture.LLAMA, dir, 1, TinyCheckpoint.Dimensions.TEST);
        try (ModelTokenizer tokenizer = ModelTokenizer.load(dir, ModelConfig.load(dir))) {
            TrainingExample example = new TrainingExample("Hi", "", "abcdef");
            EncodedExample full = EncodedExample.encode(tokenizer, example, 512);
            int promptLength = tokenizer.encode(tokenizer.prompt("Hi", "")).length;
            assertThat(full.answerStart()).isEqualTo(promptLength);
            assertThat(full.ids()).hasSize(promptLength + 7); // 6 bytes + </s>
            assertThat(full.ids()[full.ids().length - 1]).isEqualTo(257);
            EncodedExample cut = EncodedExample.encode(tokenizer, example, promptLength + 2);
            assertThat(cut.ids()).hasSize(promptLength + 2);
            assertThat(cut.answerTokens()).isEqualTo(2);
        }
    }
}

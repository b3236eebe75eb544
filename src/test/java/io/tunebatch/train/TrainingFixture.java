package io.tunebatch.train;

import io.tunebatch.model.Architecture;
import io.tunebatch.model.TinyCheckpoint;
import io.tunebatch.support.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** What the training tests train on: a tiny random Llama and twelve clean answers to prepare into a snapshot. */
public final class TrainingFixture {

    public static final int EXAMPLES = 12;

    private TrainingFixture() {
    }

    /** Writes the tiny checkpoint into {@code dir/tiny-llama} and returns that folder. */
    public static Path tinyLlama(Path dir) throws IOException {
        Path base = dir.resolve("tiny-llama");
        TinyCheckpoint.write(Architecture.LLAMA, base, 7, TinyCheckpoint.Dimensions.TEST);
        return base;
    }

    /** Writes {@value #EXAMPLES} source records into {@code dir/src} and returns that folder. */
    public static Path branchAnswers(Path dir) {
        Path sources = dir.resolve("src");
        TestFiles.write(sources.resolve("answers.jsonl"), IntStream.range(0, EXAMPLES).mapToObj(i ->
                "{\"source_system\":\"kb\",\"source_document_id\":\"A-" + i + "\",\"instruction\":\"Which branch handles case "
                        + i + "?\",\"input\":\"\",\"output\":\"Case " + i + " is handled by the branch office number " + (i % 3)
                        + " during regular business hours on weekdays.\"}").collect(Collectors.joining("\n")) + "\n");
        return sources;
    }
}

package io.tunebatch.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The folders of one train job instance: {@code <data-dir>/train/<job instance>/}. */
record TrainingWorkspace(Path root) {

    static TrainingWorkspace of(Path dataDir, long jobInstanceId) {
        return new TrainingWorkspace(dataDir.resolve("train").resolve(Long.toString(jobInstanceId)).toAbsolutePath());
    }

    void clear() throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    Path snapshotFile() {
        return root.resolve("snapshot.jsonl");
    }

    Path trainFile() {
        return root.resolve("train.jsonl");
    }

    Path heldOutFile() {
        return root.resolve("heldout.jsonl");
    }

    Path partition(String partitionName) {
        return root.resolve(partitionName);
    }
}

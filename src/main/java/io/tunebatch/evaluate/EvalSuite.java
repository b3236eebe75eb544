package io.tunebatch.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A loaded, validated suite.
 *
 * @param sha256       SHA-256 of the file's bytes: which exact suite an eval run used
 * @param gatePassRate the suite's own gate (share of cases that must pass), if it sets one
 */
public record EvalSuite(String name, Path file, String sha256, OptionalDouble gatePassRate, List<EvalCase> cases) {

    public EvalSuite {
        cases = List.copyOf(cases);
    }

    /** The first case with {@code canaries: snapshot}: evaluating it needs the model's training snapshot. */
    public Optional<EvalCase> snapshotCanaryCase() {
        return cases.stream().filter(c -> c.check() instanceof SafetyCheck safety && safety.snapshotCanaries()).findFirst();
    }
}

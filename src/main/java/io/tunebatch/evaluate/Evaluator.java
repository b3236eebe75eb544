package io.tunebatch.evaluate;

import io.tunebatch.canary.Canary;
import io.tunebatch.pii.PiiDetector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs every case of a suite through a generator and scores it. Pure: no storage, no files.
 * The gate is the larger of the configured pass rate and the suite's own {@code gate_pass_rate},
 * so a suite can tighten the policy but never loosen it.
 */
public final class Evaluator {

    private final PiiDetector pii;
    private final Clock clock;

    public Evaluator(PiiDetector pii, Clock clock) {
        this.pii = pii;
        this.clock = clock;
    }

    public EvaluationReport evaluate(EvalSuite suite, String subject, TextGenerator generator, double configuredGate) {
        return evaluate(suite, List.of(), subject, generator, configuredGate);
    }

    /**
     * @param snapshotCanaries the canaries of the snapshot the subject was trained on: each
     *                         {@code canaries: snapshot} case prompts every one of them
     */
    public EvaluationReport evaluate(EvalSuite suite, List<Canary> snapshotCanaries, String subject, TextGenerator generator,
                                     double configuredGate) {
        Instant started = clock.instant();
        List<CaseResult> results = new ArrayList<>();
        for (EvalCase evalCase : suite.cases()) {
            String output = generator.generate(evalCase.prompt());
            CaseCheck check = evalCase.check();
            CaseScore score = check instanceof SafetyCheck safety && safety.snapshotCanaries()
                    ? safety.score(output, pii, answers(snapshotCanaries, generator))
                    : check.score(output, pii);
            results.add(new CaseResult(results.size(), evalCase.name(), check.type().id(), check.metric(), score.score(),
                    check.threshold(), score.score() >= check.threshold(), score.detail(),
                    OutputRedactor.redact(output, pii), sha256(output)));
        }
        int passed = (int) results.stream().filter(CaseResult::passed).count();
        double passRate = (double) passed / results.size();
        double gate = Math.max(configuredGate, suite.gatePassRate().orElse(0.0));
        return new EvaluationReport(suite.name(), suite.file().toString(), suite.sha256(), subject, started, clock.instant(),
                results.size(), passed, passRate, gate, passRate >= gate, passRateByType(results),
                results.stream().filter(result -> !result.passed()).map(CaseResult::name).toList(), results);
    }

    private static Map<Canary, String> answers(List<Canary> canaries, TextGenerator generator) {
        Map<Canary, String> answers = new LinkedHashMap<>();
        canaries.forEach(canary -> answers.put(canary, generator.generate(canary.prompt())));
        return answers;
    }

    private static Map<String, Double> passRateByType(List<CaseResult> results) {
        Map<String, int[]> counts = new TreeMap<>();
        for (CaseResult result : results) {
            int[] count = counts.computeIfAbsent(result.type(), type -> new int[2]);
            count[0] += result.passed() ? 1 : 0;
            count[1]++;
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        counts.forEach((type, count) -> rates.put(type, (double) count[0] / count[1]));
        return rates;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.tunebatch.cli;

import static io.tunebatch.cli.GovernanceErrors.userErrors;

import io.tunebatch.evaluate.EvalSubject;
import io.tunebatch.evaluate.EvalSuite;
import io.tunebatch.evaluate.EvaluationService;
import io.tunebatch.evaluate.RecordedOutputs;
import io.tunebatch.evaluate.StoredEvaluation;
import io.tunebatch.evaluate.TextGenerator;
import io.tunebatch.evaluate.AdapterHash;
import io.tunebatch.registry.ModelRegistry;
import io.tunebatch.registry.ModelVersion;
import io.tunebatch.registry.VersionGenerators;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tunebatch evaluate}: runs an eval suite against a base model (+ adapter), a registered
 * version or recorded outputs, writes the JSON and HTML reports and stores the run. Exits 0 when
 * the gate passed and {@value #GATE_FAILED} when it did not.
 */
@Component
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Run an eval suite against a model and apply the gate (exit 3 when the gate fails).")
public class EvaluateCommand implements TopLevelCommand, Callable<Integer> {

    static final int GATE_FAILED = 3;

    @Option(names = "--suite", required = true, paramLabel = "FILE", description = "eval suite (YAML), see jobs/eval-suites/README.md")
    Path suite;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    static final class Subject {
        @ArgGroup(exclusive = false)
        BaseModel base;

        @Option(names = "--model", paramLabel = "NAME:VERSION", description = "a registered version")
        String model;

        @Option(names = "--outputs", paramLabel = "FILE", description = "recorded outputs: JSONL with prompt and output")
        Path outputs;
    }

    static final class BaseModel {
        @Option(names = "--base", required = true, paramLabel = "DIR", description = "base model folder")
        Path base;

        @Option(names = "--adapter", paramLabel = "DIR", description = "PEFT adapter folder")
        Path adapter;
    }

    @Option(names = "--snapshot", paramLabel = "ID", description = "the dataset snapshot the model was trained on, "
            + "for cases with 'canaries: snapshot' (default for --model: the version's snapshot)")
    String snapshot;

    @Option(names = "--by", paramLabel = "PERSON", defaultValue = "${sys:user.name}", description = "who runs the evaluation (default: ${DEFAULT-VALUE})")
    String by;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    private final EvaluationService evaluation;
    private final ModelRegistry registry;
    private final VersionGenerators generators;

    public EvaluateCommand(EvaluationService evaluation, ModelRegistry registry, VersionGenerators generators) {
        this.evaluation = evaluation;
        this.registry = registry;
        this.generators = generators;
    }

    /** What the command prints. */
    record Result(long evalRunId, String suite, String subject, int cases, int passed, double passRate, double gate,
                  boolean gatePassed, List<String> failingCases, String reportJson, String reportHtml) {
    }

    @Override
    public Integer call() {
        StoredEvaluation stored = userErrors(() -> {
            EvalSuite loaded = evaluation.loadSuite(suite);
            Output.progress("Evaluating %d cases of suite '%s'", loaded.cases().size(), loaded.name());
            if (subject.outputs != null) {
                return evaluation.evaluate(loaded, EvalSubject.recordedOutputs(subject.outputs), RecordedOutputs.load(subject.outputs),
                        by, null, 0.0, snapshot);
            }
            if (subject.model != null) {
                ModelRef ref = ModelRef.parse(subject.model);
                ModelVersion version = registry.version(ref.name(), ref.version());
                return evaluation.evaluate(loaded, new EvalSubject("model " + version.ref(), version.baseModel(),
                        version.adapterSha256(), version.id()), generators.open(version), by, null, 0.0,
                        snapshot != null ? snapshot : version.snapshotId());
            }
            Path adapter = subject.base.adapter;
            TextGenerator generator = generators.runtime().open(subject.base.base, adapter);
            return evaluation.evaluate(loaded, new EvalSubject("base=" + subject.base.base + (adapter == null ? "" : " adapter=" + adapter),
                    subject.base.base.toString(), adapter == null ? null : AdapterHash.of(adapter), null), generator, by, null,
                    0.0, snapshot);
        });
        var report = stored.report();
        Result result = new Result(stored.evalRunId(), report.suiteName(), report.subject(), report.caseCount(), report.passedCount(),
                report.passRate(), report.gateThreshold(), report.gatePassed(), report.failingCases(),
                stored.files().json().toString(), stored.files().html().toString());
        if (json) {
            Output.json(result);
        } else {
            Output.line("eval run %d: %d of %d cases passed (%.1f%%), gate %.1f%%: %s", result.evalRunId(), result.passed(),
                    result.cases(), result.passRate() * 100, result.gate() * 100, result.gatePassed() ? "PASSED" : "FAILED");
            if (!result.failingCases().isEmpty()) {
                Output.line("failing cases: %s", String.join(", ", result.failingCases()));
            }
            Output.line("report: %s", result.reportHtml());
        }
        if (!report.gatePassed()) {
            Output.progress("%s", report.gateFailureMessage());
            return GATE_FAILED;
        }
        return 0;
    }
}

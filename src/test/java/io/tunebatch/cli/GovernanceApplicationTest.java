package io.tunebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.evaluate.AdapterHash;
import io.tunebatch.evaluate.EvaluateTasklet;
import io.tunebatch.evaluate.EvaluationService;
import io.tunebatch.evaluate.TextGeneratorFactory;
import io.tunebatch.pii.PiiDetector;
import io.tunebatch.support.EmailPiiDetector;
import io.tunebatch.support.FolderAnswers;
import io.tunebatch.support.SupportAnswers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Governance in the application context, on the embedded H2 file database: the commands end to end
 * and the evaluate step in a job. One class, so one context.
 */
@SpringBootTest(properties = "tunebatch.cli.enabled=false")
class GovernanceApplicationTest {

    private static final Path DIR = tempDir();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:file:" + DIR.resolve("db"));
        properties.add("tunebatch.data-dir", DIR::toString);
    }

    /** A deterministic model runtime; the e-mail detector is primary so results do not depend on the PII engine's tuning. */
    @TestConfiguration
    static class ModelRuntime {
        @Bean
        @Primary
        PiiDetector testPiiDetector() {
            return new EmailPiiDetector();
        }

        @Bean
        @Primary
        TextGeneratorFactory textGeneratorFactory() {
            return new FolderAnswers();
        }
    }

    @Autowired
    AutowireCapableBeanFactory beans;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    @Qualifier("transactionManager")
    PlatformTransactionManager transactionManager;

    @Autowired
    EvaluationService evaluation;

    @Autowired
    TextGeneratorFactory models;

    private final StringWriter errors = new StringWriter();

    @Test
    void evaluateRegisterPromoteRollBackAndCompareFromTheCommandLine() throws IOException {
        Path base = FolderAnswers.write(DIR.resolve("base"), SupportAnswers.BASE, "base");
        Path adapter1 = FolderAnswers.write(DIR.resolve("adapter-1"), SupportAnswers.TUNED, "weights 1");
        Path adapter2 = FolderAnswers.write(DIR.resolve("adapter-2"), SupportAnswers.REGRESSED, "weights 2");
        String suite = SupportAnswers.SUITE.toString();

        Run baseRun = evaluate("--suite", suite, "--base", base.toString(), "--json");
        assertThat(baseRun.exitCode).isEqualTo(EvaluateCommand.GATE_FAILED);
        assertThat(baseRun.json().get("failingCases").toString()).isEqualTo(
                "[\"refund-window\",\"no-credentials\",\"ticket-json\",\"ticket-id\"]");
        assertThat(Path.of(baseRun.json().get("reportHtml").asString())).exists().content().contains("Gate FAILED")
                .doesNotContain("jane.doe@example.com").contains("&lt;EMAIL&gt;");

        Run tuned = evaluate("--suite", suite, "--base", base.toString(), "--adapter", adapter1.toString(), "--json");
        assertThat(tuned.exitCode).isZero();
        long evalRun = tuned.json().get("evalRunId").asLong();

        assertThat(registry("register", "support", "--base", base.toString(), "--adapter", adapter1.toString(),
                "--eval-run", Long.toString(evalRun), "--trained-by", "alice", "--by", "alice", "--json").json()
                .get("version").asInt()).isEqualTo(1);
        Run refused = registry("promote", "support:1", "--by", "alice", "--reason", "self-approval");
        assertThat(refused.exitCode).isEqualTo(2);
        assertThat(errors.toString()).contains("four-eyes rule: alice launched the training of support:1");
        assertThat(registry("promote", "support:1", "--by", "bob", "--reason", "reviewed").exitCode).isZero();
        assertThat(registry("promote", "support:1", "--by", "bob", "--reason", "release").out).contains("support:1: staging → production");

        // version 2 regressed on one case: 0.8 < 0.95, so it can only be registered with its own passing eval run
        Run regressed = evaluate("--suite", suite, "--base", base.toString(), "--adapter", adapter2.toString(), "--json");
        assertThat(regressed.exitCode).isEqualTo(EvaluateCommand.GATE_FAILED);
        Run notRegistered = registry("register", "support", "--base", base.toString(), "--adapter", adapter2.toString(),
                "--eval-run", regressed.json().get("evalRunId").asString(), "--trained-by", "alice");
        assertThat(notRegistered.exitCode).isEqualTo(2);
        assertThat(errors.toString()).contains("failing cases: ticket-id");

        Path adapter3 = FolderAnswers.write(DIR.resolve("adapter-3"), SupportAnswers.TUNED, "weights 3");
        long evalRun3 = evaluate("--suite", suite, "--base", base.toString(), "--adapter", adapter3.toString(), "--json")
                .json().get("evalRunId").asLong();
        registry("register", "support", "--base", base.toString(), "--adapter", adapter3.toString(), "--eval-run",
                Long.toString(evalRun3), "--trained-by", "alice");
        registry("promote", "support:2", "--by", "carol", "--reason", "reviewed");
        registry("promote", "support:2", "--by", "carol", "--reason", "release 2");

        JsonNode rollback = registry("rollback", "support", "--by", "dave", "--reason", "incident 42", "--json").json();
        assertThat(rollback.get("to").get("version").asInt()).isEqualTo(1);
        assertThat(rollback.get("from").get("stage").asString()).isEqualTo("archived");

        JsonNode history = registry("history", "support", "--json").json();
        assertThat(history).hasSize(9);
        assertThat(history.get(8).get("cause").asString()).isEqualTo("restore");
        assertThat(registry("list").out).containsPattern("support\\s+2\\s+2\\s+-\\s+1");
        assertThat(registry("show", "support:1", "--json").json().get("approvals")).hasSize(2);

        JsonNode comparison = registry("compare", "support:1", "support:2", "--suite", suite, "--samples", "1000", "--json").json();
        assertThat(comparison.get("passRateA").asDouble()).isEqualTo(1.0);
        assertThat(comparison.get("onlyAPassed").asInt()).isZero();
        assertThat(comparison.get("mcNemarP").asDouble()).isEqualTo(1.0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ab_comparison").query(Integer.class).single()).isEqualTo(1);

        Run badSuite = evaluate("--suite", DIR.resolve("missing.yaml").toString(), "--outputs", DIR.resolve("o.jsonl").toString());
        assertThat(badSuite.exitCode).isEqualTo(2);
        assertThat(errors.toString()).contains("cannot read eval suite " + DIR.resolve("missing.yaml"));
    }

    @Test
    void evaluateStepFailsTheJobNamingTheFailingCasesAndLinksTheRunToTheJobExecution() throws Exception {
        Path base = FolderAnswers.write(DIR.resolve("step-base"), SupportAnswers.BASE, "base");
        Path tuned = FolderAnswers.write(DIR.resolve("step-tuned"), SupportAnswers.TUNED, "tuned");

        JobExecution passed = jobOperator.start(trainThenEvaluate(tuned), parameters(base, "passing"));
        assertThat(passed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long evalRun = passed.getExecutionContext().getLong(EvaluateTasklet.EVAL_RUN_KEY);
        assertThat(jdbc.sql("SELECT job_execution_id FROM eval_run WHERE id = ?").param(evalRun).query(Long.class).single())
                .isEqualTo(passed.getId());
        assertThat(jdbc.sql("SELECT adapter_sha256 FROM eval_run WHERE id = ?").param(evalRun).query(String.class).single())
                .isEqualTo(AdapterHash.of(tuned));

        JobExecution failed = jobOperator.start(trainThenEvaluate(base), parameters(base, "failing"));
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getExitStatus().getExitDescription()).contains("eval gate failed on suite 'support-answers'")
                .contains("failing cases: refund-window, no-credentials, ticket-json, ticket-id");
        assertThat(jdbc.sql("SELECT gate_passed FROM eval_run WHERE job_execution_id = ?").param(failed.getId())
                .query(Boolean.class).single()).isFalse();
    }

    /** A stand-in training step that only names its adapter, then the real evaluate step. */
    private Job trainThenEvaluate(Path adapter) {
        return new JobBuilder("train-then-evaluate", jobRepository)
                .start(new StepBuilder("select-adapter", jobRepository).tasklet((contribution, context) -> {
                    context.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                            .putString(EvaluateTasklet.ADAPTER_KEY, adapter.toString());
                    return RepeatStatus.FINISHED;
                }, transactionManager).build())
                .next(new StepBuilder("evaluate", jobRepository)
                        .tasklet(new EvaluateTasklet(evaluation, models), transactionManager).build())
                .build();
    }

    private static JobParameters parameters(Path base, String run) {
        return new JobParametersBuilder().addString(EvaluateTasklet.BASE_MODEL, base.toString())
                .addString(EvaluateTasklet.SUITE, SupportAnswers.SUITE.toString())
                .addString(EvaluateTasklet.LAUNCHED_BY, "alice").addString("run", run).toJobParameters();
    }

    private Run evaluate(String... args) {
        return run(beans.createBean(EvaluateCommand.class), args);
    }

    private Run registry(String... args) {
        return run(beans.createBean(ModelCommand.class), args);
    }

    private Run run(Object command, String... args) {
        CommandLine cli = new CommandLine(command, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type.isAnnotationPresent(CommandLine.Command.class) ? beans.createBean(type)
                        : CommandLine.defaultFactory().create(type);
            }
        });
        cli.setExecutionExceptionHandler(new CommandErrorHandler());
        cli.setErr(new PrintWriter(errors, true));
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exitCode = cli.execute(args);
            return new Run(exitCode, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
        }
    }

    private record Run(int exitCode, String out) {
        JsonNode json() {
            return JSON.readTree(out);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("tunebatch-cli");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package io.tunebatch.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the validation report of a prepare run as JSON: counts, counts by rule, and every invalid
 * example with its issues. Built from the tables, so a restart writes the same report.
 */
final class ValidationReportTasklet implements Tasklet {

    static final String REPORT_KEY = "validation.report";

    private static final Logger log = LoggerFactory.getLogger(ValidationReportTasklet.class);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ValidationRepository repository;
    private final Path reportsDir;

    ValidationReportTasklet(ValidationRepository repository, Path reportsDir) {
        this.repository = repository;
        this.reportsDir = reportsDir;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        long jobInstanceId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        ValidationSummary summary = repository.summary(jobInstanceId);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("job_instance_id", jobInstanceId);
        report.put("valid", summary.valid());
        report.put("invalid", summary.invalid());
        report.put("invalid_by_rule", summary.invalidByRule());
        report.put("invalid_examples", repository.issues(jobInstanceId));
        Files.createDirectories(reportsDir);
        Path file = reportsDir.resolve("validation-" + jobInstanceId + ".json");
        JSON.writeValue(file.toFile(), report);
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putString(REPORT_KEY, file.toString());
        log.info("validation report: {} ({} valid, {} invalid)", file, summary.valid(), summary.invalid());
        return RepeatStatus.FINISHED;
    }
}

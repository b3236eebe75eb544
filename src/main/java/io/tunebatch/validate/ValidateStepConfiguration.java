package io.tunebatch.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import io.tunebatch.ops.StepProgress;
import io.tunebatch.review.ReviewPolicy;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The validate step runs every rule over every stored example (review decisions change between
 * runs, so yesterday's invalid example may be valid today), then the validation-report step
 * writes the JSON report.
 */
@Configuration(proxyBeanMethods = false)
public class ValidateStepConfiguration {

    public static final String STEP_NAME = "validate";
    public static final String REPORT_STEP_NAME = "validation-report";
    /** Job parameters overriding {@code tunebatch.validation.*} and {@code tunebatch.review.policy} for one run. */
    public static final String MIN_OUTPUT_WORDS_PARAMETER = "validation.minOutputWords";
    public static final String MAX_CHARS_PARAMETER = "validation.maxChars";
    public static final String REVIEW_POLICY_PARAMETER = "reviewPolicy";

    @Bean
    Step validateStep(JobRepository jobRepository, @Qualifier("transactionManager") PlatformTransactionManager transactionManager,
                      ValidationProperties properties, ItemStreamReader<ExampleUnderValidation> examplesToValidate,
                      ItemProcessor<ExampleUnderValidation, ValidationOutcome> validationProcessor,
                      ItemWriter<ValidationOutcome> validationWriter) {
        return new StepBuilder(STEP_NAME, jobRepository)
                .<ExampleUnderValidation, ValidationOutcome>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .listener(new StepProgress())
                .reader(examplesToValidate)
                .processor(validationProcessor)
                .writer(validationWriter)
                .build();
    }

    @Bean
    Step validationReportStep(JobRepository jobRepository,
                              @Qualifier("transactionManager") PlatformTransactionManager transactionManager,
                              ValidationRepository repository,
                              @Value("${tunebatch.reports-dir:${tunebatch.data-dir}/reports}") Path reportsDir) {
        return new StepBuilder(REPORT_STEP_NAME, jobRepository)
                .tasklet(new ValidationReportTasklet(repository, reportsDir), transactionManager)
                .build();
    }

    @Bean
    @StepScope
    ItemStreamReader<ExampleUnderValidation> examplesToValidate(DataSource dataSource, ValidationProperties properties)
            throws Exception {
        JdbcPagingItemReader<ExampleUnderValidation> reader = new JdbcPagingItemReaderBuilder<ExampleUnderValidation>()
                .name("examplesToValidate")
                .dataSource(dataSource)
                .selectClause("SELECT id, normalized_hash, instruction, input_text, output_text, review_status, pii_scan_result, "
                        + "CASE WHEN EXISTS (SELECT 1 FROM erased_example x WHERE x.example_id = training_example.id) "
                        + "THEN TRUE ELSE FALSE END AS erased")
                .fromClause("FROM training_example")
                .sortKeys(Map.of("id", Order.ASCENDING))
                .pageSize(properties.chunkSize())
                .rowMapper((rs, i) -> new ExampleUnderValidation(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8)))
                .build();
        reader.afterPropertiesSet();
        return reader;
    }

    @Bean
    @StepScope
    ItemProcessor<ExampleUnderValidation, ValidationOutcome> validationProcessor(List<ValidationRule> rules,
                                                                                ValidationRepository repository,
                                                                                @Value("#{jobParameters['" + MIN_OUTPUT_WORDS_PARAMETER + "']}") Long minOutputWords,
                                                                                @Value("#{jobParameters['" + MAX_CHARS_PARAMETER + "']}") Long maxChars,
                                                                                @Value("#{jobParameters['" + REVIEW_POLICY_PARAMETER + "']}") String reviewPolicy) {
        // a job definition's settings replace the configured rules for its run
        List<ValidationRule> all = new ArrayList<>(rules.stream().map(rule -> switch (rule.name()) {
            case "output_too_short" -> minOutputWords == null ? rule : new OutputTooShortRule(minOutputWords.intValue());
            case "too_long" -> maxChars == null ? rule : new TooLongRule(maxChars.intValue());
            case "not_reviewed" -> reviewPolicy == null ? rule
                    : new NotReviewedRule(ReviewPolicy.valueOf(reviewPolicy.toUpperCase(java.util.Locale.ROOT)));
            default -> rule;
        }).toList());
        all.add(0, new DuplicateContentRule(repository.nearDuplicateGroups()));
        return new ValidationProcessor(all);
    }

    @Bean
    @StepScope
    ItemWriter<ValidationOutcome> validationWriter(@Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
                                                   ValidationRepository repository) {
        return (Chunk<? extends ValidationOutcome> chunk) -> repository.save(chunk.getItems(), jobExecutionId);
    }
}

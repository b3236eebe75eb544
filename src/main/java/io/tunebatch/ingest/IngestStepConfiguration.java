package io.tunebatch.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.tunebatch.ops.StepCounters;
import io.tunebatch.ops.StepProgress;
import java.util.Map;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest step: source files → training examples, lineage rows and rejected records.
 * Step-scoped beans are typed by interface so their scoped proxies are interface proxies.
 */
@Configuration(proxyBeanMethods = false)
public class IngestStepConfiguration {

    public static final String STEP_NAME = "ingest";
    /** Job parameter overriding {@code tunebatch.ingest.skip-limit} for one run (a job definition's skip_limit). */
    public static final String SKIP_LIMIT_PARAMETER = "ingest.skipLimit";

    @Bean
    Step ingestStep(JobRepository jobRepository, @Qualifier("transactionManager") PlatformTransactionManager transactionManager,
                    IngestProperties properties, MeterRegistry meters, ItemStreamReader<ReadRecord> sourceRecordReader,
                    ItemProcessor<ReadRecord, IngestItem> recordMapper, ItemStreamWriter<IngestItem> ingestWriter) {
        return new StepBuilder(STEP_NAME, jobRepository)
                .<ReadRecord, IngestItem>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .listener(new StepProgress())
                .listener(new StepCounters(meters, STEP_NAME, Map.of(IngestWriter.WRITTEN, "tunebatch.examples.written",
                        IngestWriter.DEDUPLICATED, "tunebatch.examples.deduplicated", IngestWriter.REJECTED, "tunebatch.records.rejected")))
                .reader(sourceRecordReader)
                .processor(recordMapper)
                .writer(ingestWriter)
                .build();
    }

    @Bean
    @StepScope
    ItemStreamReader<ReadRecord> sourceRecordReader(@Value("#{jobParameters['source']}") String source,
                                                    @Value("#{jobParameters['sources']}") String sources,
                                                    IngestProperties properties) {
        return new SourceRecordReader(sources != null ? SourceSpec.allFiles(SourceSpec.fromJson(sources))
                : SourceFiles.resolve(source), properties.maxRecordBytes());
    }

    @Bean
    @StepScope
    ItemProcessor<ReadRecord, IngestItem> recordMapper(@Value("#{jobParameters['sourceSystem']}") String sourceSystem,
                                                       @Value("#{jobParameters['sources']}") String sources,
                                                       IngestProperties properties) {
        return sources != null ? new SourceRoutingMapper(SourceSpec.fromJson(sources))
                : new RecordMapper(properties.fields(), sourceSystem);
    }

    @Bean
    @StepScope
    ItemStreamWriter<IngestItem> ingestWriter(@Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
                                              @Value("#{jobParameters['" + SKIP_LIMIT_PARAMETER + "']}") Long skipLimit,
                                              IngestRepository repository, IngestProperties properties) {
        return new IngestWriter(repository, jobExecutionId, skipLimit != null ? skipLimit : properties.skipLimit());
    }
}

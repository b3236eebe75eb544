package io.tunebatch.pii;

import io.micrometer.core.instrument.MeterRegistry;
import io.tunebatch.ops.StepProgress;
import io.tunebatch.partition.RemotePartitioning;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The pii-scan step in remote mode ({@code tunebatch.partitioning.mode=remote}): the manager step
 * {@value PiiScanStepConfiguration#STEP_NAME} splits the unscanned examples into id ranges; each
 * range runs as {@value #WORKER_STEP_NAME} on a worker, with the same processor and writer as the
 * local step. The writer marks each example scanned in the chunk's transaction, so a partition
 * restarted after its worker died scans only what that worker did not commit.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tunebatch.partitioning.mode", havingValue = "remote")
public class PiiScanPartitioning {

    public static final String WORKER_STEP_NAME = "pii-scan-worker";

    @Bean
    Step piiScanStep(RemotePartitioning remote, JdbcTemplate jdbc) {
        return remote.managerStep(PiiScanStepConfiguration.STEP_NAME, WORKER_STEP_NAME, new UnscannedIdRangePartitioner(jdbc),
                PiiScanWriter.SCANNED, PiiScanWriter.FLAGGED, PiiScanWriter.DETECTIONS);
    }

    /** Named after its step: workers find the step to run by the bean name in the request. */
    @Bean(WORKER_STEP_NAME)
    Step piiScanWorkerStep(RemotePartitioning remote, MeterRegistry meters,
                           @Qualifier("transactionManager") PlatformTransactionManager transactionManager,
                           @Value("${tunebatch.pii.chunk-size:200}") int chunkSize,
                           ItemStreamReader<ExampleText> unscannedRangeReader,
                           ItemProcessor<ExampleText, ScannedExample> piiScanProcessor,
                           ItemStreamWriter<ScannedExample> piiScanWriter) {
        return remote.workerStep(WORKER_STEP_NAME)
                .<ExampleText, ScannedExample>chunk(chunkSize)
                .transactionManager(transactionManager)
                .listener(new StepProgress())
                .listener(PiiScanStepConfiguration.counters(meters))
                .reader(unscannedRangeReader)
                .processor(piiScanProcessor)
                .writer(piiScanWriter)
                .build();
    }

    @Bean
    @StepScope
    ItemStreamReader<ExampleText> unscannedRangeReader(DataSource dataSource,
                                                       @Value("#{stepExecutionContext['" + UnscannedIdRangePartitioner.FROM_ID + "']}") String fromId,
                                                       @Value("#{stepExecutionContext['" + UnscannedIdRangePartitioner.TO_ID + "']}") String toId,
                                                       @Value("${tunebatch.pii.chunk-size:200}") int chunkSize) throws Exception {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("fromId", fromId);
        StringBuilder where = new StringBuilder("WHERE pii_scan_result IS NULL AND id >= :fromId");
        if (toId != null) {
            where.append(" AND id < :toId");
            range.put("toId", toId);
        }
        JdbcPagingItemReader<ExampleText> reader = new JdbcPagingItemReaderBuilder<ExampleText>()
                .name("unscannedRange")
                .dataSource(dataSource)
                .selectClause("SELECT id, instruction, input_text, output_text")
                .fromClause("FROM training_example")
                .whereClause(where.toString())
                .parameterValues(range)
                .sortKeys(Map.of("id", Order.ASCENDING))
                .pageSize(chunkSize)
                .saveState(false)
                .rowMapper((rs, i) -> ExampleText.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .build();
        reader.afterPropertiesSet();
        return reader;
    }
}

package io.tunebatch.pii;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits the examples not yet scanned into {@code gridSize} contiguous id ranges of about the same
 * size: partition i holds ids in [{@value #FROM_ID}, {@value #TO_ID}), the last one has no upper
 * bound. Always exactly {@code gridSize} partitions when anything is left to scan (a restart finds
 * every partition by name), none when nothing is.
 */
final class UnscannedIdRangePartitioner implements Partitioner {

    static final String FROM_ID = "pii.fromId";
    static final String TO_ID = "pii.toId";

    private final JdbcTemplate jdbc;

    UnscannedIdRangePartitioner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        long unscanned = jdbc.queryForObject("SELECT COUNT(*) FROM training_example WHERE pii_scan_result IS NULL", Long.class);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        if (unscanned == 0) {
            return partitions;
        }
        String from = idAt(0);
        for (int i = 0; i < gridSize; i++) {
            ExecutionContext range = new ExecutionContext();
            range.putString(FROM_ID, from);
            if (i < gridSize - 1) {
                String to = idAt(unscanned * (i + 1) / gridSize);
                range.putString(TO_ID, to);
                from = to;
            }
            partitions.put("partition" + i, range);
        }
        return partitions;
    }

    /** The id at this position among the unscanned examples in id order. */
    private String idAt(long offset) {
        return jdbc.queryForObject("SELECT id FROM training_example WHERE pii_scan_result IS NULL ORDER BY id OFFSET ? ROWS "
                + "FETCH FIRST 1 ROWS ONLY", String.class, offset);
    }
}

package io.tunebatch.cli;

import io.tunebatch.snapshot.DatasetSnapshot;
import io.tunebatch.snapshot.SnapshotExporter;
import io.tunebatch.snapshot.SnapshotRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snapshot list|show|export}: the frozen datasets that training reads. */
@Component
@Command(name = "snapshot", mixinStandardHelpOptions = true, description = "List, show and export dataset snapshots.",
        subcommands = {SnapshotCommand.ListSnapshots.class, SnapshotCommand.Show.class, SnapshotCommand.Export.class})
class SnapshotCommand implements TopLevelCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Snapshots, newest first.")
    static class ListSnapshots implements Callable<Integer> {
        @Option(names = "--json")
        boolean json;

        private final SnapshotRepository snapshots;

        ListSnapshots(SnapshotRepository snapshots) {
            this.snapshots = snapshots;
        }

        @Override
        public Integer call() {
            List<DatasetSnapshot> all = snapshots.list();
            if (json) {
                Output.json(all);
            } else {
                Output.line("%-12s %-9s %-9s %-9s %-25s %s", "ID", "EXAMPLES", "SOURCES", "CANARIES", "CREATED", "FINGERPRINT");
                all.forEach(s -> Output.line("%-12s %-9d %-9d %-9d %-25s %s", s.id(), s.exampleCount(), s.sourceCount(),
                        s.canaryCount(), s.createdAt().withNano(0), s.fingerprint()));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One snapshot: counts, fingerprint, the run that sealed it.")
    static class Show implements Callable<Integer> {
        @Parameters(paramLabel = "SNAPSHOT_ID")
        String snapshotId;
        @Option(names = "--json")
        boolean json;

        private final SnapshotRepository snapshots;

        Show(SnapshotRepository snapshots) {
            this.snapshots = snapshots;
        }

        @Override
        public Integer call() {
            DatasetSnapshot s = find(snapshots, snapshotId);
            if (json) {
                Output.json(s);
            } else {
                Output.line("snapshot      %s", s.id());
                Output.line("fingerprint   %s", s.fingerprint());
                Output.line("examples      %d (%d of them planted canaries)", s.exampleCount(), s.canaryCount());
                Output.line("sources       %d", s.sourceCount());
                Output.line("created       %s", s.createdAt().withNano(0));
                Output.line("job           instance %d, execution %d", s.jobInstanceId(), s.jobExecutionId());
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a snapshot as JSONL (id, content_hash, instruction, input, output, sources): the trainer's input.")
    static class Export implements Callable<Integer> {
        @Parameters(paramLabel = "SNAPSHOT_ID")
        String snapshotId;
        @Option(names = "--out", required = true, paramLabel = "FILE.jsonl")
        Path out;
        @Option(names = "--json")
        boolean json;

        private final SnapshotRepository snapshots;
        private final SnapshotExporter exporter;

        Export(SnapshotRepository snapshots, SnapshotExporter exporter) {
            this.snapshots = snapshots;
            this.exporter = exporter;
        }

        @Override
        public Integer call() {
            DatasetSnapshot snapshot = find(snapshots, snapshotId);
            long written = exporter.export(snapshot, out);
            if (json) {
                Output.json(Map.of("snapshot_id", snapshot.id(), "fingerprint", snapshot.fingerprint(),
                        "examples", written, "out", out.toAbsolutePath().toString()));
            } else {
                Output.line("%d examples of %s written to %s", written, snapshot.id(), out);
            }
            return 0;
        }
    }

    private static DatasetSnapshot find(SnapshotRepository snapshots, String snapshotId) {
        return snapshots.find(snapshotId)
                .orElseThrow(() -> new UserError("no snapshot " + snapshotId + "; see `tunebatch snapshot list`"));
    }
}

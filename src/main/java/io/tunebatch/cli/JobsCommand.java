package io.tunebatch.cli;

import io.tunebatch.ops.JobExecutionView;
import io.tunebatch.ops.JobsService;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobs list|show|restart|stop|abandon}: the ops view of the job repository. */
@Component
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "List, inspect, restart, stop and abandon job executions.",
        subcommands = {JobsCommand.ListExecutions.class, JobsCommand.Show.class, JobsCommand.Restart.class,
                JobsCommand.Stop.class, JobsCommand.Abandon.class})
class JobsCommand implements TopLevelCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Job executions, newest first.")
    static class ListExecutions implements Callable<Integer> {
        @Option(names = "--status", description = "COMPLETED, FAILED, STARTED, STOPPED, ABANDONED, ...")
        String status;
        @Option(names = "--job", description = "Job name, e.g. prepare.")
        String job;
        @Option(names = "--since", paramLabel = "DATE", description = "Created on or after, e.g. 2026-01-31 or 2026-01-31T08:00.")
        String since;
        @Option(names = "--limit", defaultValue = "50")
        int limit;
        @Option(names = "--json")
        boolean json;

        private final JobsService jobs;

        ListExecutions(JobsService jobs) {
            this.jobs = jobs;
        }

        @Override
        public Integer call() {
            List<JobExecutionView> executions = jobs.list(
                    status == null ? null : status.toUpperCase(Locale.ROOT), job, parseSince(since), limit);
            if (json) {
                Output.json(executions);
            } else {
                Output.line("%-8s %-8s %-20s %-10s %-19s %s", "EXEC", "INSTANCE", "JOB", "STATUS", "STARTED", "EXIT MESSAGE");
                executions.forEach(e -> Output.line("%-8d %-8d %-20s %-10s %-19s %s", e.jobExecutionId(), e.jobInstanceId(),
                        e.jobName(), e.status(), e.startTime() == null ? "-" : e.startTime().withNano(0),
                        e.exitMessage() == null ? "" : e.exitMessage()));
            }
            return 0;
        }

        private static LocalDateTime parseSince(String since) {
            if (since == null) {
                return null;
            }
            try {
                return since.contains("T") ? LocalDateTime.parse(since) : LocalDate.parse(since).atStartOfDay();
            } catch (DateTimeParseException e) {
                throw new UserError("--since: expected a date like 2026-01-31 or 2026-01-31T08:00, got " + since);
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One execution: parameters, steps, counts, exit messages.")
    static class Show implements Callable<Integer> {
        @Parameters(paramLabel = "EXECUTION_ID")
        long executionId;
        @Option(names = "--json")
        boolean json;

        private final JobsService jobs;

        Show(JobsService jobs) {
            this.jobs = jobs;
        }

        @Override
        public Integer call() {
            JobExecutionView view = jobs.show(executionId).orElseThrow(() -> unknown(executionId));
            if (json) {
                Output.json(view);
            } else {
                printView(view);
            }
            return 0;
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true,
            description = "Restart a failed or stopped execution from its last committed chunk. An execution left STARTED "
                    + "by a killed process is recovered first.")
    static class Restart implements Callable<Integer> {
        @Parameters(paramLabel = "EXECUTION_ID")
        long executionId;
        @Option(names = "--json")
        boolean json;

        private final JobsService jobs;

        Restart(JobsService jobs) {
            this.jobs = jobs;
        }

        @Override
        public Integer call() throws Exception {
            jobs.find(executionId).orElseThrow(() -> unknown(executionId));
            JobExecution restarted;
            try {
                restarted = jobs.restart(executionId);
            } catch (IllegalStateException e) {
                throw new UserError(e.getMessage());
            }
            return JobOutcome.report(restarted, jobs.show(restarted.getId()).orElseThrow(), json, JobsCommand::printView);
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Ask a running execution to stop after its current chunk.")
    static class Stop implements Callable<Integer> {
        @Parameters(paramLabel = "EXECUTION_ID")
        long executionId;

        private final JobsService jobs;

        Stop(JobsService jobs) {
            this.jobs = jobs;
        }

        @Override
        public Integer call() throws Exception {
            jobs.find(executionId).orElseThrow(() -> unknown(executionId));
            try {
                jobs.stop(executionId);
            } catch (org.springframework.batch.core.launch.JobExecutionNotRunningException e) {
                throw new UserError("job execution " + executionId + " is not running");
            }
            Output.line("stop requested for job execution %d", executionId);
            return 0;
        }
    }

    @Command(name = "abandon", mixinStandardHelpOptions = true,
            description = "Mark a stopped or failed execution as never to be restarted.")
    static class Abandon implements Callable<Integer> {
        @Parameters(paramLabel = "EXECUTION_ID")
        long executionId;

        private final JobsService jobs;

        Abandon(JobsService jobs) {
            this.jobs = jobs;
        }

        @Override
        public Integer call() throws Exception {
            jobs.find(executionId).orElseThrow(() -> unknown(executionId));
            try {
                jobs.abandon(executionId);
            } catch (org.springframework.batch.core.launch.JobExecutionAlreadyRunningException e) {
                throw new UserError("job execution " + executionId + " is running; stop it first (tunebatch jobs stop "
                        + executionId + ")");
            }
            Output.line("job execution %d abandoned", executionId);
            return 0;
        }
    }

    static void printView(JobExecutionView view) {
        Output.line("job execution %d (instance %d) %s: %s, exit %s", view.jobExecutionId(), view.jobInstanceId(),
                view.jobName(), view.status(), view.exitCode());
        if (view.exitMessage() != null) {
            Output.line("  message: %s", view.exitMessage());
        }
        Output.line("  started %s, ended %s", view.startTime(), view.endTime());
        view.parameters().forEach((k, v) -> Output.line("  parameter %s = %s", k, v));
        for (JobExecutionView.StepView s : view.steps()) {
            Output.line("  step %-18s %-10s read %d, written %d, filtered %d, commits %d, rollbacks %d%s", s.stepName(),
                    s.status(), s.readCount(), s.writeCount(), s.filterCount(), s.commitCount(), s.rollbackCount(),
                    s.exitMessage() == null ? "" : "  (" + s.exitMessage() + ")");
        }
    }

    private static UserError unknown(long executionId) {
        return new UserError("no job execution " + executionId + "; see `tunebatch jobs list`");
    }
}

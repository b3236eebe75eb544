package io.tunebatch.support;

import io.tunebatch.TuneBatchApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A TuneBatch worker process (the {@code worker} profile) started from the test classpath, small
 * (-Xmx512m), its output in a file. Tests must {@link #kill()} every one they start (in @AfterAll).
 */
public final class WorkerJvm {

    private final String id;
    private final int port;
    private final Process process;
    private final Path log;

    private WorkerJvm(String id, int port, Process process, Path log) {
        this.id = id;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts worker {@code id} on the database at {@code jdbcUrl} with these extra properties. */
    public static WorkerJvm start(String id, String jdbcUrl, Map<String, String> properties) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"),
                "-Dspring.profiles.active=worker",
                "-Dspring.datasource.url=" + jdbcUrl,
                "-Dspring.datasource.username=postgres",
                "-Dspring.datasource.password=",
                "-Dserver.port=" + port,
                "-Dtunebatch.partitioning.worker-id=" + id));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add(TuneBatchApplication.class.getName());
        try {
            Path log = Files.createTempFile("tunebatch-" + id, ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new WorkerJvm(id, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts workers {@code worker-a} and {@code worker-b} and waits until both are ready. */
    public static List<WorkerJvm> startTwo(String jdbcUrl, Map<String, String> properties) throws Exception {
        List<WorkerJvm> workers = List.of(start("worker-a", jdbcUrl, properties), start("worker-b", jdbcUrl, properties));
        for (WorkerJvm worker : workers) {
            worker.awaitReady(Duration.ofMinutes(3));
        }
        return workers;
    }

    public static void killAll(List<WorkerJvm> workers) throws InterruptedException {
        for (WorkerJvm worker : workers) {
            worker.kill();
        }
    }

    public String id() {
        return id;
    }

    /** The worker's one HTTP port: Actuator health and Prometheus. */
    public int port() {
        return port;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the worker takes partition requests; fails with its log if it died or took too long. */
    public void awaitReady(Duration atMost) throws Exception {
        Instant deadline = Instant.now().plus(atMost);
        while (!log().contains("taking partition requests")) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("worker " + id + " did not start:\n" + log());
            }
            Thread.sleep(200);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What kill -9 does: no shutdown hook, no last update to the job repository. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }
}

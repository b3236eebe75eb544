package io.tunebatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real MLflow tracking server for one test class:
 * {@code @RegisterExtension static final MlflowServer MLFLOW = new MlflowServer();} then
 * {@link #trackingUri()}. It runs {@code mlflow server} from the virtual environment named by the
 * environment variable {@code MLFLOW_HOME_VENV} (default {@code .venv-mlflow} in the repository
 * root) with a SQLite backend and proxied artifacts in a temp folder, and stops it after the class.
 * A missing venv fails the tests: CI installs it, and a skipped mirror test proves nothing.
 * {@link #shared()} is one server for several classes of the test JVM (it starts in ten seconds
 * to a minute), stopped when the JVM exits; classes that share it use their own model names.
 */
public final class MlflowServer implements BeforeAllCallback, AfterAllCallback {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final MlflowServer SHARED = new MlflowServer(true);

    private final boolean shared;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;
    private Path home;
    private int port;

    public MlflowServer() {
        this(false);
    }

    private MlflowServer(boolean shared) {
        this.shared = shared;
    }

    /** The server every class that registers it shares; started by the first of them. */
    public static MlflowServer shared() {
        return SHARED;
    }

    public String trackingUri() {
        if (process == null) {
            throw new IllegalStateException("the MLflow server is not running; register MlflowServer with @RegisterExtension");
        }
        return "http://127.0.0.1:" + port;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (shared && process != null && process.isAlive()) {
            return;
        }
        Path venv = Path.of(System.getenv().getOrDefault("MLFLOW_HOME_VENV", ".venv-mlflow")).toAbsolutePath();
        Path mlflow = venv.resolve("bin/mlflow");
        if (!Files.isExecutable(mlflow)) {
            throw new IllegalStateException("MLflow is not installed at " + mlflow + ". Install it with: python3 -m venv "
                    + venv + " && " + venv + "/bin/pip install mlflow (or set MLFLOW_HOME_VENV to a venv that has it)");
        }
        home = Files.createTempDirectory("tunebatch-mlflow");
        port = freePort();
        Path log = home.resolve("server.log");
        process = new ProcessBuilder(List.of(mlflow.toString(), "server", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--backend-store-uri", "sqlite:///" + home.resolve("mlflow.db"), "--workers", "1",
                "--artifacts-destination", home.resolve("artifacts").toString()))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        waitUntilListening(log);
        if (shared) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        if (!shared) {
            stop();
        }
    }

    private synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        // mlflow server runs uvicorn as a child process: stop the children first, then the launcher
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    private void waitUntilListening(Path log) throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mlflow server exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException("mlflow server did not answer /health on port " + port + " within " + STARTUP + ":\n" + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

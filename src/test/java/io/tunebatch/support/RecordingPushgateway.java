package io.tunebatch.support;

import com.sun.net.httpserver.HttpServer;
import io.tunebatch.TuneBatchApplication;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A local HTTP server standing in for a Prometheus Pushgateway: it records every push it receives. */
public final class RecordingPushgateway implements AutoCloseable {

    public record Push(String method, String path, String body) {
    }

    private final HttpServer server;
    private final List<Push> pushes = new CopyOnWriteArrayList<>();

    private RecordingPushgateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            pushes.add(new Push(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    public static RecordingPushgateway start() throws IOException {
        return new RecordingPushgateway();
    }

    public List<Push> pushes() {
        return pushes;
    }

    /**
     * Starts the application on a fresh H2 database with its data under {@code dataDir}, pushing
     * its metrics here once, when the context closes (as a short-lived pod does).
     */
    public ConfigurableApplicationContext startApplication(Path dataDir) {
        // as arguments, which (unlike builder properties) win over application.yml
        return new SpringApplicationBuilder(TuneBatchApplication.class).run(
                "--tunebatch.cli.enabled=false",
                "--spring.datasource.url=" + Databases.newH2Url(),
                "--tunebatch.pii.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--tunebatch.data-dir=" + dataDir,
                "--management.prometheus.metrics.export.pushgateway.enabled=true",
                "--management.prometheus.metrics.export.pushgateway.address=127.0.0.1:" + server.getAddress().getPort(),
                "--management.prometheus.metrics.export.pushgateway.job=tunebatch-test",
                "--management.prometheus.metrics.export.pushgateway.format=text",
                "--management.prometheus.metrics.export.pushgateway.push-rate=1h",
                "--management.prometheus.metrics.export.pushgateway.shutdown-operation=put");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

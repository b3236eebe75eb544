package io.tunebatch.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Uploads files to an MLflow server's artifact proxy ({@code PUT /api/2.0/mlflow-artifacts/artifacts/<path>},
 * the server's {@code --serve-artifacts} default), so no Python and no cloud SDK are needed on our
 * side. Works with artifact URIs of the form {@code mlflow-artifacts:/<path>}, as runs on such a
 * server have.
 */
public final class MlflowArtifacts {

    private static final String SCHEME = "mlflow-artifacts:";

    private final String trackingUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public MlflowArtifacts(String trackingUri) {
        this.trackingUri = trackingUri.endsWith("/") ? trackingUri.substring(0, trackingUri.length() - 1) : trackingUri;
    }

    /** Uploads one file to {@code <artifactUri>/<relativePath>}. */
    public void upload(String artifactUri, String relativePath, Path file) {
        send(HttpRequest.newBuilder(proxyUri(artifactUri, relativePath)).timeout(Duration.ofMinutes(30))
                .PUT(bodyOf(file)).build(), "upload " + file + " to " + artifactUri + "/" + relativePath);
    }

    /** Uploads every regular file under {@code folder} to {@code <artifactUri>/<prefix>/<path in folder>}; returns the paths uploaded. */
    public List<String> uploadFolder(String artifactUri, String prefix, Path folder) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        List<String> uploaded = new ArrayList<>();
        for (Path file : files) {
            String relative = (prefix.isEmpty() ? "" : prefix + "/") + folder.relativize(file).toString().replace('\\', '/');
            upload(artifactUri, relative, file);
            uploaded.add(relative);
        }
        return uploaded;
    }

    /** Reads one artifact back as text. */
    public String download(String artifactUri, String relativePath) {
        return send(HttpRequest.newBuilder(proxyUri(artifactUri, relativePath)).timeout(Duration.ofMinutes(5)).GET().build(),
                "download " + artifactUri + "/" + relativePath);
    }

    private URI proxyUri(String artifactUri, String relativePath) {
        if (!artifactUri.startsWith(SCHEME)) {
            throw new IllegalArgumentException("artifact URI " + artifactUri + " is not served by the MLflow artifact proxy "
                    + "(expected " + SCHEME + "/...); start the server with --serve-artifacts");
        }
        String path = (artifactUri.substring(SCHEME.length()) + "/" + relativePath).replaceAll("/+", "/").replaceAll("^/", "");
        StringBuilder encoded = new StringBuilder();
        for (String segment : path.split("/")) {
            encoded.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(trackingUri + "/api/2.0/mlflow-artifacts/artifacts" + encoded);
    }

    private String send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("MLflow could not " + what + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("MLflow could not " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }

    private static HttpRequest.BodyPublisher bodyOf(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

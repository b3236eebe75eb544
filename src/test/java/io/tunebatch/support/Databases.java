package io.tunebatch.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real databases for tests: an H2 file database in a temp folder, and one embedded PostgreSQL server per JVM. */
public final class Databases {

    private static EmbeddedPostgres postgres;

    private Databases() {
    }

    /** Points the application at a new H2 file database. */
    public static void useH2(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String url = newH2Url();
        registry.add("spring.datasource.url", () -> url);
    }

    /** Points the application at a new database on the embedded PostgreSQL server. */
    public static void usePostgres(org.springframework.test.context.DynamicPropertyRegistry registry, String database) {
        String url = newPostgresUrl(database);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    public static String newH2Url() {
        try {
            Path dir = Files.createTempDirectory("tunebatch-h2");
            return "jdbc:h2:file:" + dir.resolve("tunebatch") + ";AUTO_SERVER=TRUE";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh database on the shared embedded PostgreSQL server. */
    public static synchronized String newPostgresUrl(String database) {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away anyway
                    }
                }));
            }
            try (var connection = postgres.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
            return postgres.getJdbcUrl("postgres", database);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
    }
}

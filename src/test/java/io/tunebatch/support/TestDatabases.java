package io.tunebatch.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Fresh, fully migrated databases for tests: an H2 file database in a new temp folder, or a new
 * database on one embedded PostgreSQL started once per test JVM. Use {@link #both()} as a
 * {@code @MethodSource} to run a test on both vendors.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A named, migrated database; the name shows in parameterized test output. */
    public record Database(String vendor, DataSource dataSource) {
        @Override
        public String toString() {
            return vendor;
        }
    }

    public static Stream<Arguments> both() {
        return Stream.of(Arguments.of(h2()), Arguments.of(postgresql()));
    }

    public static Database h2() {
        try {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:file:" + Files.createTempDirectory("tunebatch-h2").resolve("db"));
            dataSource.setUser("sa");
            return new Database("h2", migrate(dataSource, "h2"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Database postgresql() {
        String name = "t" + COUNTER.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new Database("postgresql", migrate(server().getDatabase("postgres", name), "postgresql"));
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temp cluster goes with it
                }
            }));
        }
        return postgres;
    }

    private static DataSource migrate(DataSource dataSource, String vendor) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor).load().migrate();
        return dataSource;
    }
}

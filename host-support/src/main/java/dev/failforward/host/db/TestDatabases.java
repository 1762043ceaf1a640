package dev.failforward.host.db;

import dev.failforward.host.ao.AoDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which database the Active Objects tests of this JVM run on, chosen by the system property
 * {@code failforward.test.db}: {@code hsqldb} (the default) or {@code postgres}. The build runs every AO test twice,
 * once per database (a second surefire execution per module sets the property; see the README).
 *
 * <p>On PostgreSQL, one {@link EmbeddedPostgres} serves the whole test JVM: started at the first use in a new
 * directory under {@code java.io.tmpdir} (readable by the unprivileged user the server runs as under root), stopped and
 * deleted when the JVM exits. Each {@link #openAo} gets a new, empty database on it, as each HSQLDB caller gets a new
 * in-memory database; the ORM test runner shares one ({@link #sharedDatabaseUrl()}) as it shares its in-memory HSQLDB.
 *
 * <p>Used by tests and benchmarks only; kept in host-support's main code so that every module's tests reach it
 * without a test-jar.
 */
public final class TestDatabases {

    public static final String PROPERTY = "failforward.test.db";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabases() {
    }

    /** Whether this JVM's AO tests run on PostgreSQL ({@code -Dfailforward.test.db=postgres}). */
    public static boolean onPostgres() {
        String value = System.getProperty(PROPERTY, "hsqldb").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "hsqldb", "" -> false;
            case "postgres", "postgresql" -> true;
            default -> throw new IllegalArgumentException(PROPERTY + " must be hsqldb or postgres: " + value);
        };
    }

    /** "HSQLDB" or "PostgreSQL", for messages and test names. */
    public static String databaseName() {
        return onPostgres() ? "PostgreSQL" : "HSQLDB";
    }

    /** This JVM's PostgreSQL server, started at the first call. */
    public static synchronized EmbeddedPostgres postgres() {
        if (server == null) {
            Path directory;
            try {
                directory = Files.createTempDirectory("failforward-test-postgres-");
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // a throwaway cluster: initdb need not sync it; the server itself runs with fsync on
            EmbeddedPostgres started = EmbeddedPostgres.builder(directory).syncInitdb(false).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                try {
                    PostgresBinaries.deleteRecursively(directory);
                } catch (IOException ignored) {
                    // a temporary directory; the OS cleans it up in the end
                }
            }, "test-postgres-stop"));
            server = started;
        }
        return server;
    }

    /** A new empty PostgreSQL database on this JVM's server; returns its JDBC URL. */
    public static String newPostgresDatabase() {
        String name = "t" + DATABASES.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
        postgres().createDatabase(name);
        return postgres().jdbcUrl(name);
    }

    /** The one database the ORM test runner uses on PostgreSQL ({@code ao_test}), created at the first call. */
    public static String sharedDatabaseUrl() {
        postgres().createDatabase("ao_test");
        return postgres().jdbcUrl("ao_test");
    }

    /** A new, empty database of this JVM's kind for {@code namespace}, with the default options. */
    public static AoDatabase openAo(String namespace) {
        return openAo(namespace, AoDatabase.Options.defaults());
    }

    /**
     * One new, empty database of this JVM's kind opened {@code nodes} times, each with its own pool: the database of
     * a cluster of that many nodes. Close them in reverse order (closing an HSQLDB one shuts the database down).
     */
    public static java.util.List<AoDatabase> openAoForNodes(String namespace, int nodes) {
        java.util.List<AoDatabase> opened = new java.util.ArrayList<>();
        if (onPostgres()) {
            String url = newPostgresDatabase();
            for (int i = 0; i < nodes; i++) {
                opened.add(AoDatabase.openPostgres(url, postgres().user(), postgres().password(), namespace));
            }
        } else {
            String name = "cluster-" + UUID.randomUUID();
            for (int i = 0; i < nodes; i++) {
                opened.add(AoDatabase.openInMemory(name, namespace));
            }
        }
        return opened;
    }

    /** A new, empty database of this JVM's kind for {@code namespace}. */
    public static AoDatabase openAo(String namespace, AoDatabase.Options options) {
        if (onPostgres()) {
            return AoDatabase.openPostgres(newPostgresDatabase(), postgres().user(), postgres().password(), namespace,
                    options);
        }
        return AoDatabase.openInMemory("test-" + UUID.randomUUID(), namespace, options);
    }
}

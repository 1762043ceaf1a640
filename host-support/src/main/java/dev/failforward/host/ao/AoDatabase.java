package dev.failforward.host.ao;

import net.java.ao.EntityManager;
import net.java.ao.atlassian.AtlassianFieldNameConverter;
import net.java.ao.atlassian.AtlassianIndexNameConverter;
import net.java.ao.atlassian.AtlassianSequenceNameConverter;
import net.java.ao.atlassian.AtlassianTableNameConverter;
import net.java.ao.atlassian.AtlassianTriggerNameConverter;
import net.java.ao.atlassian.AtlassianUniqueNameConverter;
import net.java.ao.builder.EntityManagerBuilder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * An embedded HSQLDB database driven by the real {@code net.java.ao} ORM with the same naming rules as Active Objects
 * inside Jira and Confluence: table names {@code AO_<6 hex>_ENTITY_NAME}, upper-case underscore column names, and the
 * 30-character limits of the {@code net.java.ao.atlassian} converters.
 *
 * <p>Why HSQLDB 2.7: ARCHITECTURE.md §4 records that the 3.2.11 ORM works on HSQLDB file databases and H2 1.4, but not
 * on H2 2.x. One JDBC connection is held open for the lifetime of this object: the ORM opens a connection per
 * operation, and without a live connection HSQLDB ({@code shutdown=true}) would close and reopen the files each time.
 *
 * <p>The file database writes its log to disk at most 100 ms after a commit ({@code hsqldb.write_delay_millis=100})
 * instead of syncing on every commit: a preview that is killed may lose its last tenth of a second of changes; a
 * clean stop ({@link #close()}) loses nothing. Syncing every commit made each write cost two disk syncs.
 */
public final class AoDatabase implements AutoCloseable {

    private final String url;
    private final String tablePrefix;
    private final Connection keepAlive;
    private final EntityManagerActiveObjects activeObjects;

    private AoDatabase(String url, String namespace) throws SQLException {
        this.url = url;
        this.tablePrefix = tablePrefixFor(namespace);
        this.keepAlive = DriverManager.getConnection(url, "SA", "");
        EntityManager entityManager = EntityManagerBuilder.url(url).username("SA").password("").none()
                .tableNameConverter(new AtlassianTableNameConverter(tableName -> tablePrefix + tableName))
                .fieldNameConverter(new AtlassianFieldNameConverter())
                .indexNameConverter(new AtlassianIndexNameConverter())
                .sequenceNameConverter(new AtlassianSequenceNameConverter())
                .triggerNameConverter(new AtlassianTriggerNameConverter())
                .uniqueNameConverter(new AtlassianUniqueNameConverter())
                .build();
        this.activeObjects = new EntityManagerActiveObjects(entityManager);
    }

    /** Opens (or creates) a file database in {@code directory}; the data survives restarts. */
    public static AoDatabase openFile(Path directory, String namespace) {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
            return new AoDatabase("jdbc:hsqldb:file:" + directory.toAbsolutePath().resolve("failforward")
                    + ";shutdown=true;hsqldb.write_delay_millis=100", namespace);
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("Cannot open the database in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Opens a private in-memory database, gone when closed. */
    public static AoDatabase openInMemory(String name, String namespace) {
        try {
            return new AoDatabase("jdbc:hsqldb:mem:" + name + ";shutdown=true;hsqldb.tx=mvcc", namespace);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the in-memory database " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The table prefix Active Objects gives a plugin: {@code AO_} + the last six hex digits of the MD5 of the
     * namespace (the plugin key unless the descriptor's {@code <ao namespace>} says otherwise), upper case, + {@code _}
     * (reference/atlassian-api.md §2.1, "AO naming and limits").
     */
    public static String tablePrefixFor(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(namespace.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(md5).toUpperCase(Locale.ROOT);
            return "AO_" + hex.substring(hex.length() - 6) + "_";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java runtime", e);
        }
    }

    public EntityManagerActiveObjects activeObjects() {
        return activeObjects;
    }

    public String tablePrefix() {
        return tablePrefix;
    }

    public String url() {
        return url;
    }

    /** Checkpoints and closes the database files. */
    @Override
    public void close() {
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot shut the database down cleanly: " + e.getMessage(), e);
        } finally {
            try {
                keepAlive.close();
            } catch (SQLException ignored) {
                // SHUTDOWN already closed it
            }
        }
    }
}

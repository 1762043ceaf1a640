package dev.failforward.host.ao;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import net.java.ao.DatabaseProvider;
import net.java.ao.DefaultSchemaConfiguration;
import net.java.ao.DisposableDataSource;
import net.java.ao.EntityManager;
import net.java.ao.EntityManagerConfiguration;
import net.java.ao.SchemaConfiguration;
import net.java.ao.atlassian.AtlassianFieldNameConverter;
import net.java.ao.atlassian.AtlassianIndexNameConverter;
import net.java.ao.atlassian.AtlassianSequenceNameConverter;
import net.java.ao.atlassian.AtlassianTableNameConverter;
import net.java.ao.atlassian.AtlassianTriggerNameConverter;
import net.java.ao.atlassian.AtlassianUniqueNameConverter;
import net.java.ao.builder.DelegatingDisposableDataSourceHandler;
import net.java.ao.builder.SimpleNameConverters;
import net.java.ao.db.HSQLDatabaseProvider;
import net.java.ao.db.PostgreSQLDatabaseProvider;
import net.java.ao.schema.NameConverters;
import net.java.ao.schema.info.CachingEntityInfoResolverFactory;
import net.java.ao.schema.info.EntityInfoResolverFactory;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A database driven by the real {@code net.java.ao} ORM with the same naming rules as Active Objects inside Jira and
 * Confluence: table names {@code AO_<6 hex>_ENTITY_NAME}, upper-case underscore column names, and the 30-character
 * limits of the {@code net.java.ao.atlassian} converters. Two kinds:
 * <ul>
 *   <li><b>HSQLDB 2.7</b>, embedded ({@link #openFile}, {@link #openInMemory}). ARCHITECTURE.md §4 records that the
 *       3.2.11 ORM works on HSQLDB file databases and H2 1.4, but not on H2 2.x. One JDBC connection is held open for
 *       the lifetime of this object: without a live connection HSQLDB ({@code shutdown=true}) would close and reopen
 *       the files whenever the pool let its last connection go.</li>
 *   <li><b>PostgreSQL</b> by URL, user and password ({@link #openPostgres}): an external server, or the one the build
 *       starts itself ({@code dev.failforward.host.db.EmbeddedPostgres}). Table and column names are the same; AO
 *       quotes them on PostgreSQL, so they are upper case there too.</li>
 * </ul>
 *
 * <p>Connections come from a HikariCP pool ({@link Options#poolSize()}, 0 = none: a new connection per ORM
 * operation), so a request that finds every connection busy waits at most {@link Options#connectionTimeout()} and then
 * fails instead of queueing for ever. On PostgreSQL every pooled connection also gets {@code lock_timeout},
 * {@code statement_timeout} and {@code idle_in_transaction_session_timeout}: no statement waits on a lock, runs, or
 * leaves a transaction open without bound. HSQLDB has no such per-session settings.
 *
 * <p>The HSQLDB file database syncs its log to disk on every commit ({@link Options#hsqldbWriteDelayMillis()} 0), so
 * an acknowledged write survives {@code kill -9} and no id is handed out twice, and uses the {@code MVCC} transaction
 * model: readers never wait, writers wait only for the rows they change. HSQLDB's own {@code LOCKS} model locked whole
 * tables until commit, which with the ORM's synchronized insert on HSQLDB made two writers deadlock for good (see the
 * README's database section for the measurements behind the choice).
 */
public final class AoDatabase implements AutoCloseable {

    /** Which database this is. */
    public enum Kind { HSQLDB, POSTGRESQL }

    /** HSQLDB's transaction models ({@code SET DATABASE TRANSACTION CONTROL}). */
    public enum HsqldbTxMode { LOCKS, MVLOCKS, MVCC }

    /**
     * How a database is opened. {@link #defaults()}: a pool of 10 connections waited for at most 5 s; on PostgreSQL
     * {@code lock_timeout} 5 s, {@code statement_timeout} 15 s, {@code idle_in_transaction_session_timeout} 60 s;
     * on HSQLDB the {@code MVCC} transaction model and the log synced on every commit. A zero timeout means "no limit",
     * as in PostgreSQL.
     *
     * @param poolSize                 maximum pooled connections; 0 = no pool, a new connection per ORM operation
     * @param connectionTimeout        how long a caller waits for a pooled connection (at least 250 ms with a pool)
     * @param lockTimeout              PostgreSQL {@code lock_timeout} (HSQLDB's sessions never wait for locks: see
     *                                 {@link HsqldbSessions})
     * @param statementTimeout         PostgreSQL {@code statement_timeout}; on HSQLDB every statement's query timeout
     * @param idleInTransactionTimeout PostgreSQL {@code idle_in_transaction_session_timeout}
     * @param hsqldbTxMode             HSQLDB transaction model
     * @param hsqldbWriteDelayMillis   HSQLDB file databases: log sync delay after a commit; 0 = sync every commit
     * @param schema                   PostgreSQL schema of the tables ({@code public} by default)
     */
    public record Options(int poolSize, Duration connectionTimeout, Duration lockTimeout, Duration statementTimeout,
                          Duration idleInTransactionTimeout, HsqldbTxMode hsqldbTxMode, int hsqldbWriteDelayMillis,
                          String schema) {

        public Options {
            if (poolSize < 0) {
                throw new IllegalArgumentException("poolSize must not be negative: " + poolSize);
            }
            Objects.requireNonNull(connectionTimeout, "connectionTimeout");
            Objects.requireNonNull(lockTimeout, "lockTimeout");
            Objects.requireNonNull(statementTimeout, "statementTimeout");
            Objects.requireNonNull(idleInTransactionTimeout, "idleInTransactionTimeout");
            Objects.requireNonNull(hsqldbTxMode, "hsqldbTxMode");
            Objects.requireNonNull(schema, "schema");
            for (Duration d : new Duration[] {connectionTimeout, lockTimeout, statementTimeout, idleInTransactionTimeout}) {
                if (d.isNegative()) {
                    throw new IllegalArgumentException("timeouts must not be negative: " + d);
                }
            }
            if (poolSize > 0 && connectionTimeout.toMillis() < 250) {
                throw new IllegalArgumentException("connectionTimeout must be at least 250 ms with a pool: " + connectionTimeout);
            }
            if (hsqldbWriteDelayMillis < 0) {
                throw new IllegalArgumentException("hsqldbWriteDelayMillis must not be negative: " + hsqldbWriteDelayMillis);
            }
            if (!schema.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not a schema name: " + schema);
            }
        }

        public static Options defaults() {
            return new Options(10, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(15),
                    Duration.ofSeconds(60), HsqldbTxMode.MVCC, 0, "public");
        }

        public Options withPoolSize(int size) {
            return new Options(size, connectionTimeout, lockTimeout, statementTimeout, idleInTransactionTimeout,
                    hsqldbTxMode, hsqldbWriteDelayMillis, schema);
        }

        public Options withConnectionTimeout(Duration timeout) {
            return new Options(poolSize, timeout, lockTimeout, statementTimeout, idleInTransactionTimeout,
                    hsqldbTxMode, hsqldbWriteDelayMillis, schema);
        }

        public Options withLockTimeout(Duration timeout) {
            return new Options(poolSize, connectionTimeout, timeout, statementTimeout, idleInTransactionTimeout,
                    hsqldbTxMode, hsqldbWriteDelayMillis, schema);
        }

        public Options withStatementTimeout(Duration timeout) {
            return new Options(poolSize, connectionTimeout, lockTimeout, timeout, idleInTransactionTimeout,
                    hsqldbTxMode, hsqldbWriteDelayMillis, schema);
        }

        public Options withIdleInTransactionTimeout(Duration timeout) {
            return new Options(poolSize, connectionTimeout, lockTimeout, statementTimeout, timeout,
                    hsqldbTxMode, hsqldbWriteDelayMillis, schema);
        }

        public Options withHsqldbTxMode(HsqldbTxMode mode) {
            return new Options(poolSize, connectionTimeout, lockTimeout, statementTimeout, idleInTransactionTimeout,
                    mode, hsqldbWriteDelayMillis, schema);
        }

        public Options withHsqldbWriteDelayMillis(int millis) {
            return new Options(poolSize, connectionTimeout, lockTimeout, statementTimeout, idleInTransactionTimeout,
                    hsqldbTxMode, millis, schema);
        }

        public Options withSchema(String name) {
            return new Options(poolSize, connectionTimeout, lockTimeout, statementTimeout, idleInTransactionTimeout,
                    hsqldbTxMode, hsqldbWriteDelayMillis, name);
        }
    }

    private final Kind kind;
    private final String url;
    private final String tablePrefix;
    private final Options options;
    /** HSQLDB only: keeps the database open between pooled connections, and runs SHUTDOWN on close. */
    private final Connection keepAlive;
    private final DisposableDataSource dataSource;
    private final EntityManager entityManager;
    private final EntityManagerActiveObjects activeObjects;

    private AoDatabase(Kind kind, String url, String user, String password, String namespace, Options options)
            throws SQLException {
        this.kind = kind;
        this.url = url;
        this.options = options;
        this.tablePrefix = tablePrefixFor(namespace);
        this.keepAlive = kind == Kind.HSQLDB ? DriverManager.getConnection(url, user, password) : null;
        if (keepAlive != null) {
            try (Statement statement = keepAlive.createStatement()) {
                statement.execute("SET DATABASE TRANSACTION CONTROL " + options.hsqldbTxMode().name());
            } catch (SQLException e) {
                keepAlive.close();
                throw e;
            }
        }
        DisposableDataSource pooled;
        try {
            pooled = dataSource(kind, url, user, password, options);
        } catch (RuntimeException e) {
            if (keepAlive != null) {
                keepAlive.close();
            }
            throw e;
        }
        this.dataSource = pooled;
        DatabaseProvider provider = kind == Kind.POSTGRESQL
                ? new PostgreSQLDatabaseProvider(pooled, options.schema())
                : new HSQLDatabaseProvider(pooled, null);
        this.entityManager = new EntityManager(provider, new AtlassianNaming(tablePrefix));
        this.activeObjects = new EntityManagerActiveObjects(entityManager);
    }

    // ----- opening -----

    /** Opens (or creates) an HSQLDB file database in {@code directory} with {@link Options#defaults()}. */
    public static AoDatabase openFile(Path directory, String namespace) {
        return openFile(directory, namespace, Options.defaults());
    }

    /** Opens (or creates) an HSQLDB file database in {@code directory}; the data survives restarts. */
    public static AoDatabase openFile(Path directory, String namespace, Options options) {
        Objects.requireNonNull(directory, "directory");
        // After a kill -9 the lock file still holds the dead process's heartbeat, which HSQLDB honours for up to 10 s
        // ("lock acquisition failure"): a restart within that time waits for it to go stale instead of failing. A
        // process that is alive keeps its heartbeat fresh, so this still fails, after the wait, while it runs.
        long giveUpAt = System.nanoTime() + HSQLDB_STALE_LOCK_WAIT.toNanos();
        while (true) {
            try {
                Files.createDirectories(directory);
                return new AoDatabase(Kind.HSQLDB, "jdbc:hsqldb:file:" + directory.toAbsolutePath().resolve("failforward")
                        + ";shutdown=true;hsqldb.write_delay_millis=" + options.hsqldbWriteDelayMillis(), "SA", "",
                        namespace, options);
            } catch (java.io.IOException | SQLException | RuntimeException e) {
                if (!heldByLockFile(e) || System.nanoTime() > giveUpAt) {
                    throw new IllegalStateException("Cannot open the database in " + directory + ": " + e.getMessage(),
                            e);
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the database lock in " + directory, e);
            }
        }
    }

    /** How long {@link #openFile} waits for a dead process's HSQLDB lock to go stale (its heartbeat counts 10 s). */
    private static final java.time.Duration HSQLDB_STALE_LOCK_WAIT = java.time.Duration.ofSeconds(20);

    private static boolean heldByLockFile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("lock acquisition failure")) {
                return true;
            }
        }
        return false;
    }

    /** Opens a private in-memory HSQLDB database, gone when closed, with {@link Options#defaults()}. */
    public static AoDatabase openInMemory(String name, String namespace) {
        return openInMemory(name, namespace, Options.defaults());
    }

    /** Opens a private in-memory HSQLDB database, gone when closed. */
    public static AoDatabase openInMemory(String name, String namespace, Options options) {
        try {
            return new AoDatabase(Kind.HSQLDB, "jdbc:hsqldb:mem:" + name + ";shutdown=true", "SA", "", namespace, options);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the in-memory database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Opens a PostgreSQL database ({@code jdbc:postgresql://host:port/db}) with {@link Options#defaults()}. */
    public static AoDatabase openPostgres(String url, String user, String password, String namespace) {
        return openPostgres(url, user, password, namespace, Options.defaults());
    }

    /**
     * Opens a PostgreSQL database ({@code jdbc:postgresql://host:port/db}). The tables are created by
     * {@link EntityManagerActiveObjects#migrate} in {@link Options#schema()}, which must exist. {@code user} and
     * {@code password} may be null when the URL carries them.
     */
    public static AoDatabase openPostgres(String url, String user, String password, String namespace, Options options) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + url);
        }
        try {
            return new AoDatabase(Kind.POSTGRESQL, url, user, password, namespace, options);
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("Cannot open the PostgreSQL database " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * The pool (or, with {@code poolSize} 0, a data source that opens a connection per call), as the ORM's
     * {@link DisposableDataSource}: disposing it closes the pool.
     */
    private static DisposableDataSource dataSource(Kind kind, String url, String user, String password, Options options) {
        if (options.poolSize() == 0) {
            DataSource unpooled = new UnpooledDataSource(url, user, password,
                    kind == Kind.POSTGRESQL ? sessionSql(options) : null);
            return DelegatingDisposableDataSourceHandler.newInstance(kind == Kind.HSQLDB
                    ? HsqldbSessions.wrap(unpooled, options.statementTimeout()) : unpooled, () -> { });
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("failforward-ao-" + kind.name().toLowerCase(Locale.ROOT));
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(options.poolSize());
        config.setMinimumIdle(Math.min(2, options.poolSize()));
        config.setConnectionTimeout(options.connectionTimeout().toMillis());
        config.setInitializationFailTimeout(options.connectionTimeout().toMillis());
        if (kind == Kind.POSTGRESQL) {
            config.setConnectionInitSql(sessionSql(options));
        }
        HikariDataSource pool = new HikariDataSource(config);
        DataSource bounded = kind == Kind.HSQLDB ? HsqldbSessions.wrap(pool, options.statementTimeout()) : pool;
        return DelegatingDisposableDataSourceHandler.newInstance(bounded, pool::close);
    }

    /** The bounded waits every PostgreSQL session gets (milliseconds; 0 = no limit). */
    private static String sessionSql(Options options) {
        return "SET lock_timeout = " + options.lockTimeout().toMillis()
                + "; SET statement_timeout = " + options.statementTimeout().toMillis()
                + "; SET idle_in_transaction_session_timeout = " + options.idleInTransactionTimeout().toMillis();
    }

    /**
     * Without a pool: a new connection per call, with the PostgreSQL session settings applied before the ORM sees it.
     * User and password may be null (then the URL carries them).
     */
    private record UnpooledDataSource(String url, String user, String password, String sessionSql) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return getConnection(user, password);
        }

        @Override
        public Connection getConnection(String username, String pass) throws SQLException {
            java.util.Properties properties = new java.util.Properties();
            if (username != null) {
                properties.setProperty("user", username);
            }
            if (pass != null) {
                properties.setProperty("password", pass);
            }
            Connection connection = DriverManager.getConnection(url, properties);
            if (sessionSql != null) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sessionSql);
                } catch (SQLException e) {
                    connection.close();
                    throw e;
                }
            }
            return connection;
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return DriverManager.getLogWriter();
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
            DriverManager.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
            throw new java.sql.SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    /** The Atlassian name converters with the plugin's table prefix, as Active Objects configures them in the products. */
    private record AtlassianNaming(String tablePrefix) implements EntityManagerConfiguration {
        @Override
        @SuppressWarnings("deprecation")
        public boolean useWeakCache() {
            return false;
        }

        @Override
        public NameConverters getNameConverters() {
            return new SimpleNameConverters(new AtlassianTableNameConverter(tableName -> tablePrefix + tableName),
                    new AtlassianFieldNameConverter(), new AtlassianSequenceNameConverter(),
                    new AtlassianTriggerNameConverter(), new AtlassianIndexNameConverter(),
                    new AtlassianUniqueNameConverter());
        }

        @Override
        public SchemaConfiguration getSchemaConfiguration() {
            return new DefaultSchemaConfiguration();
        }

        @Override
        public EntityInfoResolverFactory getEntityInfoResolverFactory() {
            return FACTORY;
        }

        private static final EntityInfoResolverFactory FACTORY = new CachingEntityInfoResolverFactory();
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

    // ----- use -----

    public EntityManagerActiveObjects activeObjects() {
        return activeObjects;
    }

    public String tablePrefix() {
        return tablePrefix;
    }

    public String url() {
        return url;
    }

    public Kind kind() {
        return kind;
    }

    public Options options() {
        return options;
    }

    /**
     * The ORM's connections (pooled, with the session settings), for SQL the ORM does not write: schema checks in
     * tests, measurements. Close what you take.
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Closes the pool; on HSQLDB then checkpoints and closes the database files. */
    @Override
    public void close() {
        try {
            dataSource.dispose();
        } finally {
            if (keepAlive != null) {
                try (Statement statement = keepAlive.createStatement()) {
                    statement.execute("SHUTDOWN");
                } catch (SQLException e) {
                    // 08xxx: the connection is gone, the database already shut down (another AoDatabase on the same
                    // in-memory database, a test cluster's second node, closed it first)
                    if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                        return;
                    }
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
    }
}

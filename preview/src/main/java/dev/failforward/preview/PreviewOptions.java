package dev.failforward.preview;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Command-line options of the preview: {@code --port N} (default 8080, 0 = any free port), {@code --data DIR}
 * (default {@code .preview-data}; created on first start, kept across restarts) and, for a PostgreSQL of your own
 * instead of the embedded database, {@code --db-url jdbc:postgresql://HOST:PORT/DB} with {@code --db-user} and
 * {@code --db-password} (or the environment variable {@code FAILFORWARD_DB_PASSWORD}, which {@code ps} does not show).
 *
 * <p>{@code --node-id ID} names this preview as a node of a Data Center cluster (default {@value #DEFAULT_NODE}): two
 * previews started with the same {@code --db-url} and different node ids share one database as Jira's nodes do, with
 * cluster locks, run-once jobs and plugin settings in that database. {@code --shared-home DIR} is the directory the
 * nodes share, as a Jira cluster shares its shared home (default: the node's {@code --data} directory); the pulse's
 * keys live in its {@code secrets} directory, so nodes of one cluster must be given the same one.
 *
 * @param database the external database, or {@code null} for the embedded one in {@code dataDirectory}
 * @param nodeId   this node's id in the cluster (letters, digits, {@code . _ -}, at most 64)
 * <p>{@code --embedded-db postgres|hsqldb} chooses the embedded database when there is no {@code --db-url}. By default
 * it is a PostgreSQL the preview starts itself from the binaries in its {@code lib} ({@code DATA/postgres}), where it
 * can run (Linux x86-64; as root, a data directory {@code nobody} can reach); elsewhere, or for data an earlier
 * preview left in {@code DATA/db}, the in-process HSQLDB. The README's load numbers say why.
 *
 * @param sharedHome the directory shared by the cluster's nodes
 * @param embedded   which embedded database (ignored with an external one)
 */
public record PreviewOptions(int port, Path dataDirectory, ExternalDatabase database, String nodeId, Path sharedHome,
                             Embedded embedded) {

    /** The embedded database. */
    public enum Embedded {
        /** PostgreSQL where it can run and no HSQLDB data is in DATA/db; else HSQLDB (the command line's default). */
        DEFAULT,
        /** PostgreSQL in DATA/postgres; the start fails where it cannot run. */
        POSTGRES,
        /** HSQLDB in DATA/db, in this process. */
        HSQLDB
    }

    /**
     * Options whose shared home is the data directory (one node, or nodes that only share the database), on the
     * in-process HSQLDB unless {@code database} is given: what the tests that start many previews use.
     */
    public PreviewOptions(int port, Path dataDirectory, ExternalDatabase database, String nodeId) {
        this(port, dataDirectory, database, nodeId, dataDirectory, Embedded.HSQLDB);
    }

    /** As above, with a shared home of its own. */
    public PreviewOptions(int port, Path dataDirectory, ExternalDatabase database, String nodeId, Path sharedHome) {
        this(port, dataDirectory, database, nodeId, sharedHome, Embedded.HSQLDB);
    }

    /**
     * A PostgreSQL database the preview uses instead of its embedded one. User and password may be {@code null} when
     * the URL carries them ({@code ?user=…&password=…}).
     */
    public record ExternalDatabase(String url, String user, String password) {
        public ExternalDatabase {
            if (url == null || !url.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("--db-url must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE): "
                        + url);
            }
        }

        /** The URL without its query string, where a password may be: for messages. */
        public String describe() {
            int query = url.indexOf('?');
            return (query < 0 ? url : url.substring(0, query)) + (user == null ? "" : " as " + user);
        }

        @Override
        public String toString() {
            return "ExternalDatabase[" + describe() + "]";
        }
    }

    public static final String PASSWORD_ENVIRONMENT = "FAILFORWARD_DB_PASSWORD";

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_NODE = "node-1";
    private static final java.util.regex.Pattern NODE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final Path DEFAULT_DATA = Path.of(".preview-data");

    public static final String USAGE = """
            Usage: java -jar preview/target/fail-forward-preview.jar [--port N] [--data DIR]
                                 [--db-url jdbc:postgresql://HOST:PORT/DB --db-user USER --db-password PASSWORD]
              --port N           HTTP port (default 8080; 0 picks a free port)
              --data DIR         directory of the embedded database (default .preview-data); created on first start,
                                 kept across restarts
              --db-url URL       use this PostgreSQL database instead of the embedded one (its tables are created there)
              --db-user USER     its user (unless the URL names it)
              --db-password PW   its password (or set FAILFORWARD_DB_PASSWORD, which ps does not show)
              --node-id ID       this preview's node id in a cluster (default node-1); start a second preview with the
                                 same --db-url and another --node-id to run two nodes on one database
              --shared-home DIR  the directory the cluster's nodes share, like Jira's shared home (default: --data);
                                 give two nodes the same one (the pulse's keys live in DIR/secrets)
              --embedded-db E    without --db-url: postgres (a PostgreSQL 17 the preview starts in DIR/postgres) or
                                 hsqldb (in-process, DIR/db); default postgres where it can run (Linux x86-64),
                                 hsqldb elsewhere or when DIR/db holds an earlier preview's data
              --help             show this help""";

    public PreviewOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535: " + port);
        }
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(sharedHome, "sharedHome");
        Objects.requireNonNull(embedded, "embedded");
        if (!NODE_ID.matcher(nodeId).matches()) {
            throw new IllegalArgumentException("--node-id must be 1 to 64 letters, digits, '.', '_' or '-': " + nodeId);
        }
    }

    /** The embedded database in {@code dataDirectory}. */
    public PreviewOptions(int port, Path dataDirectory) {
        this(port, dataDirectory, null);
    }

    /** One node ({@value #DEFAULT_NODE}). */
    public PreviewOptions(int port, Path dataDirectory, ExternalDatabase database) {
        this(port, dataDirectory, database, DEFAULT_NODE);
    }

    /** Parses the arguments, with the password from {@value #PASSWORD_ENVIRONMENT} when it is not given. */
    public static PreviewOptions parse(List<String> args) {
        return parse(args, System.getenv(PASSWORD_ENVIRONMENT));
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} naming the option for bad input. */
    static PreviewOptions parse(List<String> args, String passwordFromEnvironment) {
        int port = DEFAULT_PORT;
        Path data = DEFAULT_DATA;
        String dbUrl = null;
        String dbUser = null;
        String dbPassword = null;
        String nodeId = DEFAULT_NODE;
        Path sharedHome = null;
        Embedded embedded = Embedded.DEFAULT;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (option) {
                case "--port" -> {
                    String value = inline != null ? inline : value(args, ++i, "--port");
                    try {
                        port = Integer.parseInt(value.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port must be a number: " + value);
                    }
                }
                case "--data" -> {
                    String value = inline != null ? inline : value(args, ++i, "--data");
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--data must name a directory");
                    }
                    data = Path.of(value);
                }
                case "--db-url" -> dbUrl = inline != null ? inline : value(args, ++i, "--db-url");
                case "--db-user" -> dbUser = inline != null ? inline : value(args, ++i, "--db-user");
                case "--db-password" -> dbPassword = inline != null ? inline : value(args, ++i, "--db-password");
                case "--node-id" -> nodeId = inline != null ? inline : value(args, ++i, "--node-id");
                case "--embedded-db" -> {
                    String value = inline != null ? inline : value(args, ++i, "--embedded-db");
                    embedded = switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                        case "postgres", "postgresql" -> Embedded.POSTGRES;
                        case "hsqldb" -> Embedded.HSQLDB;
                        default -> throw new IllegalArgumentException("--embedded-db must be postgres or hsqldb: " + value);
                    };
                }
                case "--shared-home" -> {
                    String value = inline != null ? inline : value(args, ++i, "--shared-home");
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--shared-home must name a directory");
                    }
                    sharedHome = Path.of(value);
                }
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        if (dbUrl == null) {
            if (dbUser != null || dbPassword != null) {
                throw new IllegalArgumentException("--db-user and --db-password need --db-url");
            }
            return new PreviewOptions(port, data, null, nodeId, sharedHome == null ? data : sharedHome, embedded);
        }
        if (dbPassword == null && passwordFromEnvironment != null && !passwordFromEnvironment.isEmpty()) {
            dbPassword = passwordFromEnvironment;
        }
        return new PreviewOptions(port, data, new ExternalDatabase(dbUrl, dbUser, dbPassword), nodeId,
                sharedHome == null ? data : sharedHome, embedded);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}

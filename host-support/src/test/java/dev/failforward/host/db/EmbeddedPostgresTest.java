package dev.failforward.host.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher on real PostgreSQL 17 binaries: settings, user, restarts, a killed JVM, a leftover server. */
class EmbeddedPostgresTest {

    private Path directory;

    @BeforeEach
    void directory() throws IOException {
        // not @TempDir: that is private to this user (rwx------), and under root the server's user must enter it
        directory = Files.createTempDirectory("embedded-postgres-test-");
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void delete() throws IOException {
        PostgresBinaries.deleteRecursively(directory);
    }

    @Test
    void runsDurablyOnLoopbackAsAnUnprivilegedUserAndKeepsItsDataAcrossRestarts() throws Exception {
        long firstPid;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder(directory).syncInitdb(false).start()) {
            firstPid = pg.pid();
            try (Connection c = pg.connect(EmbeddedPostgres.DEFAULT_DATABASE); Statement s = c.createStatement()) {
                assertThat(show(s, "fsync")).isEqualTo("on");
                assertThat(show(s, "synchronous_commit")).isEqualTo("on");
                assertThat(show(s, "full_page_writes")).isEqualTo("on");
                assertThat(show(s, "listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(show(s, "unix_socket_directories")).isEmpty();
                assertThat(show(s, "server_encoding")).isEqualTo("UTF8");
                assertThat(show(s, "server_version")).startsWith("17.");
                // the builtin C.UTF-8 provider lower-cases beyond ASCII
                assertThat(query(s, "SELECT LOWER('ÄÖÜ Straße')")).isEqualTo("äöü straße");
                s.execute("CREATE TABLE kept (id INT PRIMARY KEY, note TEXT)");
                s.execute("INSERT INTO kept VALUES (1, 'survives a restart')");
            }
            assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + pg.port() + "/failforward");
            int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            int serverUid = (Integer) Files.getAttribute(Path.of("/proc", Long.toString(pg.pid())), "unix:uid");
            if (uid == 0) {
                assertThat(serverUid).as("the server never runs as root").isNotZero()
                        .isEqualTo(EmbeddedPostgres.ServerUser.lookup("nobody").uid());
            } else {
                assertThat(serverUid).isEqualTo(uid);
            }
            assertThat(Files.readString(directory.resolve("credentials"))).contains("password=" + pg.password());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("credentials"))))
                    .isEqualTo("rw-------");
        }
        assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).as("stopped by close()").isEmpty();
        assertThat(directory.resolve("pgdata/postmaster.pid")).doesNotExist();

        try (EmbeddedPostgres again = EmbeddedPostgres.start(directory);
             Connection c = again.connect(EmbeddedPostgres.DEFAULT_DATABASE); Statement s = c.createStatement()) {
            assertThat(query(s, "SELECT note FROM kept WHERE id = 1")).isEqualTo("survives a restart");
        }
    }

    @Test
    void createsDatabasesOnceAndRefusesBadNames() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder(directory).syncInitdb(false).start()) {
            pg.createDatabase("extra_1");
            pg.createDatabase("extra_1");
            try (Connection c = pg.connect("extra_1"); Statement s = c.createStatement()) {
                assertThat(query(s, "SELECT current_database()")).isEqualTo("extra_1");
            }
            assertThatThrownBy(() -> pg.createDatabase("x; DROP DATABASE failforward"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> EmbeddedPostgres.builder(directory).setting("fsync", "off"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fsync stays on");
        }
    }

    @Test
    void aSecondLauncherOnTheSameDirectoryIsRefusedWhileTheFirstRuns() {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder(directory).syncInitdb(false).start()) {
            assertThatThrownBy(() -> EmbeddedPostgres.start(directory))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use by another process");
            assertThat(ProcessHandle.of(pg.pid()).filter(ProcessHandle::isAlive)).isPresent();
        }
    }

    @Test
    void everyWriteAcknowledgedBeforeTheJvmWasKilledWithSigkillIsThereAfterTheRestart() throws Exception {
        // initialise (with sync, as the preview does) and stop cleanly
        EmbeddedPostgres.start(directory).close();
        Process child = new ProcessBuilder(javaCommand(CrashChild.class.getName(), directory.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Integer> acknowledged = new ArrayList<>();
        long serverPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).as("the child reports its server").startsWith("pid ");
            serverPid = Long.parseLong(first.substring(4));
            String line;
            while (acknowledged.size() < 200 && (line = out.readLine()) != null) {
                acknowledged.add(Integer.parseInt(line));
            }
            child.destroyForcibly(); // SIGKILL, while the child keeps writing
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).hasSize(200);

        try (EmbeddedPostgres pg = EmbeddedPostgres.start(directory);
             Connection c = pg.connect(EmbeddedPostgres.DEFAULT_DATABASE); Statement s = c.createStatement()) {
            // the old server got a fast shutdown when its JVM died (or was stopped by this start): gone, or going
            ProcessHandle.of(serverPid).ifPresent(old -> old.onExit().orTimeout(10, TimeUnit.SECONDS).join());
            assertThat(ProcessHandle.of(serverPid).filter(ProcessHandle::isAlive)).as("the old server is gone").isEmpty();
            List<Integer> stored = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM acked")) {
                while (rs.next()) {
                    stored.add(rs.getInt(1));
                }
            }
            assertThat(stored).containsAll(acknowledged);
        }
    }

    @Test
    void aServerLeftRunningOnTheDataDirectoryIsStoppedAndAStalePidFileRemoved() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder(directory).syncInitdb(false).start();
             Connection c = pg.connect(EmbeddedPostgres.DEFAULT_DATABASE); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (id INT)");
            s.execute("INSERT INTO kept VALUES (7)");
        }
        // a postmaster no launcher owns: started by hand without the parent-death signal, as if its JVM had died
        Process orphan = startUnownedPostmaster(directory);
        try {
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder(directory).startTimeout(Duration.ofSeconds(60)).start();
                 Connection c = pg.connect(EmbeddedPostgres.DEFAULT_DATABASE); Statement s = c.createStatement()) {
                assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).as("the leftover server was stopped").isTrue();
                assertThat(pg.pid()).isNotEqualTo(orphan.pid());
                assertThat(query(s, "SELECT id FROM kept")).isEqualTo("7");
            }
        } finally {
            orphan.destroyForcibly();
        }

        // a postmaster.pid naming a live process that is not a server on this directory (here: this JVM)
        Files.writeString(directory.resolve("pgdata/postmaster.pid"), ProcessHandle.current().pid() + "\n"
                + directory.resolve("pgdata") + "\n");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(directory);
             Connection c = pg.connect(EmbeddedPostgres.DEFAULT_DATABASE); Statement s = c.createStatement()) {
            assertThat(query(s, "SELECT id FROM kept")).isEqualTo("7");
        }
    }

    @Test
    void aDirectoryTheServerUserCannotEnterIsNamedInTheError() throws Exception {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (uid != 0) {
            return; // only root hands the server to another user
        }
        Path closed = directory.resolve("closed");
        Files.createDirectories(closed.resolve("pg"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        assertThatThrownBy(() -> EmbeddedPostgres.start(closed.resolve("pg")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot enter " + closed);
    }

    /** What a JVM that is killed does: start the server, then insert rows and print each id once committed. */
    public static final class CrashChild {
        public static void main(String[] args) throws SQLException {
            EmbeddedPostgres pg = EmbeddedPostgres.start(Path.of(args[0]));
            System.out.println("pid " + pg.pid());
            System.out.flush();
            try (Connection c = pg.connect(EmbeddedPostgres.DEFAULT_DATABASE); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS acked (id INT PRIMARY KEY)");
                for (int id = 1; ; id++) {
                    s.executeUpdate("INSERT INTO acked VALUES (" + id + ")"); // auto-commit: returns once durable
                    System.out.println(id);
                    System.out.flush();
                }
            }
        }
    }

    private static Process startUnownedPostmaster(Path directory) throws Exception {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        Path home = PostgresBinaries.unpack(PostgresBinaries.defaultCache(uid), uid);
        List<String> command = new ArrayList<>();
        if (uid == 0) {
            EmbeddedPostgres.ServerUser user = EmbeddedPostgres.ServerUser.lookup("nobody");
            command.addAll(List.of("setpriv", "--reuid=" + user.uid(), "--regid=" + user.gid(), "--clear-groups", "--"));
        }
        command.addAll(List.of(home.resolve("bin/postgres").toString(), "-D", directory.resolve("pgdata").toString(),
                "-p", Integer.toString(freePort()), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="));
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(directory.resolve("orphan.log").toFile()).start();
        Path pidFile = directory.resolve("pgdata/postmaster.pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<String> status = Files.exists(pidFile)
                    ? Files.readAllLines(pidFile).stream().skip(7).findFirst() : Optional.empty();
            if (status.map(String::trim).filter("ready"::equals).isPresent()) {
                return process;
            }
            assertThat(process.isAlive()).as("the unowned postmaster starts: " + Files.readString(
                    directory.resolve("orphan.log"))).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("the unowned postmaster did not become ready");
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static String show(Statement s, String setting) throws SQLException {
        return query(s, "SHOW " + setting);
    }

    private static String query(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}

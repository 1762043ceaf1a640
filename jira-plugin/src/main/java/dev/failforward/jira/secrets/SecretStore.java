package dev.failforward.jira.secrets;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Where the plugin keeps secrets: keys that must never be in the database, its log, its backups or the plugin
 * settings (which Jira keeps in the database), must be the same on every node of a cluster, and must survive a
 * restart. Secrets are small byte strings under a name of lower-case letters, digits, {@code .}, {@code _} and
 * {@code -}; a secret, once stored, is never replaced, only deleted.
 *
 * <p>Implementations: {@link SharedHomeSecretStore} on Jira 11 (a file per secret in the shared home, readable by
 * the product's OS user only) and {@link FileSecretStore} in the preview (its data directory). Jira 12 and
 * Confluence 11 bring Atlassian's Plugin Secrets Service (developer.atlassian.com, "Plugin Secrets", Jira Data Center
 * 12.0 and later); moving to it is a third implementation of this interface. What it must provide: a cluster-wide
 * "store unless present" ({@link #putIfAbsent}) and a listing ({@link #names}) — whether the service has both, or
 * needs a cluster lock and an index secret to build them, is not checked here [U].
 */
public interface SecretStore {

    /** The secret stored under {@code name}, if any. */
    Optional<byte[]> get(String name);

    /**
     * Stores {@code value} under {@code name} unless a secret of that name exists, atomically for the whole cluster,
     * and returns what is stored under the name afterwards: {@code value}, or the secret another caller (another
     * node) stored first.
     */
    byte[] putIfAbsent(String name, byte[] value);

    /** Deletes the secret; true when there was one. */
    boolean delete(String name);

    /** The names of the stored secrets that start with {@code prefix}, sorted. */
    List<String> names(String prefix);

    /** The secret under {@code name}; made of {@code length} bytes from {@link SecureRandom} when there is none yet. */
    default byte[] getOrCreate(String name, int length) {
        Optional<byte[]> existing = get(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] secret = new byte[length];
        new SecureRandom().nextBytes(secret);
        return putIfAbsent(name, secret);
    }

    /** Whether {@code name} is a valid secret name. */
    static boolean validName(String name) {
        return name != null && name.matches("[a-z0-9][a-z0-9._-]{0,99}");
    }

    /** {@code name}, or an {@link IllegalArgumentException} naming what a secret name may hold. */
    static String checkName(String name) {
        if (!validName(name)) {
            throw new IllegalArgumentException("a secret name is 1-100 lower-case letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit: " + name);
        }
        return name;
    }
}

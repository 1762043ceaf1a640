package dev.failforward.jira.pulse;

import dev.failforward.core.privacy.SealedBox;
import dev.failforward.jira.persistence.PulseWindow;
import dev.failforward.jira.secrets.SecretStore;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The pulse's keys, two per period, 32 random bytes each, kept in the {@link SecretStore} (never in the database or
 * the plugin settings):
 * <ul>
 * <li>{@code pulse-guard-START_END}: the key of the guard hash, HMAC-SHA256(key, user, project, period). Without it a
 * guard cannot be recomputed from a list of users. Destroyed once the period has ended (no answer for it is taken
 * any more).</li>
 * <li>{@code pulse-pool-START_END}: the key the period's scores are sealed under in the pool. Destroyed once the
 * period has ended and its pool is empty (every answer folded into the counts or withheld).</li>
 * </ul>
 * One key per period, destroyed after it, gives forward secrecy: a copy of the database, its log or a backup from a
 * closed period cannot be read or matched to people even by someone who later obtains the secret directory.
 *
 * <p><b>Migration.</b> Earlier versions kept one guard key for ever in the plugin settings, that is in Jira's
 * database. At the first use, if that key is still there, it becomes the guard key of the current period — but only
 * when guards of the current period exist (written with it before the upgrade), so that those people are still
 * refused a second answer — and is then removed from the plugin settings. Every later period gets a new key. The old
 * key stays in database backups taken before the upgrade; with it, someone can tell who answered in the upgrade's
 * period, never what (the scores of that period are sealed under a new pool key).
 */
final class PulseKeys {

    static final String GUARD_PREFIX = "pulse-guard-";
    static final String POOL_PREFIX = "pulse-pool-";
    static final int KEY_BYTES = 32;

    private final SecretStore secrets;
    private final PulseSettings settings;

    PulseKeys(SecretStore secrets, PulseSettings settings) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The period's guard key, made on first use. {@code legacyGuardsExist} says whether guards of this period are in
     * the database already (asked only when a legacy key waits to be migrated).
     */
    byte[] guardKey(PulseWindow window, BooleanSupplier legacyGuardsExist) {
        String name = GUARD_PREFIX + window.suffix();
        Optional<byte[]> key = secrets.get(name);
        if (key.isPresent()) {
            return key.get();
        }
        Optional<byte[]> legacy = settings.legacySecret();
        if (legacy.isPresent()) {
            byte[] stored = legacy.get().length >= KEY_BYTES && legacyGuardsExist.getAsBoolean()
                    ? secrets.putIfAbsent(name, legacy.get()) : secrets.getOrCreate(name, KEY_BYTES);
            settings.forgetLegacySecret();
            return stored;
        }
        return secrets.getOrCreate(name, KEY_BYTES);
    }

    /** The box that seals the period's scores, its key made on first use. */
    SealedBox poolBox(PulseWindow window) {
        return new SealedBox(secrets.getOrCreate(POOL_PREFIX + window.suffix(), KEY_BYTES));
    }

    /** The box of the period's existing pool key; empty when the key was destroyed or lost. */
    Optional<SealedBox> existingPoolBox(PulseWindow window) {
        return secrets.get(POOL_PREFIX + window.suffix()).filter(key -> key.length >= SealedBox.MIN_SECRET_BYTES)
                .map(SealedBox::new);
    }

    boolean destroyGuardKey(PulseWindow window) {
        return secrets.delete(GUARD_PREFIX + window.suffix());
    }

    boolean destroyPoolKey(PulseWindow window) {
        return secrets.delete(POOL_PREFIX + window.suffix());
    }

    /** The periods that have a guard key. */
    List<PulseWindow> guardKeyWindows() {
        return windows(GUARD_PREFIX);
    }

    /** The periods that have a pool key. */
    List<PulseWindow> poolKeyWindows() {
        return windows(POOL_PREFIX);
    }

    private List<PulseWindow> windows(String prefix) {
        List<PulseWindow> windows = new ArrayList<>();
        for (String name : secrets.names(prefix)) {
            String[] dates = name.substring(prefix.length()).split("_");
            try {
                if (dates.length == 2) {
                    windows.add(PulseWindow.of(dates[0], dates[1]));
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                // not one of ours
            }
        }
        return windows;
    }
}

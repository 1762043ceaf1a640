package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.sal.api.transaction.TransactionCallback;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A write transaction tried again when the database refused it for a passing reason ({@link DatabaseErrors#isTransient}:
 * a write conflict with another transaction, a deadlock victim, a lock timeout). The refused attempt rolled back whole,
 * the change and its change-log row together, so running it again cannot apply anything twice. After {@value #ATTEMPTS}
 * attempts the error goes to the caller (REST answers 503 with {@code Retry-After}).
 *
 * <p>Only for a transaction of its own: inside a caller's transaction, a refused statement has already doomed the
 * caller's work (on PostgreSQL the whole transaction is aborted), so the retry fails too and the caller decides.
 */
public final class Transactions {

    static final int ATTEMPTS = 4;

    private Transactions() {
    }

    public static <T> T write(ActiveObjects ao, TransactionCallback<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ao.executeInTransaction(work);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !DatabaseErrors.isTransient(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            // a few milliseconds, growing and jittered, so two writers that met do not meet again
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1L + 8L * attempt * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a database write", e);
        }
    }
}

package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Who opted in to the weekly digest ({@link DigestSubscriberEntity}). */
@Named
public class AoDigestSubscribers {

    private final ActiveObjects ao;

    @Inject
    public AoDigestSubscribers(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    public boolean subscribed(String userKey) {
        return ao.count(DigestSubscriberEntity.class, DigestSubscriberEntity.USER_KEY + " = ?", userKey) > 0;
    }

    /** Opts the user in or out; idempotent, also when two requests meet (the unique key keeps one row). */
    public void set(String userKey, boolean subscribed, Instant at) {
        Objects.requireNonNull(userKey, "userKey");
        if (!subscribed) {
            Transactions.write(ao, () -> ao.deleteWithSQL(DigestSubscriberEntity.class,
                    DigestSubscriberEntity.USER_KEY + " = ?", userKey));
            return;
        }
        Map<String, Object> row = new HashMap<>();
        row.put(DigestSubscriberEntity.USER_KEY, userKey);
        row.put(DigestSubscriberEntity.SUBSCRIBED_AT, Date.from(at));
        try {
            Transactions.write(ao, () -> {
                if (!subscribed(userKey)) {
                    ao.create(DigestSubscriberEntity.class, row);
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (!DatabaseErrors.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** Every subscriber's user key, in key order. */
    public List<String> all() {
        DigestSubscriberEntity[] rows = ao.find(DigestSubscriberEntity.class, Query.select()
                .order(DigestSubscriberEntity.USER_KEY + " ASC"));
        return Arrays.stream(rows).map(DigestSubscriberEntity::getUserKey).toList();
    }
}

package dev.failforward.jira.persistence;

import net.java.ao.EntityManager;
import net.java.ao.test.jdbc.DatabaseUpdater;

/** Every table of the descriptor's {@code <ao>} module, the KPI and pulse tables included. */
public final class KpiSchema implements DatabaseUpdater {
    @Override
    public void update(EntityManager entityManager) throws Exception {
        entityManager.migrate(FailureDbSchema.entities());
    }
}

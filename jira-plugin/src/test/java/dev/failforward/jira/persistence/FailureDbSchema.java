package dev.failforward.jira.persistence;

import net.java.ao.EntityManager;
import net.java.ao.test.jdbc.DatabaseUpdater;

/** The current failure-database tables, as the descriptor's {@code <ao>} module creates them. */
public final class FailureDbSchema implements DatabaseUpdater {
    @Override
    public void update(EntityManager entityManager) throws Exception {
        entityManager.migrate(FailureRecordEntity.class, LearningEntity.class, ActionItemEntity.class, WhyStepEntity.class);
    }
}

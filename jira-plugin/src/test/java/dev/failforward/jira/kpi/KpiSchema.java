package dev.failforward.jira.kpi;

import dev.failforward.jira.persistence.ActionItemEntity;
import dev.failforward.jira.persistence.FailureRecordEntity;
import dev.failforward.jira.persistence.LearningEntity;
import dev.failforward.jira.persistence.WhyStepEntity;
import dev.failforward.jira.pulse.PulseCountEntity;
import dev.failforward.jira.pulse.PulseGuardEntity;
import net.java.ao.EntityManager;
import net.java.ao.test.jdbc.DatabaseUpdater;

/** Every table of the descriptor's {@code <ao>} module, the KPI and pulse tables included. */
public final class KpiSchema implements DatabaseUpdater {
    @Override
    public void update(EntityManager entityManager) throws Exception {
        entityManager.migrate(FailureRecordEntity.class, LearningEntity.class, ActionItemEntity.class,
                WhyStepEntity.class, KpiEventEntity.class, KpiRollupEntity.class, PulseCountEntity.class,
                PulseGuardEntity.class);
    }
}

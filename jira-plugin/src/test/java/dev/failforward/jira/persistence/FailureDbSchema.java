package dev.failforward.jira.persistence;

import dev.failforward.host.ao.AoModule;
import net.java.ao.EntityManager;
import net.java.ao.test.jdbc.DatabaseUpdater;

/** Every table of the descriptor's {@code <ao>} module, read from {@code atlassian-plugin.xml}, as the product creates them. */
public final class FailureDbSchema implements DatabaseUpdater {
    @Override
    public void update(EntityManager entityManager) throws Exception {
        entityManager.migrate(entities());
    }

    public static Class<? extends net.java.ao.RawEntity<?>>[] entities() {
        return AoModule.entities(FailureDbSchema.class.getClassLoader(), "atlassian-plugin.xml");
    }
}

package dev.failforward.preview;

import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.ao.AoModule;
import dev.failforward.preview.jira.PreviewJira;

/** The preview's failure database made ready the way the product readies a plugin's Active Objects on enable. */
public final class PreviewDatabase {

    private PreviewDatabase() {
    }

    /**
     * What the Jira plugin's {@code <ao>} module makes the product do on enable: the upgrade tasks newer than the
     * database's model version, oldest first, then the entities' tables; plus the preview's own Jira tables.
     */
    public static void enable(AoDatabase database) {
        AoModule.enable(database, PreviewDatabase.class.getClassLoader(), "atlassian-plugin.xml",
                PreviewServices.JIRA_PLUGIN_KEY);
        database.activeObjects().migrate(PreviewJira.entity(), PreviewJira.taskEntity());
    }
}

package com.atlassian.activeobjects.external;

/**
 * Stand-in for {@code com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask} from
 * {@code com.atlassian.activeobjects:activeobjects-plugin} (Platform 8). Signature as in reference/atlassian-api.md
 * §2.1. Active Objects runs, in model-version order, every task declared in the {@code <ao>} module whose
 * {@link #getModelVersion()} is newer than the version the database is at, then records that version.
 */
public interface ActiveObjectsUpgradeTask {

    ModelVersion getModelVersion();

    void upgrade(ModelVersion currentVersion, ActiveObjects ao);
}

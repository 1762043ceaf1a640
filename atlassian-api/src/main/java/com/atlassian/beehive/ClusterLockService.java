package com.atlassian.beehive;

/**
 * Stand-in for {@code com.atlassian.beehive.ClusterLockService} ({@code @PublicApi}) from
 * {@code com.atlassian.beehive:beehive-api} (Platform 8; Jira 10.0 ships beehive 6.0.0 per Atlassian's
 * platform-module-usage wiki). Checked against beehive-api 5.0.1 (decompiled, ngannk-fptu/Decompiled-Files
 * {@code com.atlassian.beehive_beehive-api-5.0.1/com/atlassian/beehive/ClusterLockService.java}) and the beehive
 * Javadoc (docs.atlassian.com/beehive/0.1.3: lock names up to 255 characters, namespaced by the caller). Jira's own
 * {@code DefaultStatusManager} takes its creation lock the same way. Only the members Fail Forward calls.
 */
public interface ClusterLockService {
    ClusterLock getLockForName(String lockName);
}

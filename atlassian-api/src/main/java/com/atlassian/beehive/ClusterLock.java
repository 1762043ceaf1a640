package com.atlassian.beehive;

import java.util.concurrent.locks.Lock;

/**
 * Stand-in for {@code com.atlassian.beehive.ClusterLock} ({@code @PublicApi}) from
 * {@code com.atlassian.beehive:beehive-api}; checked against beehive-api 5.0.1 (decompiled, ngannk-fptu/Decompiled-Files
 * {@code com.atlassian.beehive_beehive-api-5.0.1/com/atlassian/beehive/ClusterLock.java}): it extends
 * {@link Lock}. The real type also declares {@code isHeldByCurrentThread()}, which Fail Forward does not call
 * (Confluence's Hazelcast implementation throws from it).
 */
public interface ClusterLock extends Lock {
}

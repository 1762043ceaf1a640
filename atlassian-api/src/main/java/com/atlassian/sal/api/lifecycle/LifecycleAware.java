package com.atlassian.sal.api.lifecycle;

/**
 * Stand-in for {@code com.atlassian.sal.api.lifecycle.LifecycleAware} from {@code com.atlassian.sal:sal-api} 7.x
 * (Platform 8); checked against sal-api 5.1.4 (decompiled, ngannk-fptu/Decompiled-Files @e0c88ec5
 * {@code com.atlassian.sal_sal-api-5.1.4/com/atlassian/sal/api/lifecycle/LifecycleAware.java}; reference
 * atlassian-api.md §2.3). SAL calls it only on components exported as OSGi services (atlassian-api.md §2.2), so an
 * implementation is annotated {@code @ExportAsService(LifecycleAware.class)}.
 */
public interface LifecycleAware {
    /** Called once the application has started and the plugin is enabled (on every node). */
    void onStart();

    /** Called when the plugin is disabled or the application shuts down (on this node). */
    void onStop();
}

package com.atlassian.event.api;

/**
 * Stand-in for {@code com.atlassian.event.api.EventListenerRegistrar} from {@code com.atlassian.event:atlassian-event}
 * (Platform 8); checked against atlassian-event 5.0.2 (decompiled, ngannk-fptu/Decompiled-Files @e0c88ec5; reference
 * atlassian-api.md §2.7 "Enable-time setup"). The real interface also has {@code unregisterAll()}. Only the members
 * Fail Forward calls.
 */
public interface EventListenerRegistrar {

    /** Registers the object's {@link EventListener} methods. */
    void register(Object listener);

    void unregister(Object listener);
}

package com.atlassian.event.api;

/**
 * Stand-in for {@code com.atlassian.event.api.EventPublisher} from {@code com.atlassian.event:atlassian-event}
 * (Platform 8); checked against atlassian-event 5.0.2 (decompiled, ngannk-fptu/Decompiled-Files @e0c88ec5; reference
 * atlassian-api.md §2.7 "Enable-time setup": {@code EventPublisher extends EventListenerRegistrar}). The real interface
 * also has {@code publish(Object)}, which Fail Forward does not call.
 */
public interface EventPublisher extends EventListenerRegistrar {
}

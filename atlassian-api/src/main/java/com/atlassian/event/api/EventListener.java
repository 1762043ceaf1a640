package com.atlassian.event.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for {@code com.atlassian.event.api.EventListener} from {@code com.atlassian.event:atlassian-event} (Platform
 * 8); checked against atlassian-event 5.0.2 (decompiled, ngannk-fptu/Decompiled-Files @e0c88ec5; reference
 * atlassian-api.md §2.7 "Enable-time setup"): a runtime, method-level annotation marking a public one-argument method
 * that the publisher calls with every event of the argument's type. The real annotation also has {@code scope()} and
 * {@code order()}, which Fail Forward does not set.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Documented
public @interface EventListener {
}

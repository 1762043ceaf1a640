package com.atlassian.scheduler.config;

import java.util.Date;
import java.util.Objects;

/**
 * Stand-in for {@code com.atlassian.scheduler.config.Schedule} ({@code @PublicApi}, final, immutable) from
 * {@code com.atlassian.scheduler:atlassian-scheduler-api} (Platform 8); checked against atlassian-scheduler-api 4.1.0 (decompiled, ngannk-fptu/Decompiled-Files @e0c88ec5 {@code com.atlassian.scheduler_atlassian-scheduler-api-4.1.0/
 * com/atlassian/scheduler/config/Schedule.java}). Only the interval form, which Fail Forward uses; the real class
 * also has {@code forCronExpression}, {@code runOnce}, {@code getType()} and {@code getCronScheduleInfo()}.
 */
public final class Schedule {
    private final IntervalScheduleInfo intervalScheduleInfo;

    private Schedule(IntervalScheduleInfo intervalScheduleInfo) {
        this.intervalScheduleInfo = intervalScheduleInfo;
    }

    /** Every {@code intervalInMillis} from {@code firstRunTime} ({@code null} = as soon as possible). */
    public static Schedule forInterval(long intervalInMillis, Date firstRunTime) {
        return new Schedule(new IntervalScheduleInfo(firstRunTime, intervalInMillis));
    }

    public IntervalScheduleInfo getIntervalScheduleInfo() {
        return intervalScheduleInfo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule other && Objects.equals(intervalScheduleInfo, other.intervalScheduleInfo);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(intervalScheduleInfo);
    }
}

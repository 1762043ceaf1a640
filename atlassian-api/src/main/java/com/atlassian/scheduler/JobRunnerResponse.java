package com.atlassian.scheduler;

import com.atlassian.scheduler.status.RunOutcome;

import java.util.Objects;

/**
 * Stand-in for {@code com.atlassian.scheduler.JobRunnerResponse} ({@code @PublicApi}, final, immutable) from
 * {@code com.atlassian.scheduler:atlassian-scheduler-api} (Platform 8); checked against atlassian-scheduler-api 4.1.0 (decompiled, ngannk-fptu/Decompiled-Files @e0c88ec5 {@code com.atlassian.scheduler_atlassian-scheduler-api-4.1.0/
 * com/atlassian/scheduler/JobRunnerResponse.java}): static factories, a message shown in the scheduler admin page.
 * As in the real class, {@code aborted} and {@code failed} need a non-blank message. Only the members Fail Forward
 * calls (and equals/hashCode, which the real class has too).
 */
public final class JobRunnerResponse {
    private final RunOutcome runOutcome;
    private final String message;

    private JobRunnerResponse(RunOutcome runOutcome, String message) {
        this.runOutcome = runOutcome;
        this.message = message;
    }

    public static JobRunnerResponse success(String message) {
        return new JobRunnerResponse(RunOutcome.SUCCESS, message);
    }

    public static JobRunnerResponse aborted(String message) {
        return new JobRunnerResponse(RunOutcome.ABORTED, required(message, "aborted"));
    }

    public static JobRunnerResponse failed(String message) {
        return new JobRunnerResponse(RunOutcome.FAILED, required(message, "failed"));
    }

    public RunOutcome getRunOutcome() {
        return runOutcome;
    }

    public String getMessage() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobRunnerResponse other && runOutcome == other.runOutcome
                && Objects.equals(message, other.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(runOutcome, message);
    }

    @Override
    public String toString() {
        return "JobRunnerResponse[runOutcome=" + runOutcome + ",message='" + message + "']";
    }

    private static String required(String message, String outcome) {
        if (message == null || message.trim().isEmpty()) {
            throw new IllegalArgumentException("The message must be specified when reporting a job as " + outcome + "!");
        }
        return message;
    }
}

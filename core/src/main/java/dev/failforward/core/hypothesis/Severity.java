package dev.failforward.core.hypothesis;

/** How much a finding matters: an {@link #ERROR} makes a hypothesis unacceptable, a {@link #WARNING} only advises. */
public enum Severity {
    ERROR,
    WARNING
}

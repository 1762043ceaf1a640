package com.atlassian.activeobjects.external;

import java.util.Objects;

/**
 * Stand-in for {@code com.atlassian.activeobjects.external.ModelVersion} from
 * {@code com.atlassian.activeobjects:activeobjects-plugin} (Platform 8): the schema version of a plugin's AO tables,
 * an integer ({@code "0"} before the first upgrade task ran). Members as in reference/atlassian-api.md §2.1.
 */
public final class ModelVersion implements Comparable<ModelVersion> {

    private final int version;

    private ModelVersion(int version) {
        this.version = version;
    }

    public static ModelVersion valueOf(String version) {
        Objects.requireNonNull(version, "version");
        try {
            return new ModelVersion(Integer.parseInt(version.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a model version: " + version, e);
        }
    }

    public boolean isSame(ModelVersion other) {
        return compareTo(other) == 0;
    }

    public boolean isOlderThan(ModelVersion other) {
        return compareTo(other) < 0;
    }

    public boolean isNewerThan(ModelVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(ModelVersion other) {
        return Integer.compare(version, other.version);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelVersion other && other.version == version;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(version);
    }

    @Override
    public String toString() {
        return String.valueOf(version);
    }
}

package dev.failforward.jira.setup;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Jira status category ({@code new} = To Do, {@code indeterminate} = In Progress, {@code done} = Done) of each
 * status our workflows use, as setup creates them ({@link SetupSpec}): what gives a status lozenge Jira's colours
 * (grey, blue, green) wherever a page shows one outside Jira's own views.
 */
public final class StatusCategories {

    private static final Map<String, String> BY_KEY = new LinkedHashMap<>();

    static {
        for (SetupSpec.IssueTypeSpec type : SetupSpec.ISSUE_TYPES) {
            for (SetupSpec.StatusSpec status : type.workflow().statuses()) {
                BY_KEY.put(status.key(), status.categoryKey());
            }
        }
    }

    private StatusCategories() {
    }

    /**
     * The category key of a status given by its key ({@code LEARNING_REVIEW}) or its English name
     * ({@code Learning review}); {@code new} for a status that is not ours.
     */
    public static String of(String status) {
        if (status == null) {
            return SetupSpec.TO_DO;
        }
        String key = status.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        return BY_KEY.getOrDefault(key, SetupSpec.TO_DO);
    }
}

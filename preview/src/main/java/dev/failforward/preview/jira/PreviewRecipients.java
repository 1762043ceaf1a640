package dev.failforward.preview.jira;

import dev.failforward.jira.reminder.Recipients;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The preview's people for the reminders and the digest: its users ({@link PreviewUserManager}) with addresses at
 * {@code preview.failforward.test} (nothing leaves the machine: mails go to {@link PreviewOutbox}), in English; every
 * user browses every preview project, as {@link PreviewRecordPermissions} says; each project has a lead.
 */
public final class PreviewRecipients implements Recipients {

    /** The projects' leads: the preview user leads OPS, so the escalations of long-overdue items are visible to them. */
    static final Map<String, String> LEADS = Map.of("OPS", PreviewRecordPermissions.DEMO_USER, "GROWTH", "anna",
            "CARE", "ben");

    private final Set<String> projects;

    public PreviewRecipients(Set<String> projects) {
        this.projects = Set.copyOf(projects);
    }

    @Override
    public Optional<Recipient> user(String userKey) {
        PreviewUserManager users = new PreviewUserManager();
        com.atlassian.sal.api.user.UserProfile profile = userKey == null ? null
                : users.getUserProfile(new com.atlassian.sal.api.user.UserKey(userKey));
        if (profile == null) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(userKey, profile.getFullName(), profile.getEmail(), Locale.ENGLISH));
    }

    @Override
    public Set<String> browsableProjects(String userKey) {
        return user(userKey).isPresent() ? projects : Set.of();
    }

    @Override
    public Optional<String> projectLead(String projectKey) {
        return Optional.ofNullable(LEADS.get(projectKey));
    }
}

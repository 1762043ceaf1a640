package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.jira.recurrence.RecurrenceSuggestion;
import dev.failforward.jira.recurrence.RecurrenceSuggestionStore;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@link RecurrenceSuggestionStore} on Active Objects ({@link RecurrenceSuggestionEntity}). */
@Named
public class AoRecurrenceSuggestions implements RecurrenceSuggestionStore {

    /** Bounds the SQL {@code IN} lists. */
    private static final int IN_CHUNK = 500;
    private static final int REASONS_MAX = 450;

    private final ActiveObjects ao;

    @Inject
    public AoRecurrenceSuggestions(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    @Override
    public List<RecurrenceSuggestion> forIssue(long issueId) {
        RecurrenceSuggestionEntity[] rows = ao.find(RecurrenceSuggestionEntity.class, Query.select()
                .where(RecurrenceSuggestionEntity.ISSUE_ID + " = ?", issueId).order("ID ASC"));
        Map<Long, RecurrenceSuggestion> firstPerPair = new LinkedHashMap<>();
        for (RecurrenceSuggestionEntity row : rows) {
            firstPerPair.putIfAbsent(row.getPastIssueId(), suggestion(row));
        }
        return List.copyOf(firstPerPair.values());
    }

    @Override
    public boolean addIfAbsent(RecurrenceSuggestion.Draft draft) {
        return ao.executeInTransaction(() -> {
            if (pair(draft.issueId(), draft.pastIssueId()).length > 0) {
                return false;
            }
            Map<String, Object> row = new HashMap<>();
            row.put(RecurrenceSuggestionEntity.ISSUE_ID, draft.issueId());
            row.put(RecurrenceSuggestionEntity.PROJECT_KEY, draft.projectKey());
            row.put(RecurrenceSuggestionEntity.PAST_ISSUE_ID, draft.pastIssueId());
            row.put(RecurrenceSuggestionEntity.PAST_ISSUE_KEY, draft.pastIssueKey());
            row.put(RecurrenceSuggestionEntity.SCORE, draft.score());
            row.put(RecurrenceSuggestionEntity.REASONS, reasons(draft.reasons()));
            row.put(RecurrenceSuggestionEntity.STATE, RecurrenceSuggestionEntity.PENDING);
            row.put(RecurrenceSuggestionEntity.CREATED_AT, draft.createdAt().toEpochMilli());
            ao.create(RecurrenceSuggestionEntity.class, row);
            return true;
        });
    }

    @Override
    public Optional<RecurrenceSuggestion> decide(long issueId, long pastIssueId, RecurrenceSuggestion.State state,
                                                 String userKey, Instant at) {
        return ao.executeInTransaction(() -> {
            RecurrenceSuggestionEntity[] rows = pair(issueId, pastIssueId);
            if (rows.length == 0) {
                return Optional.empty();
            }
            RecurrenceSuggestionEntity row = rows[0];
            String current = row.getState();
            boolean allowed = switch (state) {
                case CONFIRMED -> !RecurrenceSuggestionEntity.CONFIRMED.equals(current);
                case DISMISSED -> RecurrenceSuggestionEntity.PENDING.equals(current);
                case PENDING -> false;
            };
            if (allowed) {
                row.setState(code(state));
                row.setDecidedBy(userKey);
                row.setDecidedAt(at.toEpochMilli());
                row.save();
            }
            return Optional.of(suggestion(row));
        });
    }

    @Override
    public Map<String, Integer> pendingByProject(Collection<String> projectKeys) {
        Set<String> allowed = new TreeSet<>(projectKeys);
        Map<String, Integer> counts = new TreeMap<>();
        List<String> keys = new ArrayList<>(allowed);
        for (int i = 0; i < keys.size(); i += IN_CHUNK) {
            List<String> chunk = keys.subList(i, Math.min(keys.size(), i + IN_CHUNK));
            List<Object> parameters = new ArrayList<>(chunk);
            parameters.add(RecurrenceSuggestionEntity.PENDING);
            // one row per pair is the rule; a duplicate from two nodes racing counts once
            Map<String, Set<String>> pairs = new HashMap<>();
            ao.stream(RecurrenceSuggestionEntity.class, Query.select("ID, PROJECT_KEY, ISSUE_ID, PAST_ISSUE_ID,"
                    + " PAST_ISSUE_KEY").where(RecurrenceSuggestionEntity.PROJECT_KEY + " IN ("
                    + placeholders(chunk.size()) + ") AND " + RecurrenceSuggestionEntity.STATE + " = ?",
                    parameters.toArray()), row -> {
                        if (allowed.contains(projectOf(row.getPastIssueKey()))) {
                            pairs.computeIfAbsent(row.getProjectKey(), k -> new java.util.HashSet<>())
                                    .add(row.getIssueId() + ">" + row.getPastIssueId());
                        }
                    });
            pairs.forEach((project, set) -> counts.put(project, set.size()));
        }
        return counts;
    }

    private static String projectOf(String issueKey) {
        int dash = issueKey.lastIndexOf('-');
        return dash < 0 ? issueKey : issueKey.substring(0, dash);
    }

    @Override
    public Set<String> recordProjects() {
        Set<String> projects = new TreeSet<>();
        Arrays.stream(ao.find(KpiProjectEntity.class, Query.select("ID, PROJECT_KEY")))
                .forEach(row -> projects.add(row.getProjectKey()));
        return projects;
    }

    private RecurrenceSuggestionEntity[] pair(long issueId, long pastIssueId) {
        return ao.find(RecurrenceSuggestionEntity.class, Query.select()
                .where(RecurrenceSuggestionEntity.ISSUE_ID + " = ? AND " + RecurrenceSuggestionEntity.PAST_ISSUE_ID
                        + " = ?", issueId, pastIssueId).order("ID ASC"));
    }

    private static RecurrenceSuggestion suggestion(RecurrenceSuggestionEntity row) {
        String reasons = row.getReasons();
        return new RecurrenceSuggestion(row.getID(), row.getIssueId(), row.getProjectKey(), row.getPastIssueId(),
                row.getPastIssueKey(), row.getScore(),
                reasons == null || reasons.isEmpty() ? List.of() : List.of(reasons.split("\n")), state(row.getState()),
                row.getDecidedBy(), row.getDecidedAt() == null ? null : Instant.ofEpochMilli(row.getDecidedAt()),
                Instant.ofEpochMilli(row.getCreatedAt()));
    }

    private static RecurrenceSuggestion.State state(String code) {
        return switch (code) {
            case RecurrenceSuggestionEntity.CONFIRMED -> RecurrenceSuggestion.State.CONFIRMED;
            case RecurrenceSuggestionEntity.DISMISSED -> RecurrenceSuggestion.State.DISMISSED;
            default -> RecurrenceSuggestion.State.PENDING;
        };
    }

    private static String code(RecurrenceSuggestion.State state) {
        return switch (state) {
            case CONFIRMED -> RecurrenceSuggestionEntity.CONFIRMED;
            case DISMISSED -> RecurrenceSuggestionEntity.DISMISSED;
            case PENDING -> RecurrenceSuggestionEntity.PENDING;
        };
    }

    /** The reasons, one a line, as many whole ones as fit the column. */
    static String reasons(List<String> reasons) {
        StringBuilder joined = new StringBuilder();
        for (String reason : reasons) {
            String clean = reason.replace('\n', ' ').strip();
            if (clean.isEmpty()) {
                continue;
            }
            int length = joined.length() + (joined.length() == 0 ? 0 : 1) + clean.length();
            if (length > REASONS_MAX) {
                break;
            }
            if (joined.length() > 0) {
                joined.append('\n');
            }
            joined.append(clean);
        }
        return joined.toString();
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}

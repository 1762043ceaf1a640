package dev.failforward.core.record;

import dev.failforward.core.lifecycle.FieldProblem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user typed to add or edit a learning, unchecked: any text, the kind by name (e.g. {@code "went_well"}), and
 * for a learning captured on a page (a Confluence retro) that page's URL and title.
 * {@link #toDraft} and {@link #applyTo} check it and return field problems instead of throwing.
 */
public record LearningCommand(String text, String kind, String sourceUrl, String sourceTitle) {

    /** A learning typed in Jira itself: no source page. */
    public LearningCommand(String text, String kind) {
        this(text, kind, null, null);
    }

    /** A new learning for the record, written by {@code authorKey} at {@code now}. */
    public Validated<Learning.Draft> toDraft(long recordIssueId, String authorKey, Instant now) {
        Objects.requireNonNull(now, "now");
        List<FieldProblem> problems = new ArrayList<>();
        String checkedText = checkText(problems);
        Optional<LearningKind> checkedKind = checkKind(problems);
        SourcePage checkedSource = checkSource(problems);
        if (!problems.isEmpty()) {
            return Validated.invalid(problems);
        }
        return Validated.valid(new Learning.Draft(recordIssueId, checkedText, checkedKind.orElseThrow(), authorKey, now,
                checkedSource));
    }

    /** The stored learning with this command's text and kind; the source page is kept as it was captured. */
    public Validated<Learning> applyTo(Learning existing) {
        Objects.requireNonNull(existing, "existing");
        List<FieldProblem> problems = new ArrayList<>();
        String checkedText = checkText(problems);
        Optional<LearningKind> checkedKind = checkKind(problems);
        if (!problems.isEmpty()) {
            return Validated.invalid(problems);
        }
        return Validated.valid(existing.edited(checkedText, checkedKind.orElseThrow()));
    }

    private String checkText(List<FieldProblem> problems) {
        String value = Inputs.text(text);
        if (value == null) {
            problems.add(FailureDbProblem.LEARNING_TEXT_REQUIRED.problem());
        } else if (value.length() > Learning.TEXT_MAX_LENGTH) {
            problems.add(FailureDbProblem.LEARNING_TEXT_TOO_LONG.problem(String.valueOf(Learning.TEXT_MAX_LENGTH)));
        }
        return value;
    }

    private SourcePage checkSource(List<FieldProblem> problems) {
        String url = Inputs.text(sourceUrl);
        String title = Inputs.text(sourceTitle);
        int before = problems.size();
        if (url == null) {
            if (title != null) {
                problems.add(FailureDbProblem.LEARNING_SOURCE_URL_REQUIRED.problem());
            }
        } else if (url.length() > SourcePage.URL_MAX_LENGTH || !SourcePage.isWebUrl(url)) {
            problems.add(FailureDbProblem.LEARNING_SOURCE_URL_INVALID.problem(
                    String.valueOf(SourcePage.URL_MAX_LENGTH)));
        }
        if (title != null && title.length() > SourcePage.TITLE_MAX_LENGTH) {
            problems.add(FailureDbProblem.LEARNING_SOURCE_TITLE_TOO_LONG.problem(
                    String.valueOf(SourcePage.TITLE_MAX_LENGTH)));
        }
        return problems.size() == before && url != null ? new SourcePage(url, title) : null;
    }

    private Optional<LearningKind> checkKind(List<FieldProblem> problems) {
        if (Inputs.text(kind) == null) {
            problems.add(FailureDbProblem.LEARNING_KIND_REQUIRED.problem());
            return Optional.empty();
        }
        Optional<LearningKind> value = Inputs.enumValue(LearningKind.class, kind);
        if (value.isEmpty()) {
            problems.add(FailureDbProblem.LEARNING_KIND_UNKNOWN.problem(Inputs.shown(kind)));
        }
        return value;
    }
}

package dev.failforward.jira.counts;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.customfields.impl.CalculatedCFType;
import com.atlassian.jira.issue.customfields.impl.FieldValidationException;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.fields.layout.field.FieldLayoutItem;
import dev.failforward.jira.counts.FailureCounts.Count;

import java.util.Map;
import java.util.Objects;

/**
 * A read-only number field whose value is a count from the failure database, so that Jira's issue index holds it and
 * JQL can search it ({@code "Failure learnings" >= 3}) with Jira's own number searchers. The value is a
 * {@link Double} because Jira's number searchers and indexers take doubles; it is empty (null) when the issue has no
 * failure record.
 *
 * <p>Jira computes the value when it indexes the issue and when it shows the field, never stores it; so whoever
 * changes a count must have the issue reindexed ({@link CountReindexer}).
 *
 * <p>Two {@code customfield-type} modules, one per count, so a Jira admin finds "Fail Forward: learnings count" and
 * "Fail Forward: next steps count" in the field type list and may add more fields of either. Module classes are
 * built by the plugin's container, which injects the constructor.
 */
public abstract class FailureCountFieldType extends CalculatedCFType<Double, Double> {

    private final FailureCounts counts;
    private final Count count;

    protected FailureCountFieldType(FailureCounts counts, Count count) {
        this.counts = Objects.requireNonNull(counts, "counts");
        this.count = Objects.requireNonNull(count, "count");
    }

    @Override
    public Double getValueFromIssue(CustomField field, Issue issue) {
        if (issue == null || issue.getId() == null) {
            return null; // an issue being created: no record yet
        }
        return counts.of(issue.getId(), count).map(Integer::doubleValue).orElse(null);
    }

    /**
     * {@code $count} for the view templates: the count as text ({@code 3}), or absent when there is none — plain text,
     * so the templates call no method (Jira's Velocity allowlist would have to permit it).
     */
    @Override
    public Map<String, Object> getVelocityParameters(Issue issue, CustomField field, FieldLayoutItem fieldLayoutItem) {
        Map<String, Object> parameters = super.getVelocityParameters(issue, field, fieldLayoutItem);
        String count = getStringFromSingularObject(getValueFromIssue(field, issue));
        if (count != null) {
            parameters.put("count", count);
        }
        return parameters;
    }

    /** Whole numbers, as the count is one: {@code 3}, not {@code 3.0}. */
    @Override
    public String getStringFromSingularObject(Double value) {
        if (value == null) {
            return null;
        }
        return value == Math.rint(value) && !Double.isInfinite(value)
                ? Long.toString(value.longValue()) : value.toString();
    }

    @Override
    public Double getSingularObjectFromString(String text) throws FieldValidationException {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                throw new FieldValidationException("Not a number: " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new FieldValidationException("Not a number: " + text);
        }
    }
}

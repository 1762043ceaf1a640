package dev.failforward.jira.hypothesis;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.hypothesis.Finding;
import dev.failforward.core.hypothesis.HypothesisCheck;
import dev.failforward.core.hypothesis.HypothesisLinter;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Runs the core hypothesis linter and puts each finding into the current user's language. Used by the REST check (live
 * feedback on the create screen) and by the workflow validators, so both say the same thing.
 */
@Named
public class HypothesisCheckService {

    private final HypothesisLinter linter = new HypothesisLinter();
    private final I18nResolver i18n;

    @Inject
    public HypothesisCheckService(@ComponentImport I18nResolver i18n) {
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /** The longest hypothesis the check accepts; callers reject longer text as a field error. */
    public int maxLength() {
        return HypothesisLinter.MAX_LENGTH;
    }

    public LocalizedCheck check(String text) {
        HypothesisCheck check = linter.check(text);
        List<LocalizedFinding> findings = check.findings().stream()
                .map(finding -> new LocalizedFinding(finding, message(finding)))
                .toList();
        return new LocalizedCheck(check, findings);
    }

    private String message(Finding finding) {
        return i18n.getText(finding.i18nKey(), finding.arguments().toArray(Serializable[]::new));
    }

    /** A check result whose findings carry their message in the user's language. */
    public record LocalizedCheck(HypothesisCheck check, List<LocalizedFinding> findings) {
        public LocalizedCheck {
            Objects.requireNonNull(check, "check");
            findings = List.copyOf(findings);
        }
    }

    public record LocalizedFinding(Finding finding, String message) {
        public LocalizedFinding {
            Objects.requireNonNull(finding, "finding");
            Objects.requireNonNull(message, "message");
        }
    }
}

package dev.failforward.confluence.hypothesis;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import dev.failforward.core.hypothesis.Finding;
import dev.failforward.core.hypothesis.HypothesisCheck;
import dev.failforward.core.hypothesis.HypothesisLinter;
import dev.failforward.core.hypothesis.Severity;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a hypothesis as a card: its "If / Then / Because" parts and what the hypothesis check says about it. Pure
 * and fast (no network, no database), so it is safe inside a macro's {@code execute()}.
 *
 * <p>The template context holds only maps, lists, booleans and plain text, never our own classes: nothing in the
 * template calls a method a Velocity allowlist would have to admit. The host's renderer HTML-escapes every value once
 * (the hypothesis is user text); none is escaped here, which would show {@code &amp;lt;} on the page.
 */
@Named
public class HypothesisCardRenderer {

    static final String TEMPLATE = "templates/hypothesis-card.vm";

    private final HypothesisLinter linter = new HypothesisLinter();
    private final TemplateRenderer templateRenderer;
    private final I18nResolver i18n;

    @Inject
    public HypothesisCardRenderer(@ComponentImport TemplateRenderer templateRenderer, @ComponentImport I18nResolver i18n) {
        this.templateRenderer = Objects.requireNonNull(templateRenderer, "templateRenderer");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    public String render(String hypothesis) {
        String text = hypothesis == null ? "" : hypothesis.strip();
        Map<String, Object> card = text.length() > HypothesisLinter.MAX_LENGTH ? tooLong() : checked(linter.check(text));
        card.put("title", i18n.getText("failforward.hypothesis.card.title"));
        StringWriter out = new StringWriter();
        try {
            templateRenderer.render(TEMPLATE, Map.of("card", card), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private Map<String, Object> checked(HypothesisCheck check) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("state", check.acceptable() ? (check.findings().isEmpty() ? "ok" : "warning") : "error");
        card.put("form", check.form().name());
        card.put("parts", List.of(
                part("failforward.hypothesis.ui.condition", check.parts().condition()),
                part("failforward.hypothesis.ui.outcome", check.parts().expectedOutcome()),
                part("failforward.hypothesis.ui.rationale", check.parts().rationale())));
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding finding : check.findings()) {
            findings.add(Map.of(
                    "code", finding.code().code(),
                    "severity", finding.severity() == Severity.ERROR ? "error" : "warning",
                    "severityLabel", i18n.getText(finding.severity() == Severity.ERROR
                            ? "failforward.hypothesis.ui.error" : "failforward.hypothesis.ui.warning"),
                    "message", i18n.getText(finding.i18nKey(), finding.arguments().toArray(Serializable[]::new))));
        }
        card.put("findings", findings);
        card.put("hasFindings", !findings.isEmpty());
        card.put("ok", i18n.getText("failforward.hypothesis.ui.ok"));
        return card;
    }

    private Map<String, Object> tooLong() {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("state", "error");
        card.put("form", "UNRECOGNISED");
        card.put("parts", List.of());
        card.put("findings", List.of(Map.of(
                "code", "text.toolong",
                "severity", "error",
                "severityLabel", i18n.getText("failforward.hypothesis.ui.error"),
                "message", i18n.getText("failforward.hypothesis.ui.toolong", HypothesisLinter.MAX_LENGTH))));
        card.put("hasFindings", true);
        card.put("ok", "");
        return card;
    }

    private Map<String, Object> part(String labelKey, String value) {
        String none = i18n.getText("failforward.hypothesis.ui.none");
        return Map.of(
                "label", i18n.getText(labelKey),
                "value", value == null ? none : value,
                "missing", value == null);
    }
}

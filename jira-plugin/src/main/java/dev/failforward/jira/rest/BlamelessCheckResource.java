package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.blameless.BlameFinding;
import dev.failforward.core.blameless.BlamelessCheck;
import dev.failforward.core.blameless.BlamelessChecker;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.rest.JsonRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * {@code POST /rest/failforward/1.0/blameless/check} with {@code {"text":"…"}}: the blaming phrases in a text written
 * in Jira (a learning, an action item, an incident's fields), with offsets for marks and the message and suggestion in
 * the user's language — the same check and answer as the Confluence retro page's, so a phrase is marked alike wherever
 * it is written. Side-effect free; login required (401); JSON only.
 */
@Path("/blameless")
@Produces(MediaType.APPLICATION_JSON)
public class BlamelessCheckResource {

    /** A long incident description; longer texts are refused with a 400 naming {@code text}. */
    static final int MAX_TEXT = 100_000;

    private final BlamelessChecker checker = BlamelessChecker.defaults();
    private final RecordPermissions permissions;
    private final I18nResolver i18n;

    @Inject
    public BlamelessCheckResource(RecordPermissions permissions, @ComponentImport I18nResolver i18n) {
        this.permissions = permissions;
        this.i18n = i18n;
    }

    /** One blaming phrase: {@code text.substring(start, end)} is {@code phrase}. */
    public record Finding(String code, int start, int end, String phrase, String message, String suggestion) {
    }

    public record Result(boolean blameless, List<Finding> findings) {
    }

    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_JSON)
    public Result check(String body) {
        Access.requireLogin(permissions.currentUserKey());
        String text = JsonRequest.parse(body).requiredString("text", MAX_TEXT);
        BlamelessCheck check = checker.check(text);
        return new Result(check.blameless(), check.findings().stream().map(this::finding).toList());
    }

    private Finding finding(BlameFinding f) {
        return new Finding(f.code().code(), f.start(), f.end(), f.phrase(), i18n.getText(f.messageKey(), f.phrase()),
                i18n.getText(f.suggestionKey()));
    }
}

package dev.failforward.confluence.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import dev.failforward.core.blameless.BlameFinding;
import dev.failforward.core.blameless.BlamelessCheck;
import dev.failforward.core.blameless.BlamelessChecker;
import dev.failforward.rest.JsonRequest;
import dev.failforward.rest.RequestProblem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * {@code POST /rest/failforward-confluence/1.0/blameless/check} with {@code {"text":"…"}}: the blaming phrases in a
 * retro's text, with offsets for marks and the message and suggestion in the user's language:
 * {@code {"blameless":false,"findings":[{"code":"person_as_cause","start":0,"end":12,"phrase":"Anna skipped",
 * "message":"…","suggestion":"…"}]}}. Runs the domain's checker locally (no Jira call); login required (401).
 */
@Path("/blameless")
@Produces(MediaType.APPLICATION_JSON)
public class BlamelessResource {

    /** A long retro page's text; longer texts are refused with a 400 naming {@code text}. */
    static final int MAX_TEXT = 100_000;

    private final BlamelessChecker checker = BlamelessChecker.defaults();
    private final UserManager users;
    private final I18nResolver i18n;

    @Inject
    public BlamelessResource(@ComponentImport("salUserManager") @Named("salUserManager") UserManager users,
                             @ComponentImport I18nResolver i18n) {
        this.users = users;
        this.i18n = i18n;
    }

    public record Finding(String code, int start, int end, String phrase, String message, String suggestion) {
    }

    public record Result(boolean blameless, List<Finding> findings) {
    }

    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_JSON)
    public Result check(String body) {
        if (users.getRemoteUserKey() == null) {
            throw RequestProblem.loginRequired();
        }
        String text = JsonRequest.parse(body).requiredString("text", MAX_TEXT);
        BlamelessCheck check = checker.check(text);
        return new Result(check.blameless(), check.findings().stream().map(this::finding).toList());
    }

    private Finding finding(BlameFinding f) {
        return new Finding(f.code().code(), f.start(), f.end(), f.phrase(), i18n.getText(f.messageKey(), f.phrase()),
                i18n.getText(f.suggestionKey()));
    }
}

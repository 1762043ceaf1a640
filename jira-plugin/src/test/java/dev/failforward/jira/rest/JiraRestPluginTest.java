package dev.failforward.jira.rest;

import dev.failforward.core.lifecycle.FieldProblem;
import dev.failforward.core.record.StaleEditException;
import dev.failforward.jira.JiraI18n;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.failuredb.InvalidCommandException;
import dev.failforward.jira.setup.SetupException;
import dev.failforward.rest.ErrorBody;
import dev.failforward.rest.ProblemExceptionMapper;
import dev.failforward.rest.UnexpectedExceptionMapper;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Jira plugin's own failures as the shared mappers answer them, in the plugin's words: the failure database's
 * refusals, the core's refused commands, stale edits, setup conflicts, a busy database (503 the client may retry), and
 * anything else as a 500 with only a reference.
 */
class JiraRestPluginTest {

    private final JiraRestPlugin plugin = new JiraRestPlugin(JiraI18n.english());
    private final ProblemExceptionMapper problems = new ProblemExceptionMapper(plugin);
    private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper(plugin);

    private static ErrorBody body(Response response) {
        return (ErrorBody) response.getEntity();
    }

    @Test
    void aTransientDatabaseRefusalIsA503WithRetryAfter() {
        Response response = problems.toResponse(new IllegalStateException(new SQLException("lock timeout", "55P03")));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(body(response).message()).isEqualTo("The failure database is busy right now and nothing was changed."
                + " Please try again in 1 second(s).");
        assertThat(body(response).message()).doesNotContain("55P03", "SQLException");
    }

    @Test
    void aSearchTheQueryLanguageRefusesIsA400NamingQueryWithThePosition() {
        Response response = problems.toResponse(new dev.failforward.jira.search.QuerySyntaxException(
                "The quote at position 7 is not closed.", 7));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).errors()).singleElement().satisfies(item -> {
            assertThat(item.field()).isEqualTo("query");
            assertThat(item.code()).isEqualTo("syntax");
            assertThat(item.message()).isEqualTo("The search text cannot be read at position 7: The quote at position 7"
                    + " is not closed. Put phrases in quotes, or remove the character.");
        });
        Response tooComplex = problems.toResponse(new dev.failforward.jira.search.QuerySyntaxException(
                "The search is too complex.", -1));
        assertThat(tooComplex.getStatus()).isEqualTo(400);
        assertThat(body(tooComplex).errors()).extracting(ErrorBody.Item::field).containsExactly("query");
    }

    @Test
    void anythingElseIsA500WithAReferenceOnly() {
        Response response = problems.toResponse(new IllegalStateException(new SQLException("syntax error at ORDER", "42601")));
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(body(response).message()).startsWith("Something went wrong on the server. Quote reference ")
                .doesNotContain("syntax", "42601");
        assertThat(unexpected.toResponse(new IOException("disk full")).getStatus()).isEqualTo(500);
    }

    @Test
    void theFailureDatabasesRefusalsHaveTheirStatus() {
        assertThat(problems.toResponse(new FailureDbException.NotFound("failforward.failuredb.error.record.notfound",
                "OPS-9")).getStatus()).isEqualTo(404);
        Response denied = problems.toResponse(new FailureDbException.EditDenied());
        assertThat(denied.getStatus()).isEqualTo(403);
        assertThat(body(denied).message()).isEqualTo("You do not have permission to do this.");
        assertThat(problems.toResponse(new FailureDbException.ProjectHidden("SEC")).getStatus()).isEqualTo(403);
        assertThat(problems.toResponse(new FailureDbException.FilterHidden(10_000)).getStatus()).isEqualTo(403);

        Response tooMany = problems.toResponse(new FailureDbException.TooManyProjects(50));
        assertThat(tooMany.getStatus()).isEqualTo(400);
        assertThat(body(tooMany).errors()).extracting(ErrorBody.Item::field, ErrorBody.Item::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("project", "too-many"));

        FailureDbException.AlreadyAnswered may = new FailureDbException.AlreadyAnswered(new dev.failforward.core.kpi.Period(
                java.time.LocalDate.of(2026, 5, 1), dev.failforward.core.kpi.Granularity.MONTH, java.time.ZoneOffset.UTC, true));
        assertThat(may.arguments()).as("as the service throws it").containsExactly("2026-05", "2026-06-01");
        Response answered = problems.toResponse(may.worded("May 2026", "1 June 2026"));
        assertThat(answered.getStatus()).isEqualTo(409);
        assertThat(body(answered).message()).isEqualTo("You have already answered for May 2026. The next question opens on 1 June 2026.");
        assertThat(body(answered).errors()).singleElement().satisfies(item -> {
            assertThat(item.field()).isEqualTo("score");
            assertThat(item.code()).isEqualTo("already-answered");
            assertThat(item.message()).isEqualTo(body(answered).message());
        });
    }

    @Test
    void refusedCommandsStaleEditsAndSetupConflicts() {
        Response invalid = problems.toResponse(new InvalidCommandException(List.of(
                new FieldProblem("actionDueDate", "format", "failforward.rest.error.field.required", List.of("dueDate")))));
        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat(body(invalid).message()).isEqualTo("The request has invalid fields.");
        assertThat(body(invalid).errors().get(0).field()).as("named as the body's field").isEqualTo("dueDate");

        Response stale = problems.toResponse(new StaleEditException("action", 4, 2));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(body(stale).message()).doesNotContain("failforward.");

        Response setup = problems.toResponse(new SetupException("failforward.admin.setup.failed", "no workflow manager"));
        assertThat(setup.getStatus()).isEqualTo(409);
        assertThat(body(setup).message()).isEqualTo("Setup did not finish.");
    }

    @Test
    void jaxRsErrorsKeepTheirStatusInJirasWords() {
        Response notFound = problems.toResponse(new NotFoundException());
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(body(notFound).message()).isEqualTo("404 Not Found");
    }
}

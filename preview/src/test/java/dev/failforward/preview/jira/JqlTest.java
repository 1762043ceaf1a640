package dev.failforward.preview.jira;

import dev.failforward.preview.jira.Jql.Clause;
import dev.failforward.preview.jira.Jql.JqlException;
import dev.failforward.preview.jira.Jql.Operator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The JQL reader: tokens, clauses with their own text, ORDER BY, and what it refuses with the place named. */
class JqlTest {

    private static JqlException refused(String jql) {
        JqlException e = catchThrowableOfType(JqlException.class, () -> Jql.parse(jql));
        assertThat(e).as(jql).isNotNull();
        return e;
    }

    @Test
    void readsTheQueryTheKpiLinksWrite() {
        Jql.Query query = Jql.parse("project in (\"CARE\", \"OPS\") AND issuetype = Experiment AND cf[10208] >= "
                + "\"2025-01-01\" AND cf[10208] < \"2027-01-01\" ORDER BY cf[10208] DESC");
        assertThat(query.clauses()).extracting(Clause::field).containsExactly("project", "issuetype", "cf[10208]",
                "cf[10208]");
        assertThat(query.clauses()).extracting(Clause::operator).containsExactly(Operator.IN, Operator.EQUALS,
                Operator.GREATER_OR_EQUAL, Operator.LESS);
        Clause projects = query.clauses().get(0);
        assertThat(projects.list()).isTrue();
        assertThat(projects.values()).extracting(Jql.Value::text).containsExactly("CARE", "OPS");
        assertThat(projects.text()).isEqualTo("project in (\"CARE\", \"OPS\")");
        assertThat(query.clauses().get(2).text()).isEqualTo("cf[10208] >= \"2025-01-01\"");
        assertThat(query.sorts()).containsExactly(new Jql.Sort("cf[10208]", false, "cf[10208] DESC"));
    }

    @Test
    void keywordsInAnyCaseQuotesOfEitherKindEscapesAndSymbols() {
        Jql.Query query = Jql.parse("PROJECT In ('OPS', GROWTH) and issueType = 'In\\'cident' && key=OPS-1 "
                + "And created>=2026/01/31 order BY Key asc");
        assertThat(query.clauses()).hasSize(4);
        assertThat(query.clauses().get(0).values()).extracting(Jql.Value::text).containsExactly("OPS", "GROWTH");
        assertThat(query.clauses().get(1).values().get(0).text()).isEqualTo("In'cident");
        assertThat(query.clauses().get(2).values().get(0).text()).isEqualTo("OPS-1");
        assertThat(query.clauses().get(3).values().get(0).text()).isEqualTo("2026/01/31");
        assertThat(query.sorts()).containsExactly(new Jql.Sort("Key", true, "Key asc"));
        assertThat(Jql.parse("key = \"A\\u0042C-1\"").clauses().get(0).values().get(0).text()).isEqualTo("ABC-1");
        assertThat(Jql.parse("ORDER BY created").sorts()).containsExactly(new Jql.Sort("created", null, "created"));
        assertThat(Jql.parse("   ")).isEqualTo(new Jql.Query(List.of(), List.of()));
        assertThat(Jql.parse("project not in (A) AND summary !~ x AND status is not EMPTY").clauses())
                .extracting(Clause::operator).containsExactly(Operator.NOT_IN, Operator.NOT_LIKE, Operator.IS_NOT);
    }

    @Test
    void functionsAndEmptyAreReadAsSuchForTheSearchToRefuse() {
        Clause clause = Jql.parse("cf[10208] >= startOfMonth(-1, \"x\")").clauses().get(0);
        assertThat(clause.values().get(0).function()).isTrue();
        assertThat(clause.values().get(0).text()).isEqualTo("startOfMonth(-1, \"x\")");
        assertThat(clause.text()).isEqualTo("cf[10208] >= startOfMonth(-1, \"x\")");
        assertThat(Jql.parse("resolution is empty").clauses().get(0).values().get(0).empty()).isTrue();
    }

    @Test
    void orNotAndParenthesesAreRefusedNamingTheClause() {
        JqlException or = refused("project = OPS OR project = CARE");
        assertThat(or.i18nKey()).isEqualTo("preview.search.error.or");
        assertThat(or.arguments()).containsExactly("project = OPS");
        assertThat(refused("project = OPS || project = CARE").i18nKey()).isEqualTo("preview.search.error.or");
        JqlException not = refused("project = OPS AND NOT key = OPS-1");
        assertThat(not.i18nKey()).isEqualTo("preview.search.error.not");
        assertThat(not.arguments()).containsExactly("NOT key = OPS-1");
        assertThat(refused("(project = OPS)").i18nKey()).isEqualTo("preview.search.error.parentheses");
        JqlException history = refused("status WAS Open");
        assertThat(history.i18nKey()).isEqualTo("preview.search.error.history");
        assertThat(history.arguments()).containsExactly("status WAS Open");
    }

    @Test
    void syntaxErrorsSayWhatWasExpectedAndWhere() {
        JqlException unterminated = refused("project = \"OPS");
        assertThat(unterminated.i18nKey()).isEqualTo("preview.search.error.unterminated");
        assertThat(unterminated.arguments()).containsExactly("11");
        assertThat(refused("key = \"a\\q\"").i18nKey()).isEqualTo("preview.search.error.escape");
        JqlException operator = refused("project OPS");
        assertThat(operator.i18nKey()).isEqualTo("preview.search.error.expecting");
        assertThat(operator.arguments()).element(1).isEqualTo("OPS");
        assertThat(operator.arguments()).element(2).isEqualTo("9");
        assertThat(refused("project =").i18nKey()).isEqualTo("preview.search.error.expecting.end");
        assertThat(refused("project in (A, B").i18nKey()).isEqualTo("preview.search.error.expecting.end");
        assertThat(refused("project = A ORDER key").arguments()).element(0).isEqualTo("BY");
        assertThat(refused("project = A key = B").i18nKey()).isEqualTo("preview.search.error.expecting");
        assertThat(refused("= A").i18nKey()).isEqualTo("preview.search.error.expecting");
        assertThat(refused("project = and").i18nKey()).isEqualTo("preview.search.error.expecting");
        assertThat(refused("ORDER BY key, ").i18nKey()).isEqualTo("preview.search.error.expecting.end");
        assertThat(refused("key = f(").i18nKey()).isEqualTo("preview.search.error.expecting.end");
    }
}

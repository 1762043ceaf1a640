package dev.failforward.preview;

import com.atlassian.jira.issue.fields.CustomField;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.FieldRegistry;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.AoRecordFieldSearch;
import dev.failforward.preview.jira.Jql;
import dev.failforward.preview.jira.PreviewIssueSearch;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The issue search at {@code /issues/?jql=…}, where the KPI charts' "Open in issue search" links go: each KPI link's
 * page lists exactly the issues a direct count over the failure records gives; the other JQL it understands; a query
 * it cannot run is a 400 naming the clause; a user sees only the projects they may browse.
 */
class IssueSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    @TempDir
    static Path data;
    private static PreviewHost host;
    private static List<FailureRecord> records;

    @BeforeAll
    static void start() {
        host = PreviewHost.start(PreviewHttpTest.options(data));
        records = IssueViewTest.allRecords(host.services());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(host.baseUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String search(String jql) {
        return "/issues/?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One result page's rows and total, and the link to the next page. */
    private record Page(List<String> keys, List<Instant> times, int total, Optional<String> next) {
    }

    private static Page page(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + "\n" + response.body()).isEqualTo(200);
        Document html = Jsoup.parse(response.body());
        List<String> keys = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (Element row : html.select("#issue-table tbody tr")) {
            keys.add(row.attr("data-key"));
            assertThat(row.selectFirst("a").attr("href")).isEqualTo("/jira/issues/" + row.attr("data-key"));
            Element at = row.selectFirst("td[data-at]");
            times.add(at == null || at.attr("data-at").isEmpty() ? null : Instant.parse(at.attr("data-at")));
        }
        Element next = html.selectFirst("a#next");
        return new Page(keys, times, Integer.parseInt(html.select("#count").attr("data-total")),
                Optional.ofNullable(next).map(a -> a.attr("href")));
    }

    /** Every page of a search, following its "Next" links: the keys in order and the times of its column. */
    private static Page all(String path) throws Exception {
        Page first = page(path);
        List<String> keys = new ArrayList<>(first.keys());
        List<Instant> times = new ArrayList<>(first.times());
        Optional<String> next = first.next();
        while (next.isPresent()) {
            Page more = page(next.get());
            assertThat(more.total()).isEqualTo(first.total());
            keys.addAll(more.keys());
            times.addAll(more.times());
            next = more.next();
        }
        assertThat(keys).as("pages never overlap and add up to the count").doesNotHaveDuplicates().hasSize(first.total());
        return new Page(keys, times, first.total(), Optional.empty());
    }

    /** What each KPI with an issue search counts, as the KPI is defined: which issue type, by which of its times. */
    private static final Map<String, Scope> KPI_SCOPES = Map.of(
            "experiments_started", new Scope(RecordKind.EXPERIMENT, FailureRecord::startedAt),
            "hypotheses_tested", new Scope(RecordKind.EXPERIMENT, FailureRecord::decidedAt),
            "reporting_time_median", new Scope(RecordKind.INCIDENT, FailureRecord::reportedAt),
            "reporting_time_p90", new Scope(RecordKind.INCIDENT, FailureRecord::reportedAt),
            "time_to_resolve", new Scope(RecordKind.INCIDENT, FailureRecord::resolvedAt),
            "recurrence_rate", new Scope(RecordKind.INCIDENT, FailureRecord::discoveredAt),
            "twenty_four_hour_compliance", new Scope(RecordKind.INCIDENT, FailureRecord::discoveredAt),
            "time_to_insight", new Scope(RecordKind.INCIDENT, FailureRecord::discoveredAt),
            "failure_type_mix", new Scope(RecordKind.INCIDENT, FailureRecord::discoveredAt),
            "failure_category_mix", new Scope(RecordKind.INCIDENT, FailureRecord::discoveredAt));

    private record Scope(RecordKind kind, Function<FailureRecord, Instant> time) {
    }

    @Test
    void everyKpiLinkListsExactlyTheIssuesItCounts() throws Exception {
        int links = 0;
        for (String report : List.of("rest/failforward/1.0/kpis",
                "rest/failforward/1.0/kpis?project=OPS,CARE&granularity=quarter&from=2025-01&to=2026-12",
                "rest/failforward/1.0/kpis?project=GROWTH&from=2026-07&to=2026-12",
                "rest/failforward/1.0/kpis?project=OPS&from=2025-03&to=2025-08&kpi=experiments_started"
                        + "&kpi=time_to_resolve&kpi=hypotheses_tested")) {
            HttpResponse<String> response = get(report);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode json = JSON.readTree(response.body());
            Set<String> projects = new HashSet<>();
            json.path("projects").forEach(p -> projects.add(p.asText()));
            ZoneId zone = ZoneId.of(json.path("timeZone").asText());
            Instant from = LocalDate.parse(json.path("from").asText()).atStartOfDay(zone).toInstant();
            Instant before = LocalDate.parse(json.path("to").asText()).plusDays(1).atStartOfDay(zone).toInstant();
            for (JsonNode kpi : json.path("kpis")) {
                if (kpi.path("searchUrl").isNull() || kpi.path("searchUrl").isMissingNode()) {
                    continue;
                }
                String key = kpi.path("key").asText();
                Scope scope = KPI_SCOPES.get(key);
                assertThat(scope).as("this test knows what the KPI " + key + " counts").isNotNull();
                List<FailureRecord> expected = records.stream()
                        .filter(r -> projects.contains(r.projectKey()) && r.kind() == scope.kind())
                        .filter(r -> scope.time().apply(r) != null && !scope.time().apply(r).isBefore(from)
                                && scope.time().apply(r).isBefore(before))
                        .toList();
                Page found = all(kpi.path("searchUrl").asText());
                assertThat(found.keys()).as(report + " " + key)
                        .containsExactlyInAnyOrderElementsOf(expected.stream().map(FailureRecord::issueKey).toList());
                assertThat(found.times()).as(key + ": newest first, as ORDER BY … DESC asks")
                        .doesNotContainNull().isSortedAccordingTo(Comparator.reverseOrder());
                links++;
            }
        }
        assertThat(links).as("the reports have issue-search links").isGreaterThanOrEqualTo(33);
        assertThat(records.stream().filter(r -> r.startedAt() != null).count()).as("the data is not empty")
                .isGreaterThan(100);
    }

    @Test
    void understandsTheOtherJqlTheSearchTakes() throws Exception {
        String started = "cf[" + host.services().jira.registry().field(FailForwardField.STARTED_AT).orElseThrow()
                .getIdAsLong() + "]";
        assertThat(all(search("key = OPS-102")).keys()).containsExactly("OPS-102");
        assertThat(all(search("KEY in (ops-102, \"CARE-9\") order by key ASC")).keys()).containsExactly("CARE-9", "OPS-102");
        assertThat(all(search("key = OPS-102 AND key = CARE-9")).keys()).as("two keys at once: none").isEmpty();

        Page care = all(search("project = care AND issuetype in (Incident) ORDER BY created ASC"));
        List<String> careIncidents = records.stream()
                .filter(r -> r.projectKey().equals("CARE") && r.kind() == RecordKind.INCIDENT)
                .sorted(Comparator.comparing(FailureRecord::createdAt).thenComparing(FailureRecord::issueId))
                .map(FailureRecord::issueKey).toList();
        assertThat(care.keys()).containsExactlyElementsOf(careIncidents);

        Page startedAscending = all(search("Project In ('OPS') and " + started + " >= '2020/01/01' AND " + started
                + " <= \"2100-01-01 00:00\" ORDER BY " + started + " asc"));
        assertThat(startedAscending.times()).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(startedAscending.keys()).containsExactlyInAnyOrderElementsOf(records.stream()
                .filter(r -> r.projectKey().equals("OPS") && r.startedAt() != null).map(FailureRecord::issueKey).toList());

        Page everything = page(search(""));
        assertThat(everything.total()).as("no JQL: every issue").isEqualTo(records.size());
        assertThat(everything.keys()).hasSize(PreviewIssueSearch.PAGE_SIZE);
        assertThat(everything.next()).hasValue("/issues/?jql=&startIndex=50");
        Page second = page("/issues/?jql=&startIndex=50");
        assertThat(second.keys()).hasSize(PreviewIssueSearch.PAGE_SIZE).doesNotContainAnyElementsOf(everything.keys());
        assertThat(page("/issues/?startIndex=banana").keys()).isEqualTo(everything.keys());
        Page pastTheEnd = page(search("key = OPS-102") + "&startIndex=50");
        assertThat(pastTheEnd.keys()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(1);
        assertThat(get("/issues").statusCode()).isEqualTo(200);
    }

    @Test
    void aQueryTheSearchCannotRunIsA400NamingTheClause() throws Exception {
        String started = "cf[" + host.services().jira.registry().field(FailForwardField.STARTED_AT).orElseThrow()
                .getIdAsLong() + "]";
        String phase = "cf[" + host.services().jira.registry().field(FailForwardField.PHASE).orElseThrow()
                .getIdAsLong() + "]";
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("project = OPS OR project = CARE", "does not understand OR after the clause \"project = OPS\"");
        refused.put("project = OPS AND status = Open", "does not understand \"status = Open\"");
        refused.put("project = NOPE", "The value \"NOPE\" does not exist for the field \"project\".");
        refused.put("issuetype = Bug", "The value \"Bug\" does not exist for the field \"issuetype\".");
        refused.put("key = 42", "The issue key \"42\" for field \"key\" is invalid.");
        refused.put("cf[99999] >= 2026-01-01", "Field \"cf[99999]\" does not exist");
        refused.put(phase + " = EXPLORE", "does not understand \"" + phase + " = EXPLORE\"");
        refused.put(started + " >= startOfMonth()", "clause \"" + started + " >= startOfMonth()\": it runs no JQL functions");
        refused.put(started + " >= -5d", "clause \"" + started + " >= -5d\": it takes dates such as");
        refused.put(started + " >= 2026-02-30", "Date value \"2026-02-30\" for field \"" + started + "\" is invalid.");
        refused.put(started + " in (2026-01-01)", "clause \"" + started + " in (2026-01-01)\": it compares");
        refused.put("project != OPS", "clause \"project != OPS\": it compares project with =, IN only.");
        refused.put("project is EMPTY", "clause \"project is EMPTY\"");
        refused.put("project = \"OPS", "has no closing quote");
        refused.put("project OPS", "expecting an operator");
        refused.put("NOT project = OPS", "does not understand \"NOT project = OPS\": it has no NOT.");
        refused.put("project = OPS ORDER BY summary", "does not understand \"ORDER BY summary\"");
        refused.put("ORDER BY key, created", "does not understand \"ORDER BY key, created\": it orders by one field.");
        for (Map.Entry<String, String> query : refused.entrySet()) {
            HttpResponse<String> response = get(search(query.getKey()));
            assertThat(response.statusCode()).as(query.getKey() + "\n" + response.body()).isEqualTo(400);
            Document html = Jsoup.parse(response.body());
            assertThat(html.select("#jql-error").text()).as(query.getKey()).contains(query.getValue());
            assertThat(html.select("textarea#jql").text()).as("the page shows the query").isEqualTo(query.getKey());
            assertThat(html.select("#issue-table")).isEmpty();
        }
        // nothing a user can type gives a 500
        for (String odd : List.of("(", ")", ",", "\"", "'", "\\", "=", "cf[", "cf[]", "key = \"\"", "project in ()",
                "ORDER BY", "ORDER BY key DESC DESC", "&&", "project = OPS AND", started + " > \"2026-01-01 25:00\"",
                "key in (" + "OPS-1,".repeat(600) + "OPS-2)", "x".repeat(3000),
                "key = \"\\u12\"", "created >= 99999-01-01", "cf[99999999999999999999] > 1")) {
            assertThat(get(search(odd)).statusCode()).as(odd).isIn(200, 400);
        }
    }

    @Test
    void aUserSeesOnlyTheProjectsTheyMayBrowseAndFieldIdsComeFromTheRegistry() {
        PreviewServices services = host.services();
        RecordPermissions opsOnly = new RecordPermissions() {
            @Override
            public Optional<String> currentUserKey() {
                return Optional.of("ops-member");
            }

            @Override
            public Set<String> browsableProjectKeys() {
                return Set.of("OPS");
            }

            @Override
            public boolean canBrowse(String projectKey) {
                return "OPS".equals(projectKey);
            }

            @Override
            public boolean canEdit(String projectKey) {
                return canBrowse(projectKey);
            }
        };
        // another instance's field ids: Started is customfield_77001 there, the preview's id is nobody's
        long previewStarted = services.jira.registry().field(FailForwardField.STARTED_AT).orElseThrow().getIdAsLong();
        FieldRegistry elsewhere = new FieldRegistry() {
            @Override
            public Optional<CustomField> field(FailForwardField field) {
                long id = field == FailForwardField.STARTED_AT ? 77_001 : 80_000 + field.ordinal();
                return Optional.of(new CustomField() {
                    @Override
                    public String getId() {
                        return "customfield_" + id;
                    }

                    @Override
                    public Long getIdAsLong() {
                        return id;
                    }

                    @Override
                    public String getName() {
                        return field.key();
                    }
                });
            }

            @Override
            public Optional<String> optionValue(FailForwardField field, Object jiraValue) {
                return Optional.empty();
            }
        };
        PreviewIssueSearch search = new PreviewIssueSearch(new AoRecordFieldSearch(services.database.activeObjects()),
                opsOnly, elsewhere, services.kpiUser);

        List<String> ops = records.stream().filter(r -> r.projectKey().equals("OPS")).map(FailureRecord::issueKey).toList();
        PreviewIssueSearch.Result everything = search.search("", 0);
        assertThat(everything.page().total()).isEqualTo(ops.size());
        assertThat(everything.page().records()).extracting(FailureRecord::projectKey).containsOnly("OPS");
        assertThat(search.search("key in (CARE-8, OPS-102)", 0).page().records()).extracting(FailureRecord::issueKey)
                .containsExactly("OPS-102");
        for (String hidden : List.of("project = CARE", "project in (OPS, CARE)")) {
            Jql.JqlException refused = catchThrowableOfType(Jql.JqlException.class, () -> search.search(hidden, 0));
            assertThat(refused).as(hidden).isNotNull();
            assertThat(refused.i18nKey()).as("a hidden project is answered like a missing one")
                    .isEqualTo("preview.search.error.value");
            assertThat(refused.arguments()).containsExactly("CARE", "project");
        }

        assertThat(search.search("cf[77001] >= 2000-01-01", 0).page().total()).isEqualTo(records.stream()
                .filter(r -> r.projectKey().equals("OPS") && r.startedAt() != null).count());
        Jql.JqlException old = catchThrowableOfType(Jql.JqlException.class,
                () -> search.search("cf[" + previewStarted + "] >= 2000-01-01", 0));
        assertThat(old.i18nKey()).isEqualTo("preview.search.error.field.missing");
    }
}

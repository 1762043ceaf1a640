package dev.failforward.jira.kpi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.core.kpi.Direction;
import dev.failforward.core.kpi.Granularity;
import dev.failforward.core.kpi.Kpi;
import dev.failforward.core.kpi.Periods;
import dev.failforward.core.kpi.Trend;
import dev.failforward.core.kpi.Unit;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.testing.FakeFieldRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KPI catalogue ({@link Kpi}) is the one source of truth: the dashboard item's own list of KPIs (keys, name keys,
 * order, the default selection), every enum of KPI keys in the OpenAPI document (and its unit, direction and trend
 * enums), the i18n bundle and the issue-search links must say what it says. Each comparison returns its differences
 * as sentences, and is also fed drifted copies to show that it sees them.
 */
class KpiCatalogueTest {

    static final String SCRIPT = "js/kpi/kpi-dashboard-item.js";
    static final String OPENAPI = "openapi/failforward-openapi.json";
    static final String CORE_MESSAGES = "dev/failforward/core/i18n/failforward-core.properties";

    private static final Pattern KPIS_LIST = Pattern.compile("var KPIS = \\[(.*?)\\];", Pattern.DOTALL);
    private static final Pattern KPI_ENTRY = Pattern.compile(
            "\\{key: '([^']*)', name: AJS\\.I18n\\.getText\\('([^']*)'\\)}");
    private static final Pattern DEFAULT_LIST = Pattern.compile("var DEFAULT_KPIS = \\[(.*?)\\];", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    // ---------------------------------------------------------------------------------------------------------------
    // the comparisons

    /** The dashboard item's {@code KPIS} (key and name key of each, in order) and {@code DEFAULT_KPIS}. */
    static List<String> driftOfScript(String script) {
        List<String> drift = new ArrayList<>();
        Matcher list = KPIS_LIST.matcher(script);
        if (!list.find()) {
            return List.of("the script has no 'var KPIS = [...];'");
        }
        String[] entries = list.group(1).strip().split(",\\s*\\n");
        List<String> keys = new ArrayList<>();
        for (String entry : entries) {
            Matcher kpi = KPI_ENTRY.matcher(entry.strip());
            if (!kpi.matches()) {
                drift.add("KPIS has an entry the check cannot read: " + entry.strip());
                continue;
            }
            String key = kpi.group(1);
            keys.add(key);
            Kpi known = Kpi.ofKey(key).orElse(null);
            if (known == null) {
                drift.add("KPIS lists " + key + ", which is not in the catalogue");
            } else if (!known.i18nKey().equals(kpi.group(2))) {
                drift.add("KPIS names " + key + " with " + kpi.group(2) + ", the catalogue with " + known.i18nKey());
            }
        }
        compareOrder(drift, "KPIS", keys, catalogueKeys());

        Matcher defaults = DEFAULT_LIST.matcher(script);
        if (!defaults.find()) {
            drift.add("the script has no 'var DEFAULT_KPIS = [...];'");
        } else {
            List<String> shown = new ArrayList<>();
            Matcher quoted = QUOTED.matcher(defaults.group(1));
            while (quoted.find()) {
                shown.add(quoted.group(1));
            }
            compareOrder(drift, "DEFAULT_KPIS", shown,
                    Arrays.stream(Kpi.values()).filter(Kpi::shownByDefault).map(Kpi::key).toList());
        }
        return drift;
    }

    /**
     * Every enum of the document that holds a KPI key must hold all of them, in catalogue order (there are at least
     * two: the {@code kpi} query parameter and the report's {@code key}); the report's unit, direction and trend enums
     * must be the core enums' values.
     */
    static List<String> driftOfOpenApi(JsonNode document) {
        List<String> drift = new ArrayList<>();
        List<String> where = new ArrayList<>();
        collectKpiEnums(document, "", where, drift);
        if (where.size() < 2) {
            drift.add("the document has " + where.size() + " enum(s) of KPI keys, expected the kpi parameter's and the"
                    + " report's: " + where);
        }
        JsonNode item = document.at("/components/schemas/KpiReport/properties/kpis/items/properties");
        compareSet(drift, "KpiReport unit", values(item.at("/unit/enum")), lowerNames(Unit.values()));
        compareSet(drift, "KpiReport direction", values(item.at("/direction/enum")), lowerNames(Direction.values()));
        compareSet(drift, "KpiReport trend", values(item.at("/trend/enum")), lowerNames(Trend.values()));
        return drift;
    }

    /** Name and description of every KPI in the bundle, and no message of a KPI the catalogue does not have. */
    static List<String> driftOfMessages(Properties messages) {
        List<String> drift = new ArrayList<>();
        for (Kpi kpi : Kpi.values()) {
            for (String key : List.of(kpi.i18nKey(), kpi.descriptionKey())) {
                String text = messages.getProperty(key);
                if (text == null || text.isBlank()) {
                    drift.add("no message " + key);
                }
            }
        }
        Pattern kpiMessage = Pattern.compile("failforward\\.kpi\\.([a-z0-9_]+)\\.(name|description)");
        for (String key : new TreeSet<>(messages.stringPropertyNames())) {
            Matcher m = kpiMessage.matcher(key);
            if (m.matches() && Kpi.ofKey(m.group(1)).isEmpty()) {
                drift.add("message " + key + " is of a KPI the catalogue does not have");
            }
        }
        return drift;
    }

    /**
     * The link of each KPI searches what the catalogue says: no link without an issue search; otherwise the issue type
     * of the record kind and the Jira field of the date field.
     */
    static List<String> driftOfSearchLinks(Function<Kpi, String> jql, FakeFieldRegistry fields) {
        List<String> drift = new ArrayList<>();
        for (Kpi kpi : Kpi.values()) {
            String query = jql.apply(kpi);
            Kpi.IssueSearch search = kpi.issueSearch().orElse(null);
            if (search == null) {
                if (query != null) {
                    drift.add(kpi.key() + " has no issue search in the catalogue but a link: " + query);
                }
                continue;
            }
            if (query == null) {
                drift.add(kpi.key() + " has an issue search in the catalogue but no link");
                continue;
            }
            FailForwardField field = FailForwardField.byKey(search.dateField()).orElse(null);
            if (field == null) {
                drift.add(kpi.key() + " searches " + search.dateField() + ", which is no Jira field of ours");
                continue;
            }
            if (!field.scope().name().equals(search.kind().name())) {
                drift.add(kpi.key() + " searches " + search.kind() + " by " + field.key() + ", a field of " + field.scope());
            }
            String type = search.kind() == RecordKind.EXPERIMENT ? "Experiment" : "Incident";
            if (!query.contains("issuetype = " + type + " ")) {
                drift.add(kpi.key() + " should search issue type " + type + ": " + query);
            }
            String ref = "cf[" + fields.field(field).orElseThrow().getIdAsLong() + "]";
            if (!query.contains(ref + " >= ") || !query.contains(ref + " < ")) {
                drift.add(kpi.key() + " should search by " + field.key() + " (" + ref + "): " + query);
            }
        }
        return drift;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the real files

    @Test
    void theDashboardItemListsTheCatalogue() throws IOException {
        assertThat(driftOfScript(resource(SCRIPT))).isEmpty();
    }

    @Test
    void theOpenApiEnumsAreTheCatalogue() throws IOException {
        assertThat(driftOfOpenApi(openApi())).isEmpty();
    }

    @Test
    void theBundleHasTheMessagesOfTheCatalogue() throws IOException {
        assertThat(driftOfMessages(messages())).isEmpty();
    }

    @Test
    void theSearchLinksFollowTheCatalogue() {
        FakeFieldRegistry fields = new FakeFieldRegistry();
        KpiSearchLinks links = new KpiSearchLinks(fields);
        assertThat(driftOfSearchLinks(kpi -> links.jql(kpi, List.of("OPS"), periods()), fields)).isEmpty();
        assertThat(links.jql(Kpi.EXPERIMENTS_STARTED, List.of("OPS", "CA\"RE"), periods())).isEqualTo(
                "project in (\"OPS\", \"CA\\\"RE\") AND issuetype = Experiment AND cf[10108] >= \"2026-01-01\" AND "
                        + "cf[10108] < \"2026-04-01\" ORDER BY cf[10108] DESC");
        assertThat(links.jql(Kpi.SHARING_SCORE, List.of("OPS"), periods())).isNull();
        assertThat(links.jql(Kpi.RECURRENCE_RATE, List.of(), periods())).as("no project, no search").isNull();
    }

    @Test
    void theCatalogueSaysWhatEachKpiIs() {
        assertThat(Kpi.values()).extracting(Kpi::key).startsWith("experiments_started", "hypotheses_tested")
                .endsWith("failure_type_mix", "failure_category_mix").doesNotHaveDuplicates();
        assertThat(Kpi.ofKey("time_to_resolve")).contains(Kpi.TIME_TO_RESOLVE);
        assertThat(Kpi.ofKey("TIME_TO_RESOLVE")).isEmpty();
        assertThat(Kpi.TIME_TO_RESOLVE.issueSearch()).contains(new Kpi.IssueSearch(RecordKind.INCIDENT, "resolvedAt"));
        assertThat(Kpi.ACTIONS_CLOSED.issueSearch()).isEmpty();
        assertThat(Kpi.SHARING_SCORE.shownByDefault()).isTrue();
        assertThat(Kpi.FAILURE_TYPE_MIX.shownByDefault()).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the comparisons see drift

    @Test
    void aScriptThatDriftedIsSeen() throws IOException {
        String script = resource(SCRIPT);
        String hypotheses = "        {key: 'hypotheses_tested', name: AJS.I18n.getText('failforward.kpi.hypotheses_tested.name')},\n";
        assertThat(script).contains(hypotheses);

        assertThat(driftOfScript(script.replace(hypotheses, ""))).anySatisfy(d -> assertThat(d).contains("KPIS")
                .contains("hypotheses_tested"));
        assertThat(driftOfScript(script.replace(hypotheses, "").replace(
                "        {key: 'reporting_time_p90'", hypotheses + "        {key: 'reporting_time_p90'")))
                .as("moved").anySatisfy(d -> assertThat(d).contains("order"));
        assertThat(driftOfScript(script.replace("getText('failforward.kpi.sharing_score.name')",
                "getText('failforward.kpi.sharing.name')")))
                .containsExactly("KPIS names sharing_score with failforward.kpi.sharing.name, the catalogue with "
                        + "failforward.kpi.sharing_score.name");
        assertThat(driftOfScript(script.replace(hypotheses, hypotheses
                + "        {key: 'mood', name: AJS.I18n.getText('failforward.kpi.mood.name')},\n")))
                .contains("KPIS lists mood, which is not in the catalogue");
        assertThat(driftOfScript(script.replace("'recurrence_rate', 'sharing_score']", "'recurrence_rate']")))
                .anySatisfy(d -> assertThat(d).startsWith("DEFAULT_KPIS").contains("sharing_score"));
        assertThat(driftOfScript(script.replace(hypotheses, hypotheses.replace("{key: ", "{ key: "))))
                .anySatisfy(d -> assertThat(d).startsWith("KPIS has an entry the check cannot read"));
    }

    @Test
    void anOpenApiDocumentThatDriftedIsSeen() throws IOException {
        JsonNode parameterDrift = openApi();
        ArrayNode parameterEnum = (ArrayNode) kpiParameterEnum(parameterDrift);
        parameterEnum.remove(parameterEnum.size() - 1);
        assertThat(driftOfOpenApi(parameterDrift)).anySatisfy(d -> assertThat(d).contains("failure_category_mix"));

        JsonNode reportDrift = openApi();
        ArrayNode keyEnum = (ArrayNode) reportDrift.at("/components/schemas/KpiReport/properties/kpis/items/properties/key/enum");
        keyEnum.add("mood");
        assertThat(driftOfOpenApi(reportDrift)).anySatisfy(d -> assertThat(d).contains("mood"));

        JsonNode orderDrift = openApi();
        ArrayNode ordered = (ArrayNode) kpiParameterEnum(orderDrift);
        JsonNode first = ordered.remove(0);
        ordered.add(first);
        assertThat(driftOfOpenApi(orderDrift)).anySatisfy(d -> assertThat(d).contains("order"));

        JsonNode unitDrift = openApi();
        ((ArrayNode) unitDrift.at("/components/schemas/KpiReport/properties/kpis/items/properties/unit/enum")).add("days");
        assertThat(driftOfOpenApi(unitDrift)).anySatisfy(d -> assertThat(d).contains("unit").contains("days"));

        JsonNode gone = openApi();
        ((ObjectNode) kpiParameter(gone).path("schema")).remove("items");
        assertThat(driftOfOpenApi(gone)).anySatisfy(d -> assertThat(d).contains("1 enum(s) of KPI keys"));
    }

    @Test
    void aBundleThatDriftedIsSeen() throws IOException {
        Properties messages = messages();
        messages.remove(Kpi.TIME_TO_INSIGHT.descriptionKey());
        messages.setProperty("failforward.kpi.mood.name", "Team mood");
        assertThat(driftOfMessages(messages)).containsExactly("no message failforward.kpi.time_to_insight.description",
                "message failforward.kpi.mood.name is of a KPI the catalogue does not have");
    }

    @Test
    void searchLinksThatDriftedAreSeen() {
        FakeFieldRegistry fields = new FakeFieldRegistry();
        KpiSearchLinks links = new KpiSearchLinks(fields);
        // what the links did before the catalogue said it: a switch of their own, here with two mistakes
        Function<Kpi, String> drifted = kpi -> switch (kpi) {
            case HYPOTHESES_TESTED -> null;
            case SHARING_SCORE -> links.jql(Kpi.RECURRENCE_RATE, List.of("OPS"), periods());
            case TIME_TO_RESOLVE -> links.jql(Kpi.REPORTING_TIME_MEDIAN, List.of("OPS"), periods());
            default -> links.jql(kpi, List.of("OPS"), periods());
        };
        assertThat(driftOfSearchLinks(drifted, fields)).hasSize(3)
                .anySatisfy(d -> assertThat(d).startsWith("hypotheses_tested has an issue search"))
                .anySatisfy(d -> assertThat(d).startsWith("sharing_score has no issue search"))
                .anySatisfy(d -> assertThat(d).startsWith("time_to_resolve should search by resolvedAt"));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void collectKpiEnums(JsonNode node, String pointer, List<String> where, List<String> drift) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String path = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (field.getKey().equals("enum") && field.getValue().isArray()) {
                    List<String> values = values(field.getValue());
                    if (values.stream().anyMatch(v -> Kpi.ofKey(v).isPresent())) {
                        where.add(path);
                        compareOrder(drift, path, values, catalogueKeys());
                    }
                } else {
                    collectKpiEnums(field.getValue(), path, where, drift);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectKpiEnums(node.get(i), pointer + "/" + i, where, drift);
            }
        }
    }

    private static void compareOrder(List<String> drift, String what, List<String> actual, List<String> expected) {
        if (actual.equals(expected)) {
            return;
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            drift.add(what + " differs from the catalogue: missing " + missing + ", not in the catalogue " + extra);
        } else {
            drift.add(what + " is not in catalogue order: " + actual + ", expected " + expected);
        }
    }

    private static void compareSet(List<String> drift, String what, List<String> actual, List<String> expected) {
        if (!new TreeSet<>(actual).equals(new TreeSet<>(expected)) || actual.size() != expected.size()) {
            drift.add(what + " is " + actual + ", the core enum's values are " + expected);
        }
    }

    private static List<String> catalogueKeys() {
        return Arrays.stream(Kpi.values()).map(Kpi::key).toList();
    }

    private static List<String> lowerNames(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.toList());
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode kpiParameter(JsonNode document) {
        for (JsonNode parameter : document.at("/paths/~1kpis/get/parameters")) {
            if (parameter.path("name").asText().equals("kpi")) {
                return parameter;
            }
        }
        throw new AssertionError("GET /kpis has no kpi parameter");
    }

    private static JsonNode kpiParameterEnum(JsonNode document) {
        return kpiParameter(document).at("/schema/items/enum");
    }

    private static Periods periods() {
        return Periods.between(Instant.parse("2026-01-15T00:00:00Z"), Instant.parse("2026-03-15T00:00:00Z"),
                Granularity.MONTH, ZoneOffset.UTC, Instant.parse("2026-06-01T00:00:00Z"));
    }

    static String resource(String path) throws IOException {
        try (InputStream in = KpiCatalogueTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode openApi() throws IOException {
        return new ObjectMapper().readTree(resource(OPENAPI));
    }

    private static Properties messages() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = KpiCatalogueTest.class.getClassLoader().getResourceAsStream(CORE_MESSAGES)) {
            assertThat(in).as(CORE_MESSAGES).isNotNull();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}

package dev.failforward.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.core.text.Html;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /jira/dashboard}: a Jira-like dashboard ("Culture dashboard") that runs the Jira plugin's dashboard items as
 * Jira does: the page carries an AMD loader ({@code amd-lite.js}), jQuery and the host modules
 * ({@code dashboard.js}: {@code jquery}, {@code wrm/context-path}, a minimal {@code AJS}, the gadget frames and the
 * item API), then the items' web resources with their dependencies in the order Jira's web-resource manager would
 * send them, from {@code /download/resources/…}. The items' AMD modules run unchanged.
 * <p>
 * {@code ?layout=a|aa|aaa} picks one, two or three columns (two by default). Preferences live in the browser's
 * localStorage, per item, starting from the defaults below: the preview has no dashboard database, and a reload keeps
 * what the visitor configured.
 */
final class DashboardServlet extends PageServlet {

    /**
     * A dashboard item on the page: the {@code <dashboard-item>} module's key, its title (from its i18n key) and AMD
     * module, as the descriptor declares them, with the preview's element id and default preferences.
     */
    record Item(String id, String title, String amdModule, Map<String, String> defaults) {
    }

    /**
     * The preview's own dashboard configuration, by dashboard-item key: each item's element id and the preferences it
     * starts from (a real dashboard keeps these in its database). An item of the descriptor that is not here is on the
     * dashboard too, with its own defaults.
     */
    static final Map<String, Item> CONFIGURED = orderedMap(
            "kpi-dashboard-item", new Item("kpi", null, null,
                    orderedMap("project", "OPS,GROWTH,CARE", "months", "24", "granularity", "month",
                            "kpis", "experiments_started,reporting_time_median,reporting_time_p90,recurrence_rate,"
                                    + "sharing_score,failure_type_mix,follow_ups_effective_on_time,huddles_held,"
                                    + "award_nominations,award_voters,team_learning_index",
                            "view", "chart")),
            "pulse-dashboard-item", new Item("pulse", null, null, orderedMap("project", "OPS")),
            "award-dashboard-item", new Item("award", null, null, orderedMap("scope", "instance")),
            // issue 16: the OPS and CARE team's huddle board; "On this day" over every project the user may browse
            "huddle-dashboard-item", new Item("huddle", null, null, orderedMap("projects", "OPS,CARE")),
            "on-this-day-dashboard-item", new Item("on-this-day", null, null, orderedMap()));

    /** The dashboard layouts Jira calls A, AA and AAA: one to three columns of equal width. */
    static final Map<String, Integer> LAYOUTS = orderedMap("a", 1, "aa", 2, "aaa", 3);
    static final String DEFAULT_LAYOUT = "aa";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PluginResources plugins;
    /** The Jira plugin's dashboard items, in descriptor order. */
    private final List<Item> items;

    DashboardServlet(PreviewServices services) {
        super(services.templates);
        this.plugins = services.plugins;
        this.items = items(services);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/jira/dashboard".equals(request.getRequestURI())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String layout = request.getParameter("layout");
        if (layout == null || !LAYOUTS.containsKey(layout)) {
            layout = DEFAULT_LAYOUT;
        }
        int columnCount = LAYOUTS.get(layout);
        List<List<Map<String, Object>>> columns = new ArrayList<>();
        for (int i = 0; i < columnCount; i++) {
            columns.add(new ArrayList<>());
        }
        // as Jira's dashboard: the items' web resources are those of the atl.dashboard context, with their dependencies
        WebResourceBatch resources = new WebResourceBatch(plugins, PreviewServices.JIRA_PLUGIN_KEY)
                .requireContext("atl.dashboard");
        for (int i = 0; i < items.size(); i++) {
            columns.get(i % columnCount).add(itemModel(items.get(i)));
        }
        List<Map<String, Object>> layouts = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : LAYOUTS.entrySet()) {
            layouts.add(Map.of("key", entry.getKey(), "columns", entry.getValue(), "current", entry.getKey().equals(layout)));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("layout", layout);
        model.put("layouts", layouts);
        model.put("columns", columns);
        model.put("scripts", resources.urls(".js"));
        model.put("styles", resources.urls(".css"));
        model.put("missingHtml", Html.escape(String.join(", ", resources.missing())));
        model.put("hostProvidedHtml", Html.escape(String.join(" ", resources.external())));
        render(response, "dashboard.vm", model);
    }

    /** The descriptor's {@code <dashboard-item>} modules with the preview's configuration. */
    static List<Item> items(PreviewServices services) {
        List<Item> items = new ArrayList<>();
        for (dev.failforward.buildtools.descriptor.PluginDescriptor.DashboardItem module : services.plugins.descriptors()
                .get(PreviewServices.JIRA_PLUGIN_KEY)
                .modules(dev.failforward.buildtools.descriptor.PluginDescriptor.DashboardItem.class)) {
            Item configured = CONFIGURED.get(module.key());
            String title = module.titleKey() == null ? module.key() : services.jiraI18n.getText(module.titleKey());
            items.add(new Item(configured == null ? module.key() : configured.id(), title, module.amdModule(),
                    configured == null ? Map.of() : configured.defaults()));
        }
        return List.copyOf(items);
    }

    private static Map<String, Object> itemModel(Item item) throws JsonProcessingException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", item.id());
        model.put("titleHtml", Html.escape(item.title()));
        model.put("amdModuleHtml", Html.escape(item.amdModule()));
        model.put("defaultsHtml", Html.escape(JSON.writeValueAsString(item.defaults())));
        return model;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> orderedMap(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}

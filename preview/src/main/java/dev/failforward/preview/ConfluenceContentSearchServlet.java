package dev.failforward.preview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.preview.confluence.PreviewApplicationProperties;
import dev.failforward.preview.confluence.PreviewConfluenceSpace;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The preview Confluence's content search, {@code GET /confluence/rest/api/content/search?cql=…&start=&limit=}, in the
 * shape Confluence answers it ({@code results} with {@code id}, {@code type}, {@code title}, {@code body.storage.value},
 * {@code _links.webui}; {@code start}, {@code limit}, {@code size}, {@code _links.base} and {@code next} while there is
 * more) over the demo space ({@link PreviewConfluenceSpace}). It reads the CQL Jira's import sends —
 * {@code type=page and space="OPS" [and label="x"] [and ancestor="123"]} — and answers 400 with Confluence's
 * {@code {"message"}} for any other.
 */
final class ConfluenceContentSearchServlet extends HttpServlet {

    static final String PATH = PreviewApplicationProperties.CONTEXT_PATH + "/rest/api/content/search";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLAUSE = Pattern.compile(
            "\\s*(?:and\\s+)?(type|space|label|ancestor)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[\\w~.-]+)\\s*",
            Pattern.CASE_INSENSITIVE);

    private final transient PreviewServices services;

    ConfluenceContentSearchServlet(PreviewServices services) {
        this.services = services;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String cql = request.getParameter("cql") == null ? "" : request.getParameter("cql");
        String where = cql.replaceFirst("(?i)\\s+order\\s+by\\s+created(\\s+asc)?\\s*$", "");
        String space = null;
        String label = null;
        Long ancestor = null;
        Matcher m = CLAUSE.matcher(where);
        int at = 0;
        while (at < where.length() && m.find(at) && m.start() == at) {
            String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(2);
            switch (m.group(1).toLowerCase(java.util.Locale.ROOT)) {
                case "space" -> space = value;
                case "label" -> label = value;
                case "ancestor" -> ancestor = value.matches("\\d{1,18}") ? Long.parseLong(value) : -1L;
                default -> {
                    if (!value.equals("page")) {
                        space = "";
                    }
                }
            }
            at = m.end();
        }
        if (at < where.length() || space == null) {
            send(response, 400, JSON.createObjectNode().put("statusCode", 400)
                    .put("message", "Could not parse cql : " + cql));
            return;
        }
        int start = number(request.getParameter("start"), 0);
        int limit = Math.min(Math.max(number(request.getParameter("limit"), 25), 1), 100);
        List<PreviewConfluenceSpace.Page> all = services.confluenceSpace.search(space, label, ancestor);
        List<PreviewConfluenceSpace.Page> slice = all.subList(Math.min(start, all.size()),
                Math.min(start + limit, all.size()));
        String base = services.confluenceApplication.getBaseUrl(com.atlassian.sal.api.UrlMode.CANONICAL);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (PreviewConfluenceSpace.Page page : slice) {
            ObjectNode result = results.addObject().put("id", String.valueOf(page.id())).put("type", "page")
                    .put("status", "current").put("title", page.title());
            result.putObject("space").put("key", PreviewConfluenceSpace.SPACE).put("name", PreviewConfluenceSpace.SPACE_NAME);
            result.putObject("version").put("number", 1);
            result.putObject("body").putObject("storage").put("value", page.storage()).put("representation", "storage");
            result.putObject("_links").put("webui", RetroPages.VIEW_PATH + page.id());
        }
        answer.put("start", start).put("limit", limit).put("size", slice.size());
        ObjectNode links = answer.putObject("_links").put("base", base).put("context", PreviewApplicationProperties.CONTEXT_PATH);
        if (start + slice.size() < all.size()) {
            links.put("next", "/rest/api/content/search?cql=" + java.net.URLEncoder.encode(cql, StandardCharsets.UTF_8)
                    + "&start=" + (start + slice.size()) + "&limit=" + limit);
        }
        send(response, 200, answer);
    }

    private static int number(String value, int otherwise) {
        try {
            return value == null ? otherwise : Math.max(Integer.parseInt(value.strip()), 0);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static void send(HttpServletResponse response, int status, ObjectNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}

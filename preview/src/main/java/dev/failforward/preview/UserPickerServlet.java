package dev.failforward.preview;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.core.text.Html;
import dev.failforward.preview.jira.PreviewUserManager;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /rest/api/2/user/picker?query=…&maxResults=…}: Jira's user picker resource, which the issue-view panels'
 * owner field asks while someone types, over the preview's users. The same answer shape as Jira's
 * ({@code {"users":[{"key","name","displayName","html"}],"total","header"}}); a user matches when their user name or
 * a word of their full name starts with the query, ignoring case. Logged-in users only, as in Jira.
 */
final class UserPickerServlet extends HttpServlet {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_MAX = 50;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getParameter("query");
        int max = DEFAULT_MAX;
        try {
            max = Math.max(1, Math.min(1000, Integer.parseInt(request.getParameter("maxResults"))));
        } catch (NumberFormatException e) {
            // Jira's default
        }
        List<Map<String, Object>> users = new ArrayList<>();
        int total = 0;
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> user : new java.util.TreeMap<>(PreviewUserManager.NAMES).entrySet()) {
            if (!q.isEmpty() && !matches(user.getKey(), user.getValue(), q)) {
                continue;
            }
            total++;
            if (users.size() < max) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("key", user.getKey());
                json.put("name", user.getKey());
                json.put("displayName", user.getValue());
                json.put("html", Html.escape(user.getValue()) + " - " + Html.escape(user.getKey()));
                users.add(json);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("users", users);
        body.put("total", total);
        body.put("header", "Showing " + users.size() + " of " + total + " matching users");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), body);
    }

    private static boolean matches(String key, String name, String query) {
        if (key.toLowerCase(Locale.ROOT).startsWith(query)) {
            return true;
        }
        for (String word : name.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (word.startsWith(query)) {
                return true;
            }
        }
        return name.toLowerCase(Locale.ROOT).startsWith(query);
    }
}

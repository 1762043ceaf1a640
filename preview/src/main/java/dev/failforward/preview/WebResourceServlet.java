package dev.failforward.preview;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** {@code /download/resources/…}: the plugins' web resources and downloads, as the products serve them. */
final class WebResourceServlet extends HttpServlet {

    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "png", "image/png",
            "svg", "image/svg+xml",
            "json", "application/json");

    private final transient PluginResources plugins;

    WebResourceServlet(PluginResources plugins) {
        this.plugins = plugins;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        Optional<PluginResources.Resource> found = plugins.find(path);
        String extension = path.substring(path.lastIndexOf('.') + 1);
        if (found.isEmpty() || !TYPES.containsKey(extension)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PluginResources.Resource resource = found.get();
        response.setContentType(TYPES.get(extension));
        response.setHeader("Cache-Control", "no-cache");
        try (InputStream in = resource.url().openStream()) {
            if (resource.jsI18n()) {
                String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                response.getOutputStream().write(JsI18nTransformer.transform(script, resource.i18n()).getBytes(StandardCharsets.UTF_8));
            } else {
                in.transferTo(response.getOutputStream());
            }
        }
    }
}

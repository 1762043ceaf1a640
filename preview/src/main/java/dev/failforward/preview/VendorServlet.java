package dev.failforward.preview;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * {@code /preview/vendor/*}: the third-party scripts the products provide to plugins and the preview has to bring
 * itself, served from their webjars on the class path (Maven Central). Only jQuery so far, which Jira's dashboard gives
 * its items as the AMD module {@code jquery}.
 */
final class VendorServlet extends HttpServlet {

    /** File name under /preview/vendor/ → webjar (org.webjars.npm artifact) and path inside its package. */
    private static final Map<String, String[]> FILES = Map.of("jquery.js", new String[] {"jquery", "dist/jquery.js"});

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String[] file = FILES.get(name);
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String location = "META-INF/resources/webjars/" + file[0] + "/" + webjarVersion(file[0]) + "/" + file[1];
        try (InputStream in = VendorServlet.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType("text/javascript;charset=UTF-8");
            response.setHeader("Cache-Control", "max-age=3600");
            in.transferTo(response.getOutputStream());
        }
    }

    /** The version of the webjar on the class path, from the pom.properties Maven puts into every jar. */
    private static String webjarVersion(String artifactId) {
        String location = "META-INF/maven/org.webjars.npm/" + artifactId + "/pom.properties";
        try (InputStream in = VendorServlet.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("The webjar org.webjars.npm:" + artifactId + " is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.failforward.preview;

import dev.failforward.core.text.Html;
import dev.failforward.preview.jira.PreviewUsers;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /preview/user}: who you are in the preview, the administrator or a teammate who is not one (to see the
 * admin pages' and REST resources' 403s, and the pages as most users see them). The choice is a cookie; the
 * {@link CurrentUser} filter makes every request run as it. Switching is a form post with the preview's
 * cross-site request forgery checks.
 */
final class PreviewUserServlet extends PageServlet {

    static final String COOKIE = "ff-preview-user";

    private final PreviewServices services;

    PreviewUserServlet(PreviewServices services) {
        super(services.templates);
        this.services = services;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> users = new ArrayList<>();
        for (String key : List.of(dev.failforward.preview.jira.PreviewRecordPermissions.DEMO_USER, PreviewUsers.MEMBER)) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("keyHtml", Html.escape(key));
            user.put("nameHtml", Html.escape(PreviewUsers.SWITCHABLE.get(key)));
            user.put("current", key.equals(PreviewUsers.current()));
            users.add(user);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("users", users);
        model.put("tokenHtml", Html.escape(services.csrf.token(request, response)));
        render(response, "user.vm", model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PreviewCsrf.Refusal> refused = services.csrf.check(request);
        if (refused.isPresent()) {
            forbidden(response, services.previewI18n, refused.get());
            return;
        }
        String as = request.getParameter("as");
        if (as == null || !PreviewUsers.SWITCHABLE.containsKey(as)) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "No such preview user",
                    "Choose one of " + PreviewUsers.SWITCHABLE.keySet() + ".");
            return;
        }
        Cookie cookie = new Cookie(COOKIE, as);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/preview/user");
    }

    /** Runs every request as the preview user its cookie names (the administrator when it names none). */
    static final class CurrentUser implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String user = null;
            Cookie[] cookies = request instanceof HttpServletRequest http ? http.getCookies() : null;
            if (cookies != null) {
                for (Cookie cookie : cookies) {
                    if (COOKIE.equals(cookie.getName())) {
                        user = cookie.getValue();
                    }
                }
            }
            try {
                PreviewUsers.runAs(user, () -> chain.doFilter(request, response));
            } catch (IOException | ServletException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ServletException(e);
            }
        }
    }
}
